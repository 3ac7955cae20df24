import type {AslDefinition} from '../../../source/local/asl/index.js';
import {eventDetails} from '../../../source/model/history/history-event.js';
import {runExecution, type ExecutionOutcome, type LogRecord, type RunOptions, type WireEvent} from '../../../source/local/engine/run-execution.js';
import type {HandlerRegistry} from '../../../source/local/handlers/types.js';

export const identity = {executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Machine:run-1', executionName: 'run-1', machineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine', machineName: 'Machine', roleArn: 'arn:aws:iam::123456789012:role/R', startTime: Date.now(), redriveCount: 0};

export const lambdaArn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

export type EngineRun = {events: WireEvent[]; logs: LogRecord[]; outcome: ExecutionOutcome};

/** Runs a definition on the engine (no HTTP) and collects its history, logs and outcome. */
export async function runEngine(definition: unknown, input: unknown = {}, handlers: HandlerRegistry = {}, options: Partial<RunOptions> = {}): Promise<EngineRun> {
	const events: WireEvent[] = [];
	const logs: LogRecord[] = [];
	const running = runExecution({
		definition: definition as AslDefinition,
		input: typeof input === 'string' ? input : JSON.stringify(input),
		identity,
		region: 'us-east-1',
		accountId: '123456789012',
		handlers,
		onEvent(event) {
			events.push(event);
		},
		onLog(record) {
			logs.push(record);
		},
		...options,
	});
	return {events, logs, outcome: await running.outcome};
}

/** `id prev Type` per event: how a history's shape is compared with a recorded one. */
export const shape = (events: readonly WireEvent[]) => events.map(event => `${event.id} ${event.previousEventId} ${event.type}`);

export const details = (event: WireEvent | undefined) => (event ? eventDetails(event) : {});

/** A handler table from plain functions (the registry has no prototype, as serve's). */
export function handlersOf(table: Record<string, (event: unknown) => unknown>): HandlerRegistry {
	const registry = Object.create(null) as HandlerRegistry;
	for (const [name, fn] of Object.entries(table)) {
		registry[name] = async event => fn(event);
	}

	return registry;
}

export function failWith(name: string, message: string): never {
	const error = new Error(message);
	error.name = name;
	throw error;
}
