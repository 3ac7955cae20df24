import type {AslDefinition} from '../asl/index.js';
import type {HandlerRegistry} from '../handlers/types.js';
import {compileMachine, type CompiledMachine, type CompiledState} from './compiled-machine.js';
import type {ExecutionIdentity} from './context-object.js';
import type {ExecutionHost} from './execution-host.js';
import {failureOf, isStatesError, StateFailure} from './failure.js';
import {ExecutionEnded, HistoryLimitReached, HistoryWriter} from './history-writer.js';
import {Lane, LaneAborted} from './lane.js';
import {later} from './timers.js';
import type {ExecutionOutcome, LogRecord, WireEvent} from './wire-event.js';

export type RunOptions = {
	/** The definition as serve parsed and validated it at create (never validated again here). */
	definition: AslDefinition;
	/** The execution's input, as JSON text. */
	input: string;
	identity: Omit<ExecutionIdentity, 'input'>;
	region: string;
	accountId: string;
	handlers: HandlerRegistry;
	/** Starts and stops other executions (states:startExecution, Distributed Map children); absent in unit tests. */
	host?: ExecutionHost;
	/** Started through a version or alias: AWS names them in ExecutionStarted. */
	startedThrough?: {stateMachineVersionArn?: string; stateMachineAliasArn?: string};
	/** A redrive: the history so far (the run continues it). */
	redrive?: {previousEvents: readonly WireEvent[]};
	onEvent(event: WireEvent): void;
	onLog(record: LogRecord): void;
};

/**
 * One run of an execution (its first run or a redrive): the compiled machine,
 * the history writer and its top lane, and the one way it ends. Whatever ends
 * it first — the last state, a failure, StopExecution, the execution's
 * TimeoutSeconds, a bug — writes the one final event; everything still
 * running is aborted and can write nothing more.
 */
export class ExecutionRun {
	readonly machine: CompiledMachine;
	readonly writer: HistoryWriter;
	readonly root: Lane;
	readonly identity: ExecutionIdentity;
	readonly outcome: Promise<ExecutionOutcome>;
	private settle!: (outcome: ExecutionOutcome) => void;
	private cancelTimeout: (() => void) | undefined;
	private readonly endListeners = new Set<() => void>();
	private readonly stopListeners = new Set<() => void>();
	private kept: {state: string; outputs: Map<number, unknown>} | undefined;
	private deletedMachine: string | undefined;

	constructor(readonly options: RunOptions) {
		this.machine = compileMachine(options.definition);
		const previous = options.redrive?.previousEvents ?? [];
		this.writer = new HistoryWriter(previous.at(-1)?.id ?? 0, options.onEvent);
		this.root = new Lane(this.writer, this.writer.lastEventId);
		this.identity = {...options.identity, input: JSON.parse(options.input) as unknown};
		this.outcome = new Promise(resolve => {
			this.settle = resolve;
		});
	}

	get ended(): boolean {
		return this.writer.isEnded;
	}

	/** A redrive keeps these iteration (Map) or branch (Parallel) outputs of the top-level state it restarts from. */
	keepForRedrive(state: string, outputs: Map<number, unknown>): void {
		this.kept = {state, outputs};
	}

	/**
	 * On a redrive, for the state it restarts from, on its first entry only (a
	 * later loop back into it reruns everything): the outputs to keep (maybe
	 * none). Undefined for any other state or run.
	 */
	takeKept(state: CompiledState): Map<number, unknown> | undefined {
		if (this.kept?.state !== state.name || state.scope.container) {
			return undefined;
		}

		const {outputs} = this.kept;
		this.kept = undefined;
		return outputs;
	}

	/** DeleteStateMachine: the execution ends at its next state transition (assertMachineKept). */
	machineDeleted(machineName: string): void {
		this.deletedMachine = machineName;
	}

	/**
	 * Called at every state transition (a state has exited): once the machine
	 * is deleted, the execution fails there with AWS's words — a state that is
	 * waiting (a Wait, a task) is not cut short (AWS re:Post "step functions
	 * stuck deleting status": ExecutionFailed States.Runtime "State machine NAME has been deleted.").
	 */
	assertMachineKept(): void {
		if (this.deletedMachine !== undefined) {
			throw new StateFailure('States.Runtime', `State machine ${this.deletedMachine} has been deleted.`, true);
		}
	}

	/** Arms the execution's TimeoutSeconds (counted from this run's start). */
	armTimeout(seconds: number | undefined): void {
		if (seconds !== undefined && seconds > 0) {
			this.cancelTimeout = later(seconds * 1000, () => {
				this.end({status: 'TIMED_OUT', error: 'States.Timeout'}, 'ExecutionTimedOut', {error: 'States.Timeout'}, 0);
			});
		}
	}

	succeed(outputText: string): void {
		this.end({status: 'SUCCEEDED', output: outputText}, 'ExecutionSucceeded', {output: outputText, outputDetails: {truncated: false}}, this.root.last);
	}

	stop(error?: string, cause?: string): void {
		if (this.ended) {
			return;
		}

		// What is still running may say so first (a map run writes MapRunAborted).
		for (const listener of this.stopListeners) {
			listener();
		}

		// No event caused it: AWS points ExecutionAborted at 0 (recorded in LocalStack v2/test_sfn_api.snapshot.json
		// test_stop_execution); ExecutionTimedOut, a timer's doing too, the same.
		const details = {...(error !== undefined && {error}), ...(cause !== undefined && {cause})};
		this.end({status: 'ABORTED', ...details}, 'ExecutionAborted', details, 0);
	}

	/** Ends the execution FAILED from whatever was thrown: a state's failure, the history limit, or a bug (States.Runtime with its message). */
	fail(thrown: unknown): void {
		if (this.ended && (thrown instanceof ExecutionEnded || thrown instanceof LaneAborted)) {
			return;
		}

		const failure = thrown instanceof StateFailure
			? thrown
			: (isStatesError(thrown)
				? failureOf(thrown)
				: new StateFailure('States.Runtime', thrown instanceof HistoryLimitReached ? thrown.message : `sfntop serve could not run this execution: ${(thrown as Error)?.message ?? String(thrown)}`, true));
		this.end({status: 'FAILED', ...failure.details()}, 'ExecutionFailed', failure.details(), this.root.last);
	}

	/** Called when StopExecution stops the run, before ExecutionAborted is written. */
	onStop(listener: () => void): () => void {
		this.stopListeners.add(listener);
		return () => {
			this.stopListeners.delete(listener);
		};
	}

	/** Called once when the execution ends, however (a .sync parent stops its children). */
	onEnd(listener: () => void): () => void {
		this.endListeners.add(listener);
		return () => {
			this.endListeners.delete(listener);
		};
	}

	private end(outcome: ExecutionOutcome, type: string, details: Record<string, unknown>, previousEventId = this.writer.lastEventId): void {
		if (this.ended) {
			return;
		}

		this.writer.write(type, previousEventId, details);
		this.cancelTimeout?.();
		this.root.abort();
		for (const listener of this.endListeners) {
			listener();
		}

		this.endListeners.clear();
		this.settle(outcome);
	}
}
