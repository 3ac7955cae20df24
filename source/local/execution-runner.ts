import {randomUUID} from 'node:crypto';
import {targetOf} from './api/lookups.js';
import {accountId, executionArnOf} from './arns.js';
import type {ChildExecution, ChildRequest, ChildResult, ExecutionHost, MapRunChildRequest} from './engine/execution-host.js';
import {StateFailure} from './engine/failure.js';
import {MapRun} from './engine/map-run.js';
import {runExecution, type RunningExecution} from './engine/run-execution.js';
import {executionRecordWriter} from './execution-records.js';
import type {HandlerRegistry} from './handlers/types.js';
import type {Store} from './store.js';
import type {StoredExecution, StoredMachine} from './store-types.js';

/** The region in an ARN (`arn:aws:states:REGION:…`). */
const regionOf = (arn: string) => arn.split(':', 4)[3] ?? 'us-east-1';

/** Set on a new execution before its ExecutionStarted is written (serve: started through a version or alias). */
export type StartExtra = Partial<Pick<StoredExecution, 'stateMachineVersionArn' | 'stateMachineAliasArn' | 'revisionId'>>;

/**
 * The boundary serve's operations call: starts, stops and redrives
 * executions on the engine, stores every event as it happens, writes the
 * machine's execution records to CloudWatch Logs when its
 * loggingConfiguration asks (the only history an Express execution has),
 * and starts child executions for the engine (states:startExecution).
 */
export class ExecutionRunner implements ExecutionHost {
	private readonly running = new Map<string, RunningExecution>();
	private readonly waiters = new Map<string, Array<() => void>>();
	/** Map runs by ARN, each saved in the store (the journal) on every change. */
	readonly mapRuns = new Map<string, MapRun>();

	constructor(private readonly store: Store, private readonly handlers: () => HandlerRegistry, private readonly region: () => string) {
		for (const record of store.mapRuns.values()) {
			this.keepMapRun(new MapRun(record));
		}
	}

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

