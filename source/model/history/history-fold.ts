import type {ExecutionSnapshot, ExecutionStatus, HistoryEvent, IterationCounts, MachineGraph, StateSnapshot, StateStatus} from '../types.js';
import {OpenContainers} from './event-line.js';
import {payloadText} from './history-event.js';

/*
 * Folds Step Functions history events into an ExecutionSnapshot.
 *
 * Incremental: each fold costs O(new events) plus one O(states) copy of the
 * state map (so React can compare snapshots by identity). The bookkeeping that
 * makes that possible (ids seen, which state owns which event) lives in an
 * accumulator attached to the newest snapshot. Folding onto an older snapshot
 * again is allowed and correct; it re-folds that snapshot's events (rare).
 *
 * Dedupe: an event is the same event when id, type and state name match.
 * That ignores pages a follower reads twice, yet keeps events from saved files
 * whose ids repeat across concurrent branches (their types or names differ).
 *
 * Events a state is resolved from: `name` in the details (StateEntered/Exited,
 * MapIteration*, EvaluationFailed's `state`), otherwise the state that owns the
 * event's previousEventId (Task*, Lambda*, Activity*, Map/Parallel progress),
 * otherwise the most recently entered state.
 *
 * Deliberately ignored (they change nothing a user sees per state):
 * TaskStarted, LambdaFunctionStarted, ActivityStarted, TaskSubmitted,
 * MapRunStarted/Succeeded/Failed/Aborted/Redriven (a Distributed Map's child
 * executions are not in this history), and any type not listed below —
 * future event types are counted but never crash the fold.
 *
 * PENDING_REDRIVE is a DescribeExecution status (a redrive was asked for and
 * has not started); no event carries it, so the fold never produces it.
 */

type WorkingState = {
	snapshot: StateSnapshot;
	/** The last task attempt failed (a Catch or Retry decides what happens next). */
	lastAttemptFailed: boolean;
	lastFailureTimedOut: boolean;
	/** Entered count, to tell iterations apart from attempts. */
	entries: number;
	iterationStatus?: StateStatus[];
	/** The redrive count when this Map last started (kept iterations are carried over once per redrive). */
	redrivenSince?: number;
};

type Accumulator = {
	version: number;
	events: HistoryEvent[];
	seen: Set<string>;
	ownerOf: Map<number, string>;
	working: Map<string, WorkingState>;
	lastEntered?: string;
	graph?: MachineGraph;
	parentOf: Map<string, string | null>;
	depthOf: Map<string, number>;
	open: OpenContainers;
};

const accumulators = new WeakMap<ExecutionSnapshot, {accumulator: Accumulator; version: number}>();

export function createSnapshot(graph?: MachineGraph): ExecutionSnapshot {
	const states = new Map<string, StateSnapshot>();
	const accumulator: Accumulator = {version: 0, events: [], seen: new Set(), ownerOf: new Map(), working: new Map(), parentOf: new Map(), depthOf: new Map(), open: new OpenContainers(), ...(graph && {graph})};
	for (const state of graph?.states ?? []) {
		const snapshot: StateSnapshot = {name: state.name, status: 'NOT_STARTED', attempts: 0, ...(state.resource && {resource: state.resource})};
		states.set(state.name, snapshot);
		accumulator.working.set(state.name, {snapshot, lastAttemptFailed: false, lastFailureTimedOut: false, entries: 0});
		accumulator.parentOf.set(state.name, state.parent);
		accumulator.depthOf.set(state.name, state.depth);
	}

	const snapshot: ExecutionSnapshot = {status: 'RUNNING', redriveCount: 0, states, activeStates: [], lastEventId: 0, eventCount: 0};
	accumulators.set(snapshot, {accumulator, version: 0});
	return snapshot;
}

