import type {EventOwners} from '../event-owners.js';
import type {ExecutionSnapshot, HistoryEvent, MachineGraph, StateSnapshot, StateStatus} from '../../types.js';

/** What the fold knows about one state beyond its snapshot. */
export type WorkingState = {
	snapshot: StateSnapshot;
	/** The last task attempt failed (a Catch or Retry decides what happens next). */
	lastAttemptFailed: boolean;
	lastFailureTimedOut: boolean;
	/** Entered count, to tell iterations apart from attempts. */
	entries: number;
	/** Each iteration's status by index; holes for iterations not seen (or not kept by a redrive). */
	iterationStatus?: Array<StateStatus | undefined>;
	/** The redrive count when this Map last started (kept iterations are carried over once per redrive). */
	redrivenSince?: number;
	/** The failure of the attempt running now (its own, or the first one inside it), until a retry, a Catch or the end decides. */
	failure?: Failure;
	/** Map and Parallel: *StateStarted events since the state was entered (a second one is a retry). */
	starts: number;
	/** The redrive count at the last *StateStarted (a start after a redrive is not a retry). */
	startedInRedrive?: number;
};

/** An attempt's failure: the error and cause, and when it happened. */
export type Failure = {error?: string; cause?: string; at?: number};

/** The bookkeeping behind the newest snapshot (see history-fold.ts): mutable, never shown. */
export type Accumulator = {
	version: number;
	events: HistoryEvent[];
	seen: Set<string>;
	owners: EventOwners;
	working: Map<string, WorkingState>;
	graph?: MachineGraph;
	parentOf: Map<string, string | null>;
	depthOf: Map<string, number>;
	/** Names of the states changed by the events being folded now. */
	touched: Set<string>;
	/** The newest failure anywhere: what a container's retry names when the graph does not say which states are inside it. */
	lastFailure?: Failure;
};

export type Mutable<T> = {-readonly [K in keyof T]: T[K]};

/** The execution-level fields being folded (status, dates, redrive count...). */
export type ExecutionFields = Mutable<ExecutionSnapshot>;

export function workingState(accumulator: Accumulator, name: string): WorkingState {
	let state = accumulator.working.get(name);
	if (!state) {
		state = {snapshot: {name, status: 'NOT_STARTED', attempts: 0}, lastAttemptFailed: false, lastFailureTimedOut: false, entries: 0, starts: 0};
		accumulator.working.set(name, state);
	}

	return state;
}

/** A new snapshot for one state (snapshots are never changed in place, so views can compare by identity). */
export function updateState(accumulator: Accumulator, name: string, change: Partial<StateSnapshot>, eventId: number): WorkingState {
	const state = workingState(accumulator, name);
	state.snapshot = {...state.snapshot, ...change, lastEventId: eventId};
	accumulator.touched.add(name);
	return state;
}
