import {Buffer} from 'node:buffer';
import {randomUUID} from 'node:crypto';
import {buildMachineGraph} from '../model/graph/asl-graph.js';
import {createSnapshot, foldEvents} from '../model/history/history-fold.js';
import {normaliseEvent} from '../model/history/history-event.js';
import {isRecord} from '../model/text/json-text.js';
import {machineArnOf, executionArnOf, requireExecutionArn, requireMachineArn, requireName} from './arns.js';
import {AwsError, notFoundExecution, notFoundMachine, validation} from './aws-error.js';
import type {ExecutionRunner} from './execution-runner.js';
import type {Store} from './store.js';
import type {LoggingConfiguration, StoredExecution, StoredMachine} from './store-types.js';
import type {WireEvent} from './engine/wire-event.js';

export type Request = {region: string; body: Record<string, unknown>};
type Operation = (request: Request) => Promise<unknown> | unknown;

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
const fourteenDays = 14 * 24 * 3600 * 1000;

function definitionProblem(definition: unknown): string | undefined {
	if (typeof definition !== 'string') {
		return 'SCHEMA_VALIDATION_FAILED: definition is required';
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(definition);
	} catch (error: unknown) {
		return `INVALID_JSON_DESCRIPTION: ${(error as Error).message}`;
	}

	if (!isRecord(parsed)) {
		return 'SCHEMA_VALIDATION_FAILED: the definition must be a JSON object';
	}

	try {
		buildMachineGraph(parsed);
		return undefined;
	} catch (error: unknown) {
		return `SCHEMA_VALIDATION_FAILED: ${(error as Error).message}`;
	}
}

function requireDefinition(definition: unknown): string {
	const problem = definitionProblem(definition);
	if (problem) {
		throw new AwsError('InvalidDefinition', `Invalid State Machine Definition: '${problem}'`);
	}

	return definition as string;
}

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

function page<T>(items: T[], body: Record<string, unknown>, defaultSize: number, maxSize = 1000): {items: T[]; nextToken?: string} {
	const maxResults = body.maxResults === undefined || body.maxResults === 0 ? defaultSize : Number(body.maxResults);
	if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > maxSize) {
		throw validation(`1 validation error detected: Value '${String(body.maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${maxSize}`);
	}

	let start = 0;
	if (typeof body.nextToken === 'string') {
		const decoded = Number(Buffer.from(body.nextToken, 'base64url').toString('utf8'));
		if (!Number.isInteger(decoded) || decoded < 0) {
			throw new AwsError('InvalidToken', `Invalid Token: '${body.nextToken}'`);
		}

		start = decoded;
	}

	const end = start + maxResults;
	return {items: items.slice(start, end), ...((end < items.length) && {nextToken: Buffer.from(String(end)).toString('base64url')})};
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

function wireEvent(event: WireEvent, includeData: boolean): Record<string, unknown> {
	const out: Record<string, unknown> = {...event, timestamp: event.timestamp / 1000};
	if (!includeData) {
		for (const [key, value] of Object.entries(out)) {
			if (key.endsWith('EventDetails') && isRecord(value)) {
				const {input: _input, output: _output, ...rest} = value;
				out[key] = rest;
			}
		}
	}

	return out;
}

/** The state a redrive restarts from, and its input: the top-level state that did not finish. */
export function redrivePoint(execution: StoredExecution): {startAt: string; input: string} {
	const graph = buildMachineGraph(JSON.parse(execution.definition) as Record<string, unknown>);
	const snapshot = foldEvents(createSnapshot(graph), execution.events.map((event, index) => normaliseEvent(event, index + 1)!).filter(Boolean));
	const unfinished = graph.states.find(state => state.parent === null && ['FAILED', 'ABORTED', 'TIMED_OUT', 'RUNNING', 'RETRYING', 'CAUGHT'].includes(snapshot.states.get(state.name)?.status ?? '') && snapshot.states.get(state.name)?.status !== 'CAUGHT');
	return unfinished ? {startAt: unfinished.name, input: snapshot.states.get(unfinished.name)?.input ?? execution.input} : {startAt: graph.startAt, input: execution.input};
}

