import {UserError} from './user-error.js';

/*
 * What a user may type wherever sfntop wants a state machine or execution:
 * - a full ARN (standard `...:execution:MACHINE:NAME`, express `...:express:MACHINE:NAME:ID`),
 * - a state machine name: `OrderProcessingStateMachine`,
 * - `MACHINE/NAME`: that machine's execution called NAME,
 * - `MACHINE/latest`: that machine's newest execution.
 */
export type Target =
	| {kind: 'machine-arn'; arn: string}
	| {kind: 'execution-arn'; arn: string}
	| {kind: 'machine-name'; name: string}
	| {kind: 'execution-name'; machine: string; name: string}
	| {kind: 'latest'; machine: string};

const machineArn = /^arn:aws[\w-]*:states:([\d\-a-z]+):(\d{12}):stateMachine:([\w-]{1,80})(?::[\w-]+)?$/;
const executionArn = /^arn:aws[\w-]*:states:([\d\-a-z]+):(\d{12}):(?:execution|express):([\w-]{1,80}):([\w-]{1,80})(?::[\w-]+)?$/;
const name = /^[\w-]{1,80}$/;

export function parseTarget(text: string): Target {
	if (text.startsWith('arn:')) {
		if (machineArn.test(text)) {
			return {kind: 'machine-arn', arn: text};
		}

		if (executionArn.test(text)) {
			return {kind: 'execution-arn', arn: text};
		}

		throw new UserError(`"${text}" is not a Step Functions state machine or execution ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME or ...:execution:MACHINE:NAME)`);
	}

	const [machine, execution, ...rest] = text.split('/');
	if (rest.length > 0 || !machine || !name.test(machine) || (execution !== undefined && !name.test(execution))) {
		throw new UserError(`"${text}" is neither an ARN nor a name; use a state machine name, MACHINE/EXECUTION-NAME, MACHINE/latest, or an ARN`);
	}

	if (execution === undefined) {
		return {kind: 'machine-name', name: machine};
	}

	return execution === 'latest' ? {kind: 'latest', machine} : {kind: 'execution-name', machine, name: execution};
}

/** The region an ARN belongs to, or undefined for names. */
export function regionOfArn(arn: string): string | undefined {
	return machineArn.exec(arn)?.[1] ?? executionArn.exec(arn)?.[1];
}

export function machineArnOfExecution(arn: string): string {
	const match = executionArn.exec(arn);
	if (!match) {
		throw new UserError(`"${arn}" is not an execution ARN`);
	}

	return `arn:aws:states:${match[1]}:${match[2]}:stateMachine:${match[3]}`;
}

export function executionArnFor(machine: string, executionName: string): string {
	return `${machine.replace(':stateMachine:', ':execution:')}:${executionName}`;
}