/** Folds events onto a snapshot and returns the new snapshot; `snapshot` itself is never changed. */
export function foldEvents(snapshot: ExecutionSnapshot, events: readonly HistoryEvent[]): ExecutionSnapshot {
	let entry = accumulators.get(snapshot);
	if (!entry || entry.accumulator.version !== entry.version) {
		// An older snapshot, or one built elsewhere: rebuild its accumulator from its events.
		const fresh = createSnapshot(entry?.accumulator.graph);
		const history = entry ? entry.accumulator.events.slice(0, snapshot.eventCount) : [];
		const rebuilt = history.length > 0 ? foldEvents(fresh, history) : fresh;
		entry = accumulators.get(rebuilt)!;
		if (history.length === 0) {
			return foldEvents(rebuilt, events);
		}
	}

	const {accumulator} = entry;
	const execution: Mutable<ExecutionSnapshot> = {...snapshot};
	const touched = new Set<string>();
	for (const event of events) {
		const name = stateNameIn(event);
		const key = `${event.id}|${event.type}|${name ?? ''}`;
		if (accumulator.seen.has(key)) {
			continue;
		}

		accumulator.seen.add(key);
		accumulator.events.push(event);
		execution.eventCount++;
		execution.lastEventId = Math.max(execution.lastEventId, event.id);
		applyEvent(accumulator, execution, event, touched);
	}

	if (touched.size === 0 && execution.eventCount === snapshot.eventCount) {
		return snapshot;
	}

	const states = new Map(snapshot.states);
	for (const name of touched) {
		states.set(name, accumulator.working.get(name)!.snapshot);
	}

	execution.states = states;
	execution.activeStates = activeStates(accumulator, states);
	accumulator.version++;
	const next = execution as ExecutionSnapshot;
	accumulators.set(next, {accumulator, version: accumulator.version});
	return next;
}

type Mutable<T> = {-readonly [K in keyof T]: T[K]};

function stateNameIn(event: HistoryEvent): string | undefined {
	if (event.type === 'EvaluationFailed' && typeof event.details.state === 'string') {
		return event.details.state;
	}

	return typeof event.details.name === 'string' && (event.type.endsWith('StateEntered') || event.type.endsWith('StateExited') || event.type.startsWith('MapIteration')) ? event.details.name : undefined;
}

function activeStates(accumulator: Accumulator, states: ReadonlyMap<string, StateSnapshot>): string[] {
	const active: string[] = [];
	for (const state of states.values()) {
		if (state.status === 'RUNNING' || state.status === 'RETRYING') {
			active.push(state.name);
		}
	}

	return active.toSorted((a, b) => (accumulator.depthOf.get(a) ?? 0) - (accumulator.depthOf.get(b) ?? 0));
}

function workingState(accumulator: Accumulator, name: string): WorkingState {
	let state = accumulator.working.get(name);
	if (!state) {
		state = {snapshot: {name, status: 'NOT_STARTED', attempts: 0}, lastAttemptFailed: false, lastFailureTimedOut: false, entries: 0};
		accumulator.working.set(name, state);
	}

	return state;
}

function update(accumulator: Accumulator, touched: Set<string>, name: string, change: Partial<StateSnapshot>, eventId: number): WorkingState {
	const state = workingState(accumulator, name);
	state.snapshot = {...state.snapshot, ...change, lastEventId: eventId};
	touched.add(name);
	return state;
}

const failureTypes = new Set([
	'TaskFailed',
	'TaskTimedOut',
	'TaskStartFailed',
	'TaskSubmitFailed',
	'LambdaFunctionFailed',
	'LambdaFunctionTimedOut',
	'LambdaFunctionStartFailed',
	'LambdaFunctionScheduleFailed',
	'ActivityFailed',
	'ActivityTimedOut',
	'ActivityScheduleFailed',
	'EvaluationFailed',
]);
const scheduledTypes = new Set(['TaskScheduled', 'LambdaFunctionScheduled', 'ActivityScheduled']);
const successTypes = new Set(['TaskSucceeded', 'LambdaFunctionSucceeded', 'ActivitySucceeded']);