		// Their map runs failed with them; each child stands as its execution does now.
		for (const mapRun of this.mapRuns.values()) {
			if (mapRun.record.status !== 'RUNNING') {
				continue;
			}

			for (const [index, child] of mapRun.record.children.entries()) {
				const status = child.executionArn ? this.store.executions.get(child.executionArn)?.status : undefined;
				if (child.status === 'RUNNING' && status && status !== 'RUNNING' && status !== 'PENDING_REDRIVE') {
					mapRun.setChild(index, {status});
				}
			}

			mapRun.finish('FAILED');
		}
	}

	async start(machine: StoredMachine, arn: string, name: string, input: string, extra: StartExtra = {}): Promise<StoredExecution> {
		return this.begin(machine, arn, name, input, extra, true);
	}

	private begin(machine: StoredMachine, arn: string, name: string, input: string, extra: StartExtra & {mapRunArn?: string}, durable: boolean): StoredExecution {
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
			...extra,
			events: [],
		};
		this.store.putExecution(execution, durable);
		this.launch(execution, machine);
		return execution;
	}

	/** Reruns a FAILED, ABORTED or TIMED_OUT execution from where it stopped (the engine reads the history for that). */
	redrive(execution: StoredExecution): StoredExecution {
		const machine = this.store.machines.get(execution.machineArn);
		Object.assign(execution, {status: 'RUNNING', redriveCount: execution.redriveCount + 1, redriveDate: Date.now(), stopDate: undefined, error: undefined, cause: undefined, output: undefined});
		this.store.putExecution(execution, true);
		this.launch(execution, machine, true);
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

	/**
	 * DeleteStateMachine's part here: every running Standard execution of the
	 * machine (through any version or alias) fails at its next state
	 * transition (States.Runtime "State machine NAME has been deleted.");
	 * Express ones run to their end, as AWS says. Resolves once none of its
	 * executions is running any more — when AWS's DELETING machine goes.
	 */
	async deleteMachine(machineArn: string): Promise<void> {
		const arns: string[] = [];
		for (const arn of this.running.keys()) {
			const execution = this.store.executions.get(arn);
			if (execution && (execution.machineArn === machineArn || execution.machineArn.startsWith(`${machineArn}:`))) {
				arns.push(arn);
				if (execution.type === 'STANDARD') {
					this.running.get(arn)?.machineDeleted(execution.machineName);
				}
			}
		}

		await Promise.all(arns.map(async arn => this.finished(arn)));
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

	/** A child for states:startExecution from a running execution: on this endpoint, in the parent's region. */
	async startChild(request: ChildRequest): Promise<ChildExecution> {
		let target;
		try {
			target = targetOf(this.store, request.machineArn);
		} catch (error) {
			throw new StateFailure('StepFunctions.StateMachineDoesNotExistException', `State Machine Does Not Exist: '${request.machineArn}' (${(error as Error).message})`);
		}

		const {machine, version, alias} = target;
		const name = request.name ?? randomUUID();
		const arn = executionArnOf(regionOf(request.parentArn), machine.name, name, machine.type === 'EXPRESS', randomUUID());
		if (this.store.executions.has(arn)) {
			throw new StateFailure('StepFunctions.ExecutionAlreadyExistsException', `Execution Already Exists: '${arn}'`);
		}

		const runs = version ? {...machine, definition: version.definition, roleArn: version.roleArn} : machine;
		const execution = this.begin(runs, arn, name, request.input, {...(version && {stateMachineVersionArn: version.arn}), ...(alias && {stateMachineAliasArn: alias.arn})}, true);
		if (request.stopWithParent) {
			this.running.get(request.parentArn)?.onEnd(() => {
				this.stop(arn);
			});
		}

		return this.childHandle(execution);
	}

	registerMapRun(mapRun: MapRun): void {
		this.store.putMapRun(mapRun.record, true);
		this.keepMapRun(mapRun);
	}

	private keepMapRun(mapRun: MapRun): void {
		this.mapRuns.set(mapRun.arn, mapRun);
		mapRun.onChange(child => {
			if (child === undefined) {
				this.store.putMapRun(mapRun.record);
			} else {
				this.store.putMapRunChild(mapRun.record, child);
			}
		});
	}

	mapRunOf(executionArn: string, stateMachineArn: string): MapRun | undefined {
		return [...this.mapRuns.values()].findLast(mapRun => mapRun.record.executionArn === executionArn && mapRun.record.stateMachineArn === stateMachineArn);
	}

	async startMapRunChild(request: MapRunChildRequest): Promise<ChildExecution> {
		const name = randomUUID();
		const arn = executionArnOf(regionOf(request.mapRun.record.executionArn), request.machineName, name, request.type === 'EXPRESS', randomUUID());
		const definition = this.store.rememberDefinition(request.definitionText, request.definition);
		const machine: StoredMachine = {arn: request.machineArn, name: request.machineName, definition, roleArn: request.roleArn, type: request.type, creationDate: request.mapRun.record.startDate};
		// Not fsync'd one by one: the parent's own records are; a crash fails the parent, and its redrive reruns what did not finish.
		const execution = this.begin(machine, arn, name, request.input, {mapRunArn: request.mapRun.arn}, false);
		return this.childHandle(execution);
	}

	redriveMapRunChild(executionArn: string): ChildExecution | undefined {
		const execution = this.store.executions.get(executionArn);
		if (execution?.type !== 'STANDARD' || !['FAILED', 'ABORTED', 'TIMED_OUT'].includes(execution.status)) {
			return undefined;
		}

		this.redrive(execution);
		return this.childHandle(execution);
	}

	executionOutput(executionArn: string): string | undefined {
		return this.store.executions.get(executionArn)?.output;
	}

	private childHandle(execution: StoredExecution): ChildExecution {
		const finished = this.finished(execution.arn).then((): ChildResult => ({
			executionArn: execution.arn,
			machineArn: execution.machineArn,
			name: execution.name,
			status: execution.status as ChildResult['status'],
			startDate: execution.startDate,
			stopDate: execution.stopDate ?? Date.now(),
			input: execution.input,
			...(execution.output !== undefined && {output: execution.output}),
			...(execution.error !== undefined && {error: execution.error}),
			...(execution.cause !== undefined && {cause: execution.cause}),
		}));
		return {executionArn: execution.arn, startDate: execution.startDate, finished, stop: (error, cause) => {
			this.stop(execution.arn, error, cause);
		}};
	}

	private launch(execution: StoredExecution, machine: StoredMachine | undefined, redrive = false): void {
		const records = executionRecordWriter(this.store, execution, machine);
		const keepEvents = execution.type === 'STANDARD';
		const previousEvents = redrive ? [...this.store.eventsOf(execution)] : undefined;
		let run: RunningExecution;
		try {
			run = runExecution({
				definition: this.store.definitionOf(execution.definition),
				input: execution.input,
				identity: {executionArn: execution.arn, executionName: execution.name, machineArn: execution.machineArn, machineName: execution.machineName, roleArn: execution.roleArn, startTime: execution.startDate, redriveCount: execution.redriveCount, ...(execution.redriveDate !== undefined && redrive && {redriveTime: execution.redriveDate})},
				region: this.region(),
				accountId,
				handlers: this.handlers(),
				host: this,
				startedThrough: {...(execution.stateMachineVersionArn && {stateMachineVersionArn: execution.stateMachineVersionArn}), ...(execution.stateMachineAliasArn && {stateMachineAliasArn: execution.stateMachineAliasArn})},
				...(previousEvents && {redrive: {previousEvents}}),
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
		} catch (error) {
			// Nothing could start (a definition the engine cannot read): the execution still ends, FAILED with the reason.
			Object.assign(execution, {status: 'FAILED', stopDate: Date.now(), error: 'States.Runtime', cause: `sfntop serve could not run this execution: ${(error as Error).message}`});
			this.store.putExecution(execution, true);
			return;
		}

		this.running.set(execution.arn, run);
		void run.outcome.then(outcome => {
			Object.assign(execution, {status: outcome.status, stopDate: Date.now(), output: outcome.output, error: outcome.error, cause: outcome.cause});
			this.store.putExecution(execution, true);
			this.running.delete(execution.arn);
			for (const resolve of this.waiters.get(execution.arn) ?? []) {
				resolve();
			}

			this.waiters.delete(execution.arn);
		});
	}
}
