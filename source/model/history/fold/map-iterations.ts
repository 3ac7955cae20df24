import type {HistoryEvent, IterationCounts, StateStatus} from '../../types.js';
import {type Accumulator, type ExecutionFields, updateState, workingState} from './working-state.js';

/** MapStateStarted: the iteration count, and after a redrive the iterations that keep their success. */
export function applyMapStarted(accumulator: Accumulator, execution: ExecutionFields, owner: string, event: HistoryEvent): void {
	const length = typeof event.details.length === 'number' ? event.details.length : 0;
	const state = workingState(accumulator, owner);
	// After a redrive the Map reruns only its unsuccessful iterations: the ones that
	// succeeded before keep counting. Any other new start (a loop) counts afresh.
	const keep = execution.redriveCount > 0 && state.redrivenSince !== execution.redriveCount ? (state.iterationStatus ?? []).map(status => (status === 'SUCCEEDED' ? status : undefined)) : [];
	state.redrivenSince = execution.redriveCount;
	state.iterationStatus = keep;
	const succeeded = keep.filter(Boolean).length;
	updateState(accumulator, owner, {iterations: {total: length, running: 0, succeeded, failed: 0, aborted: 0}}, event.id);
}

const iterationStatus: Readonly<Record<string, StateStatus>> = {
	MapIterationStarted: 'RUNNING',
	MapIterationSucceeded: 'SUCCEEDED',
	MapIterationFailed: 'FAILED',
	MapIterationAborted: 'ABORTED',
};

/** MapIterationStarted/Succeeded/Failed/Aborted: one iteration moves from one count to another. */
export function applyIteration(accumulator: Accumulator, owner: string, event: HistoryEvent): void {
	const state = workingState(accumulator, owner);
	const index = typeof event.details.index === 'number' ? event.details.index : -1;
	const statuses = state.iterationStatus ?? [];
	const status = iterationStatus[event.type] ?? 'ABORTED';
	// Counts change by one iteration at a time: O(1) per event, not O(iterations).
	const counts = {...(state.snapshot.iterations ?? {total: 0, running: 0, succeeded: 0, failed: 0, aborted: 0})};
	if (index >= 0) {
		adjustCount(counts, statuses[index], -1);
		statuses[index] = status;
		counts.total = Math.max(counts.total, index + 1);
	}

	adjustCount(counts, status, 1);
	state.iterationStatus = statuses;
	updateState(accumulator, owner, {iterations: counts}, event.id);
}

/** The count each iteration status is kept in. */
const countOf: Partial<Record<StateStatus, 'running' | 'succeeded' | 'failed' | 'aborted'>> = {
	RUNNING: 'running',
	SUCCEEDED: 'succeeded',
	FAILED: 'failed',
	ABORTED: 'aborted',
};

function adjustCount(counts: IterationCounts, status: StateStatus | undefined, by: number): void {
	const field = status === undefined ? undefined : countOf[status];
	if (field) {
		counts[field] += by;
	}
}
