import type {HistoryEvent, RetryRecord} from '../../types.js';
import {type Accumulator, type ExecutionFields, type Failure, type WorkingState, updateState, workingState} from './working-state.js';

/*
 * Attempts and the failures behind retries.
 *
 * A Task's retry is a new *Scheduled event after a failed attempt. A Map or
 * Parallel STATE's retry writes no *StateFailed and no new *StateEntered: AWS
 * writes its MapStateStarted / ParallelStateStarted again, and one
 * *StateFailed (empty details) after the last attempt (LocalStack
 * scenarios/test_base_scenarios.snapshot.json, test_map_state_retry and
 * test_parallel_state_retry, recorded against AWS). What failed such an
 * attempt is inside it — a Task's *Failed event, a Fail state (its Error and
 * Cause are in the definition, not the event) — so a failure is noted on its
 * state and on every container around it.
 */

/** A failure happened in `owner`: it fails this attempt of `owner` and of every state around it. */
export function noteFailure(accumulator: Accumulator, owner: string, failure: Failure): void {
	workingState(accumulator, owner).failure = failure;
	accumulator.lastFailure = failure;
	let parent = accumulator.parentOf.get(owner);
	while (parent) {
		// The first failure inside a container is the one that failed it.
		workingState(accumulator, parent).failure ??= failure;
		parent = accumulator.parentOf.get(parent);
	}
}

/** A Fail state's Error and Cause, when the definition gives them as text (ErrorPath/CausePath are only known at run time). */
export function failStateFailure(accumulator: Accumulator, name: string, at: number | undefined): Failure | undefined {
	const definition = accumulator.graph?.states.find(state => state.name === name)?.definition;
	return definition?.Type === 'Fail'
		? {...(typeof definition.Error === 'string' && {error: definition.Error}), ...(typeof definition.Cause === 'string' && {cause: definition.Cause}), ...(at !== undefined && {at})}
		: undefined;
}

/** The retry record for the attempt that just failed, named by its failure. */
export function retryRecord(state: WorkingState, failure: Failure | undefined, retriedAt: number | undefined): RetryRecord[] {
	const record: RetryRecord = {
		attempt: state.snapshot.attempts,
		...(failure?.error !== undefined && {error: failure.error}),
		...(failure?.cause !== undefined && {cause: failure.cause}),
		...(failure?.at !== undefined && {failedAt: failure.at}),
		...(retriedAt !== undefined && {retriedAt}),
	};
	return [...(state.snapshot.retries ?? []), record];
}

/**
 * MapStateStarted / ParallelStateStarted: the first one after the state was
 * entered starts its first attempt; another one (in the same redrive) is a retry.
 */
export function applyContainerStart(accumulator: Accumulator, execution: ExecutionFields, owner: string, event: HistoryEvent): void {
	const state = workingState(accumulator, owner);
	const isRetry = state.starts > 0 && state.startedInRedrive === execution.redriveCount;
	state.starts++;
	state.startedInRedrive = execution.redriveCount;
	if (!isRetry) {
		return;
	}

	const failure = state.failure ?? (accumulator.parentOf.size === 0 ? accumulator.lastFailure : undefined);
	const retries = retryRecord(state, failure, event.timestamp);
	state.failure = undefined;
	state.lastAttemptFailed = false;
	updateState(accumulator, owner, {status: 'RUNNING', attempts: state.snapshot.attempts + 1, retries, error: undefined, cause: undefined}, event.id);
}

/** An inline Map's iteration failed: that fails the Map's attempt (only a Distributed Map tolerates failures). */
export function applyIterationFailure(accumulator: Accumulator, owner: string, event: HistoryEvent): void {
	const state = workingState(accumulator, owner);
	state.lastAttemptFailed = true;
	updateState(accumulator, owner, {status: 'RETRYING', ...(state.failure?.error !== undefined && {error: state.failure.error}), ...(state.failure?.cause !== undefined && {cause: state.failure.cause})}, event.id);
}
