import type {ExecutionSnapshot, HistoryEvent, MachineGraph, StateSnapshot} from '../types.js';
import {EventOwners, stateNameIn} from './event-owners.js';
import {applyExecutionEvent} from './fold/execution-end.js';
import {applyStateEvent} from './fold/state-transitions.js';
import type {Accumulator, ExecutionFields} from './fold/working-state.js';

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
 * Which state an event belongs to: EventOwners (event-owners.ts). What each
 * event does: fold/state-transitions.ts (states, with fold/map-iterations.ts)
 * and fold/execution-end.ts (the execution, and settling the states still
 * running when it ends). Derived per-branch statuses: branch-statuses.ts.
 *
 * Events that point at other executions (a Distributed Map's map run, the
 * child of a startExecution task): fold/linked-executions.ts — the map run's
 * children and counts are not in this history (DescribeMapRun has them).
 * Attempts and the failures behind retries: fold/attempts.ts.
 *
 * Deliberately ignored (they change nothing a user sees per state):
 * TaskStarted, LambdaFunctionStarted, ActivityStarted, and any type not
 * listed — future event types are counted but never crash the fold.
 *
 * PENDING_REDRIVE is a DescribeExecution status (a redrive was asked for and
 * has not started); no event carries it, so the fold never produces it.
 */

const accumulators = new WeakMap<ExecutionSnapshot, {accumulator: Accumulator; version: number}>();

export function createSnapshot(graph?: MachineGraph): ExecutionSnapshot {
	const states = new Map<string, StateSnapshot>();
	const accumulator: Accumulator = {version: 0, events: [], seen: new Set(), owners: new EventOwners(), working: new Map(), parentOf: new Map(), depthOf: new Map(), touched: new Set(), ...(graph && {graph})};
	for (const state of graph?.states ?? []) {
		const snapshot: StateSnapshot = {name: state.name, status: 'NOT_STARTED', attempts: 0, ...(state.resource && {resource: state.resource})};
		states.set(state.name, snapshot);
		accumulator.working.set(state.name, {snapshot, lastAttemptFailed: false, lastFailureTimedOut: false, entries: 0, starts: 0});
		accumulator.parentOf.set(state.name, state.parent);
		accumulator.depthOf.set(state.name, state.depth);
	}

	const snapshot: ExecutionSnapshot = {status: 'RUNNING', redriveCount: 0, states, activeStates: [], lastEventId: 0, eventCount: 0};
	accumulators.set(snapshot, {accumulator, version: 0});
	return snapshot;
}

/** Folds events onto a snapshot and returns the new snapshot; `snapshot` itself is never changed. */
export function foldEvents(snapshot: ExecutionSnapshot, events: readonly HistoryEvent[]): ExecutionSnapshot {
	let base = snapshot;
	let entry = accumulators.get(base);
	if (!entry || entry.accumulator.version !== entry.version) {
		// An older snapshot, or one built elsewhere: rebuild its accumulator from its events.
		const fresh = createSnapshot(entry?.accumulator.graph);
		const history = entry ? entry.accumulator.events.slice(0, base.eventCount) : [];
		const rebuilt = history.length > 0 ? foldEvents(fresh, history) : fresh;
		entry = accumulators.get(rebuilt)!;
		if (history.length === 0) {
			base = rebuilt;
		}
	}

	const {accumulator} = entry;
	const execution: ExecutionFields = {...base};
	const {touched} = accumulator;
	touched.clear();
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
		applyEvent(accumulator, execution, event);
	}

	if (touched.size === 0 && execution.eventCount === base.eventCount) {
		return base;
	}

	const states = new Map(base.states);
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

function applyEvent(accumulator: Accumulator, execution: ExecutionFields, event: HistoryEvent): void {
	if (event.type.startsWith('Execution')) {
		applyExecutionEvent(accumulator, execution, event);
		return;
	}

	const owner = accumulator.owners.stateOf(event);
	if (owner) {
		applyStateEvent(accumulator, execution, owner, event);
	}
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