export function sfnOperations(store: Store, runner: ExecutionRunner): Record<string, Operation> {
	const machineOf = (arn: unknown): StoredMachine => {
		const machine = store.machines.get(requireMachineArn(arn));
		if (!machine) {
			throw notFoundMachine(String(arn));
		}

		return machine;
	};

	const executionOf = (arn: unknown): StoredExecution => {
		const execution = store.executions.get(requireExecutionArn(arn));
		if (!execution) {
			throw notFoundExecution(String(arn));
		}

		return execution;
	};

	const standardOnly = (execution: StoredExecution, operation: string) => {
		if (execution.type === 'EXPRESS') {
			throw new AwsError('StateMachineTypeNotSupported', `${operation} is not supported by EXPRESS state machines; read their execution records in CloudWatch Logs`);
		}
	};

	const start = async ({region, body}: Request, sync: boolean) => {
		const machine = machineOf(body.stateMachineArn);
		if (sync && machine.type !== 'EXPRESS') {
			throw new AwsError('StateMachineTypeNotSupported', 'StartSyncExecution is only supported by EXPRESS state machines');
		}

		const name = body.name === undefined ? randomUUID() : requireName(body.name, 'execution');
		const input = requireJsonInput(body.input);
		const arn = executionArnOf(region, machine.name, name, machine.type === 'EXPRESS', randomUUID());
		if (store.executions.has(arn)) {
			throw new AwsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
		}

		return runner.start(machine, arn, name, input);
	};

	return {
		CreateStateMachine({region, body}) {
			const name = requireName(body.name, 'state machine');
			const definition = requireDefinition(body.definition);
			if (typeof body.roleArn !== 'string' || !body.roleArn.startsWith('arn:aws')) {
				throw new AwsError('InvalidArn', `Invalid Arn: 'Role ARN is required' (${String(body.roleArn)})`);
			}

			const type = body.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
			const arn = machineArnOf(region, name);
			const existing = store.machines.get(arn);
			if (existing) {
				if (existing.definition === definition && existing.roleArn === body.roleArn && existing.type === type) {
					return {stateMachineArn: arn, creationDate: seconds(existing.creationDate)};
				}

				throw new AwsError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
			}

			const machine: StoredMachine = {arn, name, definition, roleArn: body.roleArn, type, creationDate: Date.now(), ...(isRecord(body.loggingConfiguration) && {loggingConfiguration: body.loggingConfiguration})};
			store.putMachine(machine);
			return {stateMachineArn: arn, creationDate: seconds(machine.creationDate)};
		},
		UpdateStateMachine({body}) {
			const machine = machineOf(body.stateMachineArn);
			const updated: StoredMachine = {
				...machine,
				...(body.definition !== undefined && {definition: requireDefinition(body.definition)}),
				...((typeof body.roleArn === 'string') && {roleArn: body.roleArn}),
				...(isRecord(body.loggingConfiguration) && {loggingConfiguration: body.loggingConfiguration}),
				updateDate: Date.now(),
			};
			store.putMachine(updated);
			return {updateDate: seconds(updated.updateDate)};
		},
		DescribeStateMachine({body}) {
			const machine = machineOf(body.stateMachineArn);
			return {stateMachineArn: machine.arn, name: machine.name, status: 'ACTIVE', definition: machine.definition, roleArn: machine.roleArn, type: machine.type, creationDate: seconds(machine.creationDate), loggingConfiguration: machine.loggingConfiguration ?? {level: 'OFF', includeExecutionData: false}};
		},
		ListStateMachines({body}) {
			const all = [...store.machines.values()].toSorted((a, b) => a.name.localeCompare(b.name));
			const {items, nextToken} = page(all, body, 100);
			return {stateMachines: items.map(machine => ({stateMachineArn: machine.arn, name: machine.name, type: machine.type, creationDate: seconds(machine.creationDate)})), ...(nextToken && {nextToken})};
		},
		DeleteStateMachine({body}) {
			const machine = machineOf(body.stateMachineArn);
			store.deleteMachine(machine.arn);
			return {};
		},
		ValidateStateMachineDefinition({body}) {
			const problem = definitionProblem(body.definition);
			if (!problem) {
				return {result: 'OK', diagnostics: [], truncated: false};
			}

			const [code, ...message] = problem.split(': ');
			return {result: 'FAIL', diagnostics: [{severity: 'ERROR', code, message: message.join(': ')}], truncated: false};
		},
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
			const execution = executionOf(body.executionArn);
			standardOnly(execution, 'DescribeExecution');
			return describeExecution(execution);
		},
		DescribeStateMachineForExecution({body}) {
			const execution = executionOf(body.executionArn);
			const machine = store.machines.get(execution.machineArn);
			return {stateMachineArn: execution.machineArn, name: execution.machineName, definition: execution.definition, roleArn: execution.roleArn, updateDate: seconds(machine?.updateDate ?? machine?.creationDate ?? execution.startDate), loggingConfiguration: machine?.loggingConfiguration ?? {level: 'OFF', includeExecutionData: false}};
		},
		ListExecutions({body}) {
			const machine = machineOf(body.stateMachineArn);
			if (machine.type === 'EXPRESS') {
				throw new AwsError('StateMachineTypeNotSupported', 'ListExecutions is not supported by EXPRESS state machines; read their execution records in CloudWatch Logs');
			}

			const statusFilter = typeof body.statusFilter === 'string' ? body.statusFilter : undefined;
			const all = [...store.executions.values()]
				.filter(execution => execution.machineArn === machine.arn && (!statusFilter || execution.status === statusFilter))
				.toSorted((a, b) => b.startDate - a.startDate);
			const {items, nextToken} = page(all, body, 100);
			return {
				executions: items.map(execution => ({executionArn: execution.arn, stateMachineArn: execution.machineArn, name: execution.name, status: execution.status, startDate: seconds(execution.startDate), ...(!(execution.stopDate === undefined || execution.status === 'RUNNING') && {stopDate: seconds(execution.stopDate)}), redriveCount: execution.redriveCount, ...(execution.redriveDate !== undefined && {redriveDate: seconds(execution.redriveDate)})})),
				...(nextToken && {nextToken}),
			};
		},
		GetExecutionHistory({body}) {
			const execution = executionOf(body.executionArn);
			standardOnly(execution, 'GetExecutionHistory');
			const events = body.reverseOrder === true ? execution.events.toReversed() : execution.events;
			const {items, nextToken} = page(events, body, 100);
			const includeData = body.includeExecutionData !== false;
			return {events: items.map(event => wireEvent(event, includeData)), ...(nextToken && {nextToken})};
		},
		StopExecution({body}) {
			const execution = executionOf(body.executionArn);
			standardOnly(execution, 'StopExecution');
			if (execution.status === 'RUNNING') {
				runner.stop(execution.arn, typeof body.error === 'string' ? body.error : undefined, typeof body.cause === 'string' ? body.cause : undefined);
			}

			return {stopDate: seconds(execution.stopDate ?? Date.now())};
		},
		RedriveExecution({body}) {
			const execution = executionOf(body.executionArn);
			if (execution.type === 'EXPRESS') {
				throw new AwsError('ExecutionNotRedrivable', `Execution is not redrivable: Express executions cannot be redriven: '${execution.arn}'`);
			}

			if (!['FAILED', 'ABORTED', 'TIMED_OUT'].includes(execution.status)) {
				throw new AwsError('ExecutionNotRedrivable', `Execution is ${execution.status} and cannot be redriven: '${execution.arn}'`);
			}

			if (execution.stopDate !== undefined && Date.now() - execution.stopDate > fourteenDays) {
				throw new AwsError('ExecutionNotRedrivable', `Execution stopped more than 14 days ago and cannot be redriven: '${execution.arn}'`);
			}

			if (execution.redriveCount >= 1000) {
				throw new AwsError('ExecutionLimitExceeded', `Execution has been redriven 1000 times, the most allowed: '${execution.arn}'`);
			}

			const redriven = runner.redrive(execution, redrivePoint(execution));
			return {redriveDate: seconds(redriven.redriveDate)};
		},
	};
}
