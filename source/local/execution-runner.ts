import {randomBytes} from 'node:crypto';
import {eventDetails} from '../model/history/history-event.js';
import {runExecution, type RunningExecution} from './engine/run-execution.js';
import type {WireEvent} from './engine/wire-event.js';
import type {HandlerRegistry} from './handlers/types.js';
import {accountId} from './arns.js';
import type {Store} from './store.js';
import type {StoredExecution, StoredMachine} from './store-types.js';

const errorEventTypes = /Failed$|TimedOut$|Aborted$/;

/**
 * Starts, stops and redrives executions: runs the engine, stores every event
 * as it happens, and writes the machine's execution records to CloudWatch
 * Logs when its loggingConfiguration asks for them (the only history an
 * Express execution has).
 */
export class ExecutionRunner {
	private readonly running = new Map<string, RunningExecution>();
	private readonly waiters = new Map<string, Array<() => void>>();

	constructor(private readonly store: Store, private readonly handlers: () => HandlerRegistry, private readonly region: () => string) {}

	/** After a restart: executions that were running when the process died are failed, so they can be redriven. */
	failInterrupted(): void {
		for (const execution of this.store.executions.values()) {
			if (execution.status !== 'RUNNING') {
				continue;
			}

			const last = execution.events.at(-1);
			const cause = 'sfntop serve stopped while this execution was running; redrive it to continue from where it stopped';
			if (execution.type === 'STANDARD') {
				this.store.addEvent(execution, {id: (last?.id ?? 0) + 1, previousEventId: last?.id ?? 0, timestamp: Date.now(), type: 'ExecutionFailed', executionFailedEventDetails: {error: 'States.Runtime', cause}});
			}

			Object.assign(execution, {status: 'FAILED', stopDate: Date.now(), error: 'States.Runtime', cause});
			this.store.putExecution(execution, true);
		}
	}

	async start(machine: StoredMachine, arn: string, name: string, input: string): Promise<StoredExecution> {
		const execution: StoredExecution = {
			arn,
			name,
			machineArn: machine.arn,
			machineName: machine.name,
			type: machine.type,
			definition: machine.definition,
			roleArn: machine.roleArn,
			status: 'RUNNING',
			startDate: Date.now(),
			input,
			redriveCount: 0,
			events: [],
		};
		this.store.putExecution(execution, true);
		this.launch(execution, machine);
		return execution;
	}

	redrive(execution: StoredExecution, point: {startAt: string; input: string}): StoredExecution {
		const machine = this.store.machines.get(execution.machineArn);
		Object.assign(execution, {status: 'RUNNING', redriveCount: execution.redriveCount + 1, redriveDate: Date.now(), stopDate: undefined, error: undefined, cause: undefined, output: undefined});
		this.store.putExecution(execution, true);
		this.launch(execution, machine, point);
		return execution;
	}

	stop(arn: string, error?: string, cause?: string): void {
		this.running.get(arn)?.stop(error, cause);
	}

	/** Resolves once the execution has ended (at once if it has). */
	async finished(arn: string): Promise<void> {
		if (!this.running.has(arn)) {
			return;
		}

		await new Promise<void>(resolve => {
			this.waiters.set(arn, [...(this.waiters.get(arn) ?? []), resolve]);
		});
	}

	/** Stops every running execution (server shutdown) and waits for them to record it. */
	async stopAll(): Promise<void> {
		const arns = [...this.running.keys()];
		for (const arn of arns) {
			this.stop(arn, 'States.Runtime', 'sfntop serve is shutting down');
		}

		await Promise.all(arns.map(async arn => this.finished(arn)));
	}

	get runningCount(): number {
		return this.running.size;
	}

	private launch(execution: StoredExecution, machine: StoredMachine | undefined, redrive?: {startAt: string; input: string}): void {
		const records = this.recordWriter(execution, machine);
		const keepEvents = execution.type === 'STANDARD';
		const run = runExecution({
			definition: execution.definition,
			input: execution.input,
			context: {executionArn: execution.arn, executionName: execution.name, machineArn: execution.machineArn, machineName: execution.machineName, roleArn: execution.roleArn, region: this.region(), accountId, startTime: execution.startDate, redriveCount: execution.redriveCount},
			handlers: this.handlers(),
			...(redrive && {redrive: {previousEvents: execution.events, ...redrive}}),
			onEvent: event => {
				if (keepEvents) {
					this.store.addEvent(execution, event);
				}

				records?.(event);
			},
			onLog: record => {
				this.store.addLog(record.logGroup, record.logStream, record.timestamp, record.message);
			},
		});
		this.running.set(execution.arn, run);
		void run.outcome.then(outcome => {
			Object.assign(execution, {status: outcome.status, stopDate: Date.now(), output: outcome.output, error: outcome.error, cause: outcome.cause});
			this.store.putExecution(execution, true);
		}, (error: unknown) => {
			Object.assign(execution, {status: 'FAILED', stopDate: Date.now(), error: 'States.Runtime', cause: `sfntop serve could not run this execution: ${(error as Error).message}`});
			this.store.putExecution(execution, true);
		}).finally(() => {
			this.running.delete(execution.arn);
			for (const resolve of this.waiters.get(execution.arn) ?? []) {
				resolve();
			}

			this.waiters.delete(execution.arn);
		});
	}

	/** Execution records in AWS's CloudWatch Logs format, filtered by the logging level. */
	private recordWriter(execution: StoredExecution, machine: StoredMachine | undefined): ((event: WireEvent) => void) | undefined {
		const logging = machine?.loggingConfiguration;
		const level = logging?.level ?? 'OFF';
		const groupArn = logging?.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
		const group = groupArn ? /:log-group:([^:]+)/.exec(groupArn)?.[1] : undefined;
		if (level === 'OFF' || !group) {
			return undefined;
		}

		const minute = new Date(execution.startDate).toISOString().slice(0, 16).replace('T', '-').replace(':', '-');
		const stream = `states/${execution.machineName}/${minute}/${randomBytes(4).toString('hex')}`;
		return event => {
			const isError = errorEventTypes.test(event.type);
			if ((level === 'ERROR' && !isError) || (level === 'FATAL' && !/^Execution(?:Failed|Aborted|TimedOut)$/.test(event.type))) {
				return;
			}

			const {id, previousEventId, timestamp, type} = event;
			const details = eventDetails(event);
			const shown = logging?.includeExecutionData ? details : Object.fromEntries(Object.entries(details).filter(([key]) => key !== 'input' && key !== 'output'));
			const record = {id: String(id), type, details: shown, previous_event_id: String(previousEventId), event_timestamp: String(timestamp), execution_arn: execution.arn, redrive_count: String(execution.redriveCount)};
			this.store.addLog(group, stream, timestamp, JSON.stringify(record));
		};
	}
}