function applyEvent(accumulator: Accumulator, execution: Mutable<ExecutionSnapshot>, event: HistoryEvent, touched: Set<string>): void {
	const {details, type, id} = event;
	const time = event.timestamp;
	const named = stateNameIn(event);
	accumulator.open.see(event, named);
	const owner = named ?? accumulator.open.ownerOf(event) ?? (event.previousEventId === undefined ? undefined : accumulator.ownerOf.get(event.previousEventId)) ?? accumulator.lastEntered;
	if (owner && !type.startsWith('Execution')) {
		accumulator.ownerOf.set(id, owner);
	}

	if (type.startsWith('Execution')) {
		applyExecutionEvent(accumulator, execution, event, touched);
		return;
	}

	if (!owner) {
		return;
	}

	if (type.endsWith('StateEntered')) {
		const state = workingState(accumulator, owner);
		state.entries++;
		state.lastAttemptFailed = false;
		accumulator.lastEntered = owner;
		const isTask = type === 'TaskStateEntered';
		update(accumulator, touched, owner, {
			status: 'RUNNING',
			attempts: isTask ? state.snapshot.attempts : state.snapshot.attempts + 1,
			enteredAt: state.snapshot.enteredAt ?? time,
			input: payloadText(details.input) ?? state.snapshot.input,
			error: undefined,
			cause: undefined,
			...(!isTask && {exitedAt: undefined}),
		}, id);
	} else if (type.endsWith('StateExited')) {
		const state = workingState(accumulator, owner);
		const exitedAt = time ?? state.snapshot.exitedAt;
		update(accumulator, touched, owner, {
			status: state.lastAttemptFailed ? 'CAUGHT' : 'SUCCEEDED',
			exitedAt,
			output: payloadText(details.output) ?? state.snapshot.output,
			durationMs: exitedAt !== undefined && state.snapshot.enteredAt !== undefined ? exitedAt - state.snapshot.enteredAt : undefined,
		}, id);
	} else if (scheduledTypes.has(type)) {
		const state = workingState(accumulator, owner);
		state.lastAttemptFailed = false;
		const resource = typeof details.resourceType === 'string' && typeof details.resource === 'string'
			? `arn:aws:states:::${details.resourceType}:${details.resource}`
			: (typeof details.resource === 'string' ? details.resource : state.snapshot.resource);
		update(accumulator, touched, owner, {status: 'RUNNING', attempts: state.snapshot.attempts + 1, ...(resource && {resource})}, id);
	} else if (successTypes.has(type)) {
		const state = workingState(accumulator, owner);
		state.lastAttemptFailed = false;
		const output = payloadText(details.output);
		const requestId = output?.includes('equestId') ? requestIdIn(output) : undefined;
		update(accumulator, touched, owner, {
			output: output ?? state.snapshot.output,
			...(requestId && {requestIds: [...(state.snapshot.requestIds ?? []), requestId]}),
		}, id);
	} else if (failureTypes.has(type)) {
		const state = workingState(accumulator, owner);
		state.lastAttemptFailed = true;
		state.lastFailureTimedOut = type.endsWith('TimedOut');
		update(accumulator, touched, owner, {
			status: 'RETRYING',
			error: typeof details.error === 'string' ? details.error : (state.lastFailureTimedOut ? 'States.Timeout' : undefined),
			cause: payloadText(details.cause),
		}, id);
	} else if (type === 'TaskStateAborted' || type === 'WaitStateAborted' || type === 'MapStateAborted' || type === 'ParallelStateAborted') {
		update(accumulator, touched, owner, {status: 'ABORTED', exitedAt: time}, id);
	} else if (type === 'MapStateStarted') {
		const length = typeof details.length === 'number' ? details.length : 0;
		const state = workingState(accumulator, owner);
		// After a redrive the Map reruns only its unsuccessful iterations: the ones that
		// succeeded before keep counting. Any other new start (a loop) counts afresh.
		const keep = execution.redriveCount > 0 && state.redrivenSince !== execution.redriveCount ? (state.iterationStatus ?? []).map(status => (status === 'SUCCEEDED' ? status : undefined)) : [];
		state.redrivenSince = execution.redriveCount;
		state.iterationStatus = keep as StateStatus[];
		const succeeded = keep.filter(Boolean).length;
		update(accumulator, touched, owner, {iterations: {total: length, running: 0, succeeded, failed: 0, aborted: 0}}, id);
	} else if (type.startsWith('MapIteration')) {
		applyIteration(accumulator, touched, owner, event);
	} else if (type === 'MapStateFailed' || type === 'ParallelStateFailed') {
		const state = workingState(accumulator, owner);
		state.lastAttemptFailed = true;
		update(accumulator, touched, owner, {status: 'RETRYING', error: typeof details.error === 'string' ? details.error : state.snapshot.error, cause: payloadText(details.cause) ?? state.snapshot.cause}, id);
	}
	// MapStateSucceeded, ParallelStateStarted/Succeeded and the ignored types change nothing visible.
}

