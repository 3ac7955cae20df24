import {UserError} from './user-error.js';

/*
 * What a user may type wherever sfntop wants a state machine or execution:
 * - a full ARN (standard `...:execution:MACHINE:NAME`, express `...:express:MACHINE:NAME:ID`),
 * - a state machine name: `OrderProcessingStateMachine`,
 * - `MACHINE:VERSION` or `MACHINE:ALIAS`: that version or alias of the machine,
 * - `MACHINE/NAME`: that machine's execution called NAME,
 * - `MACHINE/latest`: that machine's newest execution,
 * - `MACHINE/latest-succeeded`, `MACHINE/latest-failed`: its newest that succeeded, or failed.
 */
export type Target =
	| {kind: 'machine-arn'; arn: string}
	| {kind: 'execution-arn'; arn: string}
	| {kind: 'machine-name'; name: string; qualifier?: string}
	| {kind: 'execution-name'; machine: string; name: string}
	| {kind: 'latest'; machine: string; status?: 'SUCCEEDED' | 'FAILED'};

const latestWords: Record<string, 'SUCCEEDED' | 'FAILED' | undefined> = {latest: undefined, 'latest-succeeded': 'SUCCEEDED', 'latest-failed': 'FAILED'};

const machineArn = /^arn:aws[\w-]*:states:([\d\-a-z]+):\d{12}:stateMachine:[\w-]{1,80}(?::[\w-]+)?$/;
// A Distributed Map run's children are `execution:MACHINE/LABEL:NAME`.
const executionArn = /^arn:aws[\w-]*:states:([\d\-a-z]+):\d{12}:(?:execution|express):[\w-]{1,80}(?:\/[\w-]{1,80})?:[\w-]{1,80}(?::[\w-]+)?$/;
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

	const qualified = /^([\w-]{1,80}):([\w-]{1,80})$/.exec(text);
	if (qualified) {
		return {kind: 'machine-name', name: qualified[1], qualifier: qualified[2]};
	}

	const [machine, execution, ...rest] = text.split('/');
	if (rest.length > 0 || !machine || !name.test(machine) || (execution !== undefined && !name.test(execution))) {
		throw new UserError(`"${text}" is neither an ARN nor a name; use a state machine name, MACHINE:VERSION or MACHINE:ALIAS, MACHINE/EXECUTION-NAME, MACHINE/latest (-succeeded, -failed), or an ARN`);
	}

	if (execution === undefined) {
		return {kind: 'machine-name', name: machine};
	}

	if (Object.hasOwn(latestWords, execution)) {
		const status = latestWords[execution];
		return {kind: 'latest', machine, ...(status && {status})};
	}

	return {kind: 'execution-name', machine, name: execution};
}

/** The region an ARN belongs to, or undefined for names. */
export function regionOfArn(arn: string): string | undefined {
	return machineArn.exec(arn)?.[1] ?? executionArn.exec(arn)?.[1];
}

/*
 * Reading and building the ARNs the API hands back. Lenient on purpose: these
 * come from AWS (or sfntop serve), not from the user, so anything shaped like
 * `arn:PARTITION:states:REGION:ACCOUNT:TYPE:...` is read by position.
 *   state machine  ...:stateMachine:MACHINE[:VERSION-OR-ALIAS]
 *   execution      ...:execution:MACHINE:NAME
 *   Express        ...:express:MACHINE:NAME:ID
 */
export type StatesArn =
	| {kind: 'stateMachine'; partition: string; region: string; account: string; machine: string; qualifier?: string}
	| {kind: 'execution'; express: boolean; partition: string; region: string; account: string; machine: string; name: string; id?: string};

export function parseStatesArn(arn: string): StatesArn | undefined {
	const [prefix, partition, service, region, account, type, machine, part, id] = arn.split(':', 9);
	if (prefix !== 'arn' || service !== 'states' || !machine) {
		return undefined;
	}

	if (type === 'stateMachine') {
		return {kind: 'stateMachine', partition, region, account, machine, ...(part && {qualifier: part})};
	}

	return (type === 'execution' || type === 'express') && part ? {kind: 'execution', express: type === 'express', partition, region, account, machine, name: part, ...(id && {id})} : undefined;
}

/**
 * A Distributed Map run's ARN, `...:mapRun:MACHINE/LABEL:ID` (LABEL is the Map
 * state's Label, or an id AWS makes up), read as `LABEL ID`-ish text for people:
 * `MACHINE/LABEL:ID` without the prefix. Its child executions are
 * `...:execution:MACHINE/LABEL:NAME`.
 */
