import {Buffer} from 'node:buffer';
import {randomUUID} from 'node:crypto';
import {executionArnOf, requireName} from '../arns.js';
import {AwsError} from '../aws-error.js';
import type {StoredExecution} from '../store-types.js';
import {executionOf, machineOf, standardOnly} from './lookups.js';
import {seconds, type ApiContext, type Operation, type Request} from './operation.js';
import {compareText, keysetPage} from './cursor.js';

function requireJsonInput(input: unknown): string {
	const text = input === undefined ? '{}' : input;
	if (typeof text !== 'string') {
		throw new AwsError('InvalidExecutionInput', 'Invalid State Machine Execution Input: input must be a string of JSON');
	}

	try {
		JSON.parse(text);
	} catch (error: unknown) {
		throw new AwsError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${(error as Error).message}'`);
	}

	if (Buffer.byteLength(text) > 256 * 1024) {
		throw new AwsError('InvalidExecutionInput', 'Invalid State Machine Execution Input: input exceeds the 256 KiB quota');
	}

	return text;
}

function describeExecution(execution: StoredExecution): Record<string, unknown> {
	const ended = execution.status !== 'RUNNING' && execution.status !== 'PENDING_REDRIVE';
	const redrivable = execution.type === 'STANDARD' && ['FAILED', 'ABORTED', 'TIMED_OUT'].includes(execution.status);
	return {
		executionArn: execution.arn,
		stateMachineArn: execution.machineArn,
		name: execution.name,
		status: execution.status,
		startDate: seconds(execution.startDate),
		...(ended && {stopDate: seconds(execution.stopDate)}),
		input: execution.input,
		inputDetails: {included: true},
		...(execution.output !== undefined && {output: execution.output, outputDetails: {included: true}}),
		...(execution.error !== undefined && {error: execution.error}),
		...(execution.cause !== undefined && {cause: execution.cause}),
		redriveCount: execution.redriveCount,
		...(execution.redriveDate !== undefined && {redriveDate: seconds(execution.redriveDate)}),
		redriveStatus: redrivable ? 'REDRIVABLE' : 'NOT_REDRIVABLE',
		...(!redrivable && {redriveStatusReason: execution.type === 'EXPRESS' ? 'Execution is an Express execution' : `Execution is ${execution.status}`}),
	};
}

/** StartExecution, StartSyncExecution, DescribeExecution, DescribeStateMachineForExecution, ListExecutions, StopExecution. */
export function executionOperations({store, runner}: ApiContext): Record<string, Operation> {
	const start = async ({region, body}: Request, sync: boolean) => {
		const machine = machineOf(store, body.stateMachineArn);
		if (sync && machine.type !== 'EXPRESS') {
			throw new AwsError('StateMachineTypeNotSupported', 'StartSyncExecution is only supported by EXPRESS state machines');
		}

		const name = body.name === undefined ? randomUUID() : requireName(body.name);
		const input = requireJsonInput(body.input);
		const arn = executionArnOf(region, machine.name, name, machine.type === 'EXPRESS', randomUUID());
		if (store.executions.has(arn)) {
			throw new AwsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
		}

		return runner.start(machine, arn, name, input);
	};

	return {
		async StartExecution(request) {
			const execution = await start(request, false);
			return {executionArn: execution.arn, startDate: seconds(execution.startDate)};
		},
		async StartSyncExecution(request) {
			const execution = await start(request, true);
			await runner.finished(execution.arn);
			return {
				executionArn: execution.arn,
				stateMachineArn: execution.machineArn,
				name: execution.name,
				startDate: seconds(execution.startDate),
				stopDate: seconds(execution.stopDate),
				status: execution.status,
				input: execution.input,
				inputDetails: {included: true},
				...(execution.output !== undefined && {output: execution.output, outputDetails: {included: true}}),
				...(execution.error !== undefined && {error: execution.error}),
				...(execution.cause !== undefined && {cause: execution.cause}),
				billingDetails: {billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.max(100, (execution.stopDate ?? Date.now()) - execution.startDate)},
			};
		},
		DescribeExecution({body}) {
			const execution = executionOf(store, body.executionArn);
			standardOnly(execution, 'DescribeExecution');
			return describeExecution(execution);
		},
		DescribeStateMachineForExecution({body}) {
			const execution = executionOf(store, body.executionArn);
			const machine = store.machines.get(execution.machineArn);
			return {stateMachineArn: execution.machineArn, name: execution.machineName, definition: execution.definition, roleArn: execution.roleArn, updateDate: seconds(machine?.updateDate ?? machine?.creationDate ?? execution.startDate), loggingConfiguration: machine?.loggingConfiguration ?? {level: 'OFF', includeExecutionData: false}};
		},
		ListExecutions({body}) {
			const machine = machineOf(store, body.stateMachineArn);
			if (machine.type === 'EXPRESS') {
				throw new AwsError('StateMachineTypeNotSupported', 'ListExecutions is not supported by EXPRESS state machines; read their execution records in CloudWatch Logs');
			}

			const statusFilter = typeof body.statusFilter === 'string' ? body.statusFilter : undefined;
			// Newest first; executions started in the same millisecond by ARN, so the order is total and a cursor exact.
			const all = [...store.executions.values()]
				.filter(execution => execution.machineArn === machine.arn && (!statusFilter || execution.status === statusFilter))
				.toSorted((a, b) => b.startDate - a.startDate || compareText(a.arn, b.arn));
			const {items, nextToken} = keysetPage(all, body, {
				kind: 'executions',
				scope: `${machine.arn} ${statusFilter ?? ''}`,
				cursorOf: execution => ({d: execution.startDate, a: execution.arn}),
				isAfter: (execution, cursor) => execution.startDate < Number(cursor.d) || (execution.startDate === Number(cursor.d) && execution.arn > String(cursor.a)),
			});
			return {
				executions: items.map(execution => ({executionArn: execution.arn, stateMachineArn: execution.machineArn, name: execution.name, status: execution.status, startDate: seconds(execution.startDate), ...(!(execution.stopDate === undefined || execution.status === 'RUNNING') && {stopDate: seconds(execution.stopDate)}), redriveCount: execution.redriveCount, ...(execution.redriveDate !== undefined && {redriveDate: seconds(execution.redriveDate)})})),
				...(nextToken && {nextToken}),
			};
		},
		StopExecution({body}) {
			const execution = executionOf(store, body.executionArn);
			standardOnly(execution, 'StopExecution');
			if (execution.status === 'RUNNING') {
				runner.stop(execution.arn, typeof body.error === 'string' ? body.error : undefined, typeof body.cause === 'string' ? body.cause : undefined);
			}

			return {stopDate: seconds(execution.stopDate ?? Date.now())};
		},
	};
}