function applyIteration(accumulator: Accumulator, touched: Set<string>, owner: string, event: HistoryEvent): void {
	const state = workingState(accumulator, owner);
	const index = typeof event.details.index === 'number' ? event.details.index : -1;
	const statuses = state.iterationStatus ?? [];
	const status: StateStatus = event.type === 'MapIterationStarted'
		? 'RUNNING'
		: (event.type === 'MapIterationSucceeded' ? 'SUCCEEDED' : (event.type === 'MapIterationFailed' ? 'FAILED' : 'ABORTED'));
	// Counts change by one iteration at a time: O(1) per event, not O(iterations).
	const counts = {...(state.snapshot.iterations ?? {total: 0, running: 0, succeeded: 0, failed: 0, aborted: 0})};
	if (index >= 0) {
		adjustCount(counts, statuses[index], -1);
		statuses[index] = status;
		counts.total = Math.max(counts.total, index + 1);
	}

	adjustCount(counts, status, 1);
	state.iterationStatus = statuses;
	update(accumulator, touched, owner, {iterations: counts}, event.id);
}

function adjustCount(counts: IterationCounts, status: StateStatus | undefined, by: number): void {
	switch (status) {
		case 'RUNNING': {
			counts.running += by;

			break;
		}

		case 'SUCCEEDED': {
			counts.succeeded += by;

			break;
		}

		case 'FAILED': {
			counts.failed += by;

			break;
		}

		case 'ABORTED': {
			counts.aborted += by;

			break;
		}
	// No default
	}
}

function requestIdIn(output: string): string | undefined {
	try {
		const parsed = JSON.parse(output) as {SdkResponseMetadata?: {RequestId?: string; requestId?: string}};
		return parsed.SdkResponseMetadata?.RequestId ?? parsed.SdkResponseMetadata?.requestId;
	} catch {
		return undefined;
	}
}

/** The execution status each ending event leaves behind. */
export const executionEndStatus: Readonly<Record<string, ExecutionStatus>> = {
	ExecutionSucceeded: 'SUCCEEDED',
	ExecutionFailed: 'FAILED',
	ExecutionAborted: 'ABORTED',
	ExecutionTimedOut: 'TIMED_OUT',
};

function applyExecutionEvent(accumulator: Accumulator, execution: Mutable<ExecutionSnapshot>, event: HistoryEvent, touched: Set<string>): void {
	const {details} = event;
	if (event.type === 'ExecutionStarted') {
		execution.status = 'RUNNING';
		execution.startDate = event.timestamp ?? execution.startDate;
		execution.input = payloadText(details.input) ?? execution.input;
		return;
	}

	if (event.type === 'ExecutionRedriven') {
		execution.status = 'RUNNING';
		execution.redriveCount = typeof details.redriveCount === 'number' ? details.redriveCount : execution.redriveCount + 1;
		execution.stopDate = undefined;
		execution.error = undefined;
		execution.cause = undefined;
		return;
	}

	const status = executionEndStatus[event.type];
	if (!status) {
		return;
	}

	execution.status = status;
	execution.stopDate = event.timestamp ?? execution.stopDate;
	if (status === 'SUCCEEDED') {
		execution.output = payloadText(details.output) ?? execution.output;
		return;
	}

	execution.error = typeof details.error === 'string' ? details.error : execution.error;
	execution.cause = payloadText(details.cause) ?? execution.cause;
	settleRunningStates(accumulator, status, event, touched);
}