export function mapRunNameOf(arn: string): string {
	const parts = arn.split(':');
	return parts[0] === 'arn' && parts[2] === 'states' && parts[5] === 'mapRun' ? parts.slice(6).join(':') : arn;
}

/** A version's number or an alias's name from a qualified state machine ARN (`...:stateMachine:NAME:3` → `3`); '' when unqualified. */
export function qualifierOf(arn: string): string {
	const parsed = parseStatesArn(arn);
	return parsed?.kind === 'stateMachine' ? parsed.qualifier ?? '' : '';
}

/** A machine ARN with a version or alias: `...:stateMachine:NAME:QUALIFIER` (a qualifier already there is replaced). */
export function qualifiedMachineArn(machine: string, qualifier: string): string {
	const parsed = parseStatesArn(machine);
	return parsed?.kind === 'stateMachine' ? ['arn', parsed.partition, 'states', parsed.region, parsed.account, 'stateMachine', parsed.machine, qualifier].join(':') : `${machine}:${qualifier}`;
}

/** How people name a version or alias: `v3`, `prod`. */
export function qualifierLabel(arn: string): string {
	const qualifier = qualifierOf(arn);
	return /^\d+$/.test(qualifier) ? `v${qualifier}` : qualifier;
}

/** What an execution ran under, for people: `prod (v3)` through an alias, `v3` through a version, '' for the unqualified machine. */
export function ranUnderLabel(execution: {versionArn?: string; aliasArn?: string}): string {
	const version = execution.versionArn ? qualifierLabel(execution.versionArn) : '';
	return execution.aliasArn ? `${qualifierLabel(execution.aliasArn)}${version ? ` (${version})` : ''}` : version;
}

/** A state machine's name from its ARN (the ARN itself when it is not one). */
export function machineNameOf(arn: string): string {
	return parseStatesArn(arn)?.machine ?? arn;
}

/** An execution's name from its ARN: NAME, also for Express ARNs, whose last part is an id. */
export function executionNameOf(arn: string): string {
	const parsed = parseStatesArn(arn);
	return parsed?.kind === 'execution' ? parsed.name : arn;
}

/** Express executions have no history API; their ARNs say so (`:express:`). */
export function isExpressExecution(arn: string): boolean {
	const parsed = parseStatesArn(arn);
	return parsed?.kind === 'execution' && parsed.express;
}

/** The state machine an execution belongs to, or undefined when `arn` is not an execution ARN. */
export function machineOfExecution(arn: string): {arn: string; name: string} | undefined {
	const parsed = parseStatesArn(arn);
	return parsed?.kind === 'execution' ? {arn: ['arn', parsed.partition, 'states', parsed.region, parsed.account, 'stateMachine', parsed.machine].join(':'), name: parsed.machine} : undefined;
}

export function machineArnOfExecution(arn: string): string {
	const machine = machineOfExecution(arn);
	if (!machine) {
		throw new UserError(`"${arn}" is not an execution ARN`);
	}

	return machine.arn;
}

/** The ARN of the execution called `executionName` of a machine (a version or alias qualifier is not part of it). */
export function executionArnFor(machine: string, executionName: string): string {
	const parsed = parseStatesArn(machine);
	return parsed?.kind === 'stateMachine'
		? ['arn', parsed.partition, 'states', parsed.region, parsed.account, 'execution', parsed.machine, executionName].join(':')
		: `${machine.replace(':stateMachine:', ':execution:')}:${executionName}`;
}

/** A service integration's resource ARN from a TaskScheduled event's resourceType and resource (`lambda`, `invoke`). */
export function integrationArn(resourceType: string, resource: string): string {
	return `arn:aws:states:::${resourceType}:${resource}`;
}

const lambdaArn = /^arn:aws[\w-]*:lambda:[^:]+:\d+:function:([^:]+)/;

/** The function name in a Lambda function ARN (with or without a version or alias), or undefined. */
export function lambdaFunctionOf(arn: string): string | undefined {
	return lambdaArn.exec(arn)?.[1];
}

/** The log group name in a CloudWatch Logs log group ARN (`...:log-group:NAME` or `...:log-group:NAME:*`). */
export function logGroupNameOf(arn: string): string | undefined {
	return /:log-group:([^:]+)/.exec(arn)?.[1];
}
