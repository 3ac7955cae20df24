import {Buffer} from 'node:buffer';
import {randomUUID} from 'node:crypto';
import {executionArnOf, requireName} from '../arns.js';
import {AwsError} from '../aws-error.js';
import type {Store} from '../store.js';
import type {StoredExecution} from '../store-types.js';
import {executionOf, standardOnly, targetOf} from './lookups.js';
import {defaultLogging, seconds, type ApiContext, type Operation, type Request} from './operation.js';
import {listExecutions, versionFields} from './list-executions.js';
import {requireActive} from './machine-deletion.js';
import {redriveStatusReason} from './redrive.js';

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

function describeExecution(store: Store, execution: StoredExecution): Record<string, unknown> {
	const ended = execution.status !== 'RUNNING' && execution.status !== 'PENDING_REDRIVE';
	const reason = redriveStatusReason(store, execution);
	return {
		executionArn: execution.arn,
		stateMachineArn: execution.machineArn,
		name: execution.name,
		status: execution.status,
		startDate: seconds(execution.startDate),
		...(ended && {stopDate: seconds(execution.stopDate)}),
		...versionFields(execution),
		input: execution.input,
		inputDetails: {included: true},
		...(execution.output !== undefined && {output: execution.output, outputDetails: {included: true}}),
		...(execution.error !== undefined && {error: execution.error}),
		...(execution.cause !== undefined && {cause: execution.cause}),
		redriveCount: execution.redriveCount,
		...(execution.redriveDate !== undefined && {redriveDate: seconds(execution.redriveDate)}),
		redriveStatus: reason === undefined ? 'REDRIVABLE' : 'NOT_REDRIVABLE',
		...(reason !== undefined && {redriveStatusReason: reason}),
	};
}

/** StartExecution, StartSyncExecution, DescribeExecution, DescribeStateMachineForExecution, ListExecutions, StopExecution. */
export function executionOperations({store, runner}: ApiContext): Record<string, Operation> {
	const start = async ({region, body}: Request, sync: boolean): Promise<StoredExecution> => {
		const {machine, version, alias} = targetOf(store, body.stateMachineArn);
		requireActive(machine);
		if (sync && machine.type !== 'EXPRESS') {
			throw new AwsError('StateMachineTypeNotSupported', 'StartSyncExecution is only supported by EXPRESS state machines');
		}

		const name = body.name === undefined ? randomUUID() : requireName(body.name);
		const input = requireJsonInput(body.input);
		const arn = executionArnOf(region, machine.name, name, machine.type === 'EXPRESS', randomUUID());
		const existing = store.executions.get(arn);
		if (existing) {
			// AWS: a Standard start with the name and input of a RUNNING execution succeeds and answers that execution (safe retries); otherwise the name is taken.
			if (existing.status === 'RUNNING' && existing.input === input && existing.type === 'STANDARD') {
				return existing;
			}

			throw new AwsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
		}

		// A version or alias runs the version's definition and role; the execution still belongs to the machine.
		const runs = version ? {...machine, definition: version.definition, roleArn: version.roleArn, ...(version.loggingConfiguration && {loggingConfiguration: version.loggingConfiguration})} : machine;
		const revisionId = version ? version.revisionId : machine.revisionId;
		// Passed into start(): the engine writes them into executionStartedEventDetails as AWS does.
		return runner.start(runs, arn, name, input, {...(version && {stateMachineVersionArn: version.arn}), ...(alias && {stateMachineAliasArn: alias.arn}), ...(revisionId && {revisionId})});
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
			return describeExecution(store, execution);
		},
		DescribeStateMachineForExecution({body}) {
			const execution = executionOf(store, body.executionArn);
			const machine = store.machines.get(execution.machineArn);
			const version = execution.stateMachineVersionArn ? store.versions.get(execution.stateMachineVersionArn) : undefined;
			// The definition the execution ran (a version's, for a start through a version or alias), under the unqualified machine ARN (recorded).
			return {
				stateMachineArn: execution.machineArn,
				name: execution.machineName,
				definition: execution.definition,
				roleArn: execution.roleArn,
				updateDate: seconds(machine?.updateDate ?? machine?.creationDate ?? execution.startDate),
				loggingConfiguration: version?.loggingConfiguration ?? machine?.loggingConfiguration ?? defaultLogging,
				tracingConfiguration: {enabled: false},
				...(execution.revisionId && {revisionId: execution.revisionId}),
			};
		},
		ListExecutions(request) {
			return listExecutions(store, request);
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
