/*
 * Runs one execution on aws-local-stepfunctions and writes its history the
 * way AWS does, event for event.
 *
 * How events are derived: the library's event log gives state entered/exited/
 * failed/retried/caught, Map iteration and Parallel branch events, in order.
 * We translate them into AWS event types and chain previousEventId through
 * "lanes": the top level, each Parallel branch (found from the definition,
 * since the library gives no branch index) and each Map iteration (its
 * index). Task invocations do not appear in the library's log, so every Task
 * is routed (a Proxy over overrides.taskResourceLocalHandlers, keyed by state
 * name) through `invokeTask`, which emits LambdaFunctionScheduled/Started (a
 * direct Lambda ARN) or TaskScheduled/Started (lambda:invoke and other
 * service integrations), runs the handler, and writes Lambda-style logs. The
 * attempt's result event (Succeeded/Failed/TimedOut) is written when the
 * library reports the state's exit or failure, so timeouts are right too.
 *
 * Not faithful (documented limits): nested Map iterations share their outer
 * iteration's lane (the library overwrites nested indices); service
 * integrations other than Lambda succeed with `{}` unless a handler named
 * like the resource (`arn:aws:states:::sns:publish`) is registered; no
 * activities, `.sync` or `.waitForTaskToken`. Redrive reruns the failed
 * top-level state — for a Map or Parallel only its unsuccessful iterations
 * or branches (the kept ones are answered from their recorded task results,
 * see kept-iterations.ts).
 */
import {randomUUID} from 'node:crypto';
import {setImmediate as nextTurn} from 'node:timers/promises';
import {StateMachine} from 'aws-local-stepfunctions';
import {buildMachineGraph} from '../../model/graph/asl-graph.js';
import type {MachineGraph} from '../../model/types.js';
import type {HandlerRegistry} from '../handlers/types.js';
import {keptWork} from './kept-iterations.js';
import {invocationLogger} from './lambda-logs.js';
import {mapLength} from './map-length.js';
import {detailsKeyOf, type ExecutionOutcome, type LogRecord, type WireEvent} from './wire-event.js';

export type {ExecutionOutcome, LogRecord, WireEvent} from './wire-event.js';

export type ExecutionContext = {
	executionArn: string;
	executionName: string;
	machineArn: string;
	machineName: string;
	roleArn: string;
	region: string;
	accountId: string;
	startTime: number;
	redriveCount: number;
};

export type RunOptions = {
	definition: string;
	input: string;
	context: ExecutionContext;
	handlers: HandlerRegistry;
	/** Redrive: the history so far; the run continues it from the state that failed. */
	redrive?: {previousEvents: WireEvent[]; startAt: string; input: string};
	onEvent: (event: WireEvent) => void;
	onLog: (record: LogRecord) => void;
};

export type RunningExecution = {outcome: Promise<ExecutionOutcome>; stop(error?: string, cause?: string): void};

type LibraryEvent = {
	type: string;
	timestamp: number;
	state?: {name: string; type: string; input?: unknown; output?: unknown};
	parentState?: {name: string; type: string; input?: unknown};
	index?: number;
	input?: unknown;
	output?: unknown;
	Error?: string;
	Cause?: unknown;
};

type TaskCall = {lane: string; resultText?: string; kind: 'lambda' | 'task'; resourceType?: string; resource: string};

const json = (value: unknown) => JSON.stringify(value ?? null);
/** Service integrations other than Lambda have no log group to write to. */
const ignoreLine = (_line: string) => undefined;
const lambdaArn = /^arn:aws:lambda:[^:]+:[^:]+:function:([^:]+)/;