/**
 * When the execution ends unsuccessfully, states still running get their
 * final status: the state that failed it (its last attempt failed, or it is a
 * Fail state, or it is the innermost active state when nothing else says) is
 * FAILED (TIMED_OUT when its task timed out); the others are ABORTED, or
 * TIMED_OUT when the whole execution timed out.
 */
function settleRunningStates(accumulator: Accumulator, status: ExecutionStatus, event: HistoryEvent, touched: Set<string>): void {
	const running = [...accumulator.working.values()].filter(state => state.snapshot.status === 'RUNNING' || state.snapshot.status === 'RETRYING');
	if (running.length === 0) {
		return;
	}

	let culprits = running.filter(state => state.lastAttemptFailed || accumulator.graph?.states.find(candidate => candidate.name === state.snapshot.name)?.type === 'Fail' || (accumulator.graph === undefined && state.snapshot.name === accumulator.lastEntered));
	if (status === 'FAILED' && culprits.length === 0) {
		const containers = new Set([...accumulator.parentOf.values()].filter(Boolean));
		culprits = running.filter(state => !containers.has(state.snapshot.name)).slice(-1);
	}

	for (const state of running) {
		const isCulprit = culprits.includes(state);
		let final: StateStatus;
		if (status === 'ABORTED') {
			final = 'ABORTED';
		} else if (status === 'TIMED_OUT') {
			final = 'TIMED_OUT';
		} else if (isCulprit) {
			final = state.lastFailureTimedOut ? 'TIMED_OUT' : 'FAILED';
		} else {
			// Containers of the failed state failed with it; siblings were stopped.
			final = isAncestorOfAny(accumulator, state.snapshot.name, culprits) ? 'FAILED' : 'ABORTED';
		}

		const error = state.snapshot.error ?? (final === 'FAILED' && isCulprit && typeof event.details.error === 'string' ? event.details.error : undefined);
		const cause = state.snapshot.cause ?? (final === 'FAILED' && isCulprit ? payloadText(event.details.cause) : undefined);
		const exitedAt = state.snapshot.exitedAt ?? event.timestamp;
		const durationMs = exitedAt !== undefined && state.snapshot.enteredAt !== undefined ? exitedAt - state.snapshot.enteredAt : undefined;
		update(accumulator, touched, state.snapshot.name, {status: final, exitedAt, durationMs, ...(error && {error}), ...(cause && {cause})}, event.id);
	}
}

function isAncestorOfAny(accumulator: Accumulator, name: string, states: WorkingState[]): boolean {
	for (const state of states) {
		let parent = accumulator.parentOf.get(state.snapshot.name);
		while (parent) {
			if (parent === name) {
				return true;
			}

			parent = accumulator.parentOf.get(parent);
		}
	}

	return false;
}

/** Per-branch status of a Parallel state, derived from the states inside each branch. */
export function branchStatuses(snapshot: ExecutionSnapshot, graph: MachineGraph, parallel: string): StateStatus[] {
	const branches: StateStatus[][] = [];
	for (const state of graph.states) {
		if (state.parent === parallel) {
			(branches[state.branch ?? 0] ??= []).push(snapshot.states.get(state.name)?.status ?? 'NOT_STARTED');
		}
	}

	return branches.map(statuses => {
		for (const status of ['FAILED', 'TIMED_OUT', 'RUNNING', 'RETRYING', 'ABORTED'] as const) {
			if (statuses.includes(status)) {
				return status;
			}
		}

		return statuses.every(status => status === 'NOT_STARTED') ? 'NOT_STARTED' : 'SUCCEEDED';
	});
}