export function runExecution(options: RunOptions): RunningExecution {
	const definitionObject = JSON.parse(options.definition) as Record<string, unknown>;
	const graph: MachineGraph = buildMachineGraph(definitionObject);
	const stateOf = new Map(graph.states.map(state => [state.name, state]));
	const runDefinition = options.redrive ? {...definitionObject, StartAt: options.redrive.startAt} : definitionObject;
	const kept = options.redrive ? keptWork(options.redrive.previousEvents, graph, options.redrive.startAt) : undefined;
	const machine = new StateMachine(runDefinition as never, {validationOptions: {noValidate: Boolean(options.redrive), checkArn: false, checkPaths: false}});

	let lastId = options.redrive?.previousEvents.at(-1)?.id ?? 0;
	const laneLast = new Map<string, number>();
	const taskQueue = new Map<string, string[]>();
	const pendingCalls = new Map<string, TaskCall>();
	const mapStarted = new Map<string, number>();
	const parallelStarted = new Map<string, number>();
	const failedAttempt = new Set<string>();
	const abortController = new AbortController();
	let stopRequest: {error?: string; cause?: string} | undefined;

	const emit = (type: string, previousEventId: number, details?: Record<string, unknown>, timestamp = Date.now()): number => {
		lastId++;
		const event: WireEvent = {id: lastId, previousEventId, timestamp, type};
		const key = detailsKeyOf(type);
		if (key && details) {
			event[key] = details;
		}

		options.onEvent(event);
		return lastId;
	};

	const laneOf = (stateName: string, index: number | undefined): string => {
		const state = stateOf.get(stateName);
		if (!state?.parent) {
			return 'root';
		}

		const parent = stateOf.get(state.parent);
		return parent?.type === 'Map' ? `${state.parent}#${index ?? 0}` : `${state.parent}/${state.branch ?? 0}`;
	};

	const callKey = (stateName: string, lane: string) => `${stateName}@${lane}`;

	const invokeTask = async (stateName: string, input: unknown): Promise<unknown> => {
		await nextTurn(); // Let the library's StateEntered reach the translator first.
		const lane = taskQueue.get(stateName)?.shift() ?? laneOf(stateName, undefined);
		// A kept iteration or branch (redrive): answer from the recorded result, write nothing.
		const recorded = kept?.lanes.has(lane) ? kept.results.get(`${stateName}@${lane}`) : undefined;
		if (recorded && recorded.length > 0) {
			return recorded.shift();
		}

		const previous = laneLast.get(lane) ?? lastId;
		const resource = stateOf.get(stateName)?.resource ?? '';
		const direct = lambdaArn.exec(resource);
		const invoke = resource.startsWith('arn:aws:states:::lambda:invoke');
		const call: TaskCall = {lane, kind: direct ? 'lambda' : 'task', resource};
		let scheduled: number;
		let functionName: string | undefined;
		let payload: unknown = input;
		if (direct) {
			functionName = direct[1];
			scheduled = emit('LambdaFunctionScheduled', previous, {resource, input: json(input), inputDetails: {truncated: false}});
			laneLast.set(lane, emit('LambdaFunctionStarted', scheduled));
		} else {
			const [, service = 'unknown', action = ''] = /^arn:aws:states:::([^:]+):?([^.]*)/.exec(resource) ?? [];
			call.resourceType = service;
			call.resource = action;
			scheduled = emit('TaskScheduled', previous, {resourceType: service, resource: action, region: options.context.region, parameters: json(input)});
			laneLast.set(lane, emit('TaskStarted', scheduled, {resourceType: service, resource: action}));
			if (invoke && input && typeof input === 'object') {
				const parameters = input as Record<string, unknown>;
				functionName = typeof parameters.FunctionName === 'string' ? (lambdaArn.exec(parameters.FunctionName)?.[1] ?? parameters.FunctionName) : undefined;
				payload = parameters.Payload;
			}
		}

		pendingCalls.set(callKey(stateName, lane), call);
		if (!functionName) {
			const handler = options.handlers[resource];
			const result = handler ? await handler(input, {functionName: resource, requestId: randomUUID(), redriveCount: options.context.redriveCount, attempt: 1, log: ignoreLine, signal: abortController.signal}) : {};
			call.resultText = json(result);
			return result;
		}

		const requestId = randomUUID();
		const logs = invocationLogger(functionName, requestId, options.onLog);
		logs.start();
		try {
			const handler = options.handlers[functionName];
			if (!handler) {
				const error = new Error(JSON.stringify({errorMessage: `Function not found: arn:aws:lambda:${options.context.region}:${options.context.accountId}:function:${functionName}`, errorType: 'ResourceNotFoundException'}));
				error.name = 'Lambda.ResourceNotFoundException';
				throw error;
			}

			let result: unknown;
			try {
				const log = (line: string) => {
					logs.line(line);
				};

				result = await handler(payload, {functionName, requestId, redriveCount: options.context.redriveCount, attempt: 1, log, signal: abortController.signal});
			} catch (error: unknown) {
				// Lambda's error shape: the cause is {"errorMessage", "errorType", "trace"}.
				const original = error instanceof Error ? error : new Error(String(error));
				logs.line(`${original.name}: ${original.message}`);
				const wrapped = new Error(JSON.stringify({errorMessage: original.message, errorType: original.name, trace: [`${original.name}: ${original.message}`]}));
				wrapped.name = original.name === 'Error' ? 'Error' : original.name;
				throw wrapped;
			}

			const output = invoke ? {ExecutedVersion: '$LATEST', Payload: result ?? null, SdkHttpMetadata: {HttpStatusCode: 200}, SdkResponseMetadata: {RequestId: requestId}, StatusCode: 200} : result;
			call.resultText = json(output);
			return output;
		} finally {
			logs.end();
		}
	};

	const handlerProxy = new Proxy({}, {
		get: (_target, name) => (typeof name === 'string' && stateOf.get(name)?.type === 'Task' ? async (input: unknown) => invokeTask(name, input) : undefined),
		has: (_target, name) => typeof name === 'string' && stateOf.get(name)?.type === 'Task',
	});

	const translate = (event: LibraryEvent): ExecutionOutcome | undefined => {
		const time = event.timestamp;
		const name = event.state?.name ?? '';
		const type = event.state?.type ?? '';
		const eventLane = event.state ? laneOf(name, event.index) : (event.parentState?.name === kept?.container && event.index !== undefined ? `${kept?.container}#${event.index}` : undefined);
		if (kept && eventLane && kept.lanes.has(eventLane)) {
			if (event.type === 'StateEntered' && type === 'Task') {
				taskQueue.set(name, [...(taskQueue.get(name) ?? []), laneOf(name, event.index)]);
			}

			return undefined; // A kept iteration: it already succeeded, and writes nothing.
		}

		switch (event.type) {
			case 'ExecutionStarted': {
				if (options.redrive) {
					laneLast.set('root', emit('ExecutionRedriven', lastId, {redriveCount: options.context.redriveCount}, time));
				} else {
					laneLast.set('root', emit('ExecutionStarted', 0, {input: options.input, inputDetails: {truncated: false}, roleArn: options.context.roleArn, stateMachineArn: options.context.machineArn}, time));
				}

				return undefined;
			}

			case 'StateEntered': {
				const lane = laneOf(name, event.index);
				const id = emit(`${type}StateEntered`, laneLast.get(lane) ?? lastId, {name, input: json(event.state?.input), inputDetails: {truncated: false}}, time);
				laneLast.set(lane, id);
				failedAttempt.delete(callKey(name, lane));
				switch (type) {
					case 'Task': {
						taskQueue.set(name, [...(taskQueue.get(name) ?? []), lane]);

						break;
					}

					case 'Map': {
						const started = emit('MapStateStarted', id, {length: mapLength(stateOf.get(name)?.definition, event.state?.input)}, time);
						mapStarted.set(name, started);
						laneLast.set(lane, started);

						break;
					}

					case 'Parallel': {
						const started = emit('ParallelStateStarted', id, undefined, time);
						parallelStarted.set(name, started);
						laneLast.set(lane, started);
						const branches = Array.isArray(stateOf.get(name)?.definition.Branches) ? (stateOf.get(name)!.definition.Branches as unknown[]).length : 0;
						for (let branch = 0; branch < branches; branch++) {
							laneLast.set(`${name}/${branch}`, started);
						}

						break;
					}
				// No default
				}

				return undefined;
			}

			case 'StateRetried': {
				taskQueue.set(name, [...(taskQueue.get(name) ?? []), laneOf(name, event.index)]);
				return undefined;
			}

			case 'StateFailed': {
				const lane = laneOf(name, event.index);
				const key = callKey(name, lane);
				const call = pendingCalls.get(key);
				const previous = laneLast.get(lane) ?? lastId;
				const error = event.Error ?? 'States.TaskFailed';
				const cause = typeof event.Cause === 'string' ? event.Cause : json(event.Cause);
				if (type === 'Task' && call) {
					const timedOut = error === 'States.Timeout';
					const kind = call.kind === 'lambda' ? 'LambdaFunction' : 'Task';
					const details = call.kind === 'lambda' ? {error, cause} : {resourceType: call.resourceType, resource: call.resource, error, cause};
					laneLast.set(lane, emit(`${kind}${timedOut ? 'TimedOut' : 'Failed'}`, previous, details, time));
					pendingCalls.delete(key);
				} else if (type === 'Map' || type === 'Parallel') {
					laneLast.set(lane, emit(`${type}StateFailed`, previous, undefined, time));
				}

				failedAttempt.add(key);
				return undefined;
			}

			case 'StateCaught': {
				// AWS writes the state's exit after a Catch, then the handler state's entry.
				const lane = laneOf(name, event.index);
				laneLast.set(lane, emit(`${type}StateExited`, laneLast.get(lane) ?? lastId, {name, output: json(event.state?.input), outputDetails: {truncated: false}}, time));
				return undefined;
			}

			case 'StateExited': {
				const lane = laneOf(name, event.index);
				const key = callKey(name, lane);
				let previous = laneLast.get(lane) ?? lastId;
				const call = pendingCalls.get(key);
				if (type === 'Task' && call) {
					const details = call.kind === 'lambda'
						? {output: call.resultText ?? 'null', outputDetails: {truncated: false}}
						: {resourceType: call.resourceType, resource: call.resource, output: call.resultText ?? 'null', outputDetails: {truncated: false}};
					previous = emit(call.kind === 'lambda' ? 'LambdaFunctionSucceeded' : 'TaskSucceeded', previous, details, time);
					pendingCalls.delete(key);
				} else if (type === 'Map' || type === 'Parallel') {
					previous = emit(`${type}StateSucceeded`, previous, undefined, time);
				}

				laneLast.set(lane, emit(`${type}StateExited`, previous, {name, output: json(event.state?.output), outputDetails: {truncated: false}}, time));
				return undefined;
			}

			case 'MapIterationStarted':
			case 'MapIterationSucceeded':
			case 'MapIterationFailed': {
				const mapName = event.parentState?.name ?? '';
				const lane = `${mapName}#${event.index ?? 0}`;
				const previous = event.type === 'MapIterationStarted' ? (mapStarted.get(mapName) ?? lastId) : (laneLast.get(lane) ?? lastId);
				laneLast.set(lane, emit(event.type, previous, {name: mapName, index: event.index ?? 0}, time));
				if (event.type !== 'MapIterationStarted') {
					// The Map's own lane continues from its latest iteration.
					const parentLane = laneOf(mapName, undefined);
					laneLast.set(parentLane, Math.max(laneLast.get(parentLane) ?? 0, laneLast.get(lane)!));
				}

				return undefined;
			}

			case 'ParallelBranchSucceeded':
			case 'ParallelBranchFailed': {
				const parallelName = event.parentState?.name ?? '';
				const parentLane = laneOf(parallelName, undefined);
				let latest = laneLast.get(parentLane) ?? 0;
				for (const [lane, id] of laneLast) {
					if (lane.startsWith(`${parallelName}/`)) {
						latest = Math.max(latest, id);
					}
				}

				laneLast.set(parentLane, latest);
				return undefined;
			}

			case 'ExecutionSucceeded': {
				const output = json(event.output);
				emit('ExecutionSucceeded', laneLast.get('root') ?? lastId, {output, outputDetails: {truncated: false}}, time);
				return {status: 'SUCCEEDED', output};
			}

			case 'ExecutionFailed': {
				const error = event.Error ?? 'States.Runtime';
				const cause = typeof event.Cause === 'string' ? event.Cause : json(event.Cause);
				emit('ExecutionFailed', lastId, {error, cause}, time);
				return {status: 'FAILED', error, cause};
			}

			case 'ExecutionTimeout': {
				emit('ExecutionTimedOut', lastId, {error: 'States.Timeout', cause: 'The execution timed out'}, time);
				return {status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out'};
			}

			default: {
				return undefined;
			}
		}
	};

	const initialInput = JSON.parse(options.redrive?.input ?? options.input) as never;
	const run = machine.run(initialInput, {overrides: {taskResourceLocalHandlers: handlerProxy}, noThrowOnAbort: true});
	run.result.catch(() => undefined); // The outcome comes from the event log, which outlives the promise.

	const outcome = (async (): Promise<ExecutionOutcome> => {
		let final: ExecutionOutcome | undefined;
		for await (const event of run.eventLogs as AsyncGenerator<LibraryEvent>) {
			if (stopRequest) {
				break;
			}

			final = translate(event) ?? final;
			if (final) {
				break;
			}
		}

		if (stopRequest || !final) {
			const error = stopRequest?.error;
			const cause = stopRequest?.cause;
			emit('ExecutionAborted', lastId, {...(error && {error}), ...(cause && {cause})});
			return {status: 'ABORTED', ...(error && {error}), ...(cause && {cause})};
		}

		return final;
	})();

	return {
		outcome,
		stop(error?: string, cause?: string) {
			if (stopRequest) {
				return;
			}

			stopRequest = {...(error && {error}), ...(cause && {cause})};
			abortController.abort();
			run.abort();
		},
	};
}
