import {executionEndStatus, payloadText} from '../history-event.js';
import type {ExecutionStatus, HistoryEvent, StateStatus} from '../../types.js';
import {type Accumulator, type ExecutionFields, type WorkingState, updateState} from './working-state.js';

/** Execution* events: start, redrive, and the end, which settles every state still running. */
export function applyExecutionEvent(accumulator: Accumulator, execution: ExecutionFields, event: HistoryEvent): void {
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
	settleRunningStates(accumulator, status, event);
}

/**
 * When the execution ends unsuccessfully, states still running get their
 * final status: the state that failed it (its last attempt failed, or it is a
 * Fail state, or it is the innermost active state when nothing else says) is
 * FAILED (TIMED_OUT when its task timed out); the others are ABORTED, or
 * TIMED_OUT when the whole execution timed out.
 */
function settleRunningStates(accumulator: Accumulator, status: ExecutionStatus, event: HistoryEvent): void {
	const running = [...accumulator.working.values()].filter(state => state.snapshot.status === 'RUNNING' || state.snapshot.status === 'RETRYING');
	if (running.length === 0) {
		return;
	}

	let culprits = running.filter(state => state.lastAttemptFailed || accumulator.graph?.states.find(candidate => candidate.name === state.snapshot.name)?.type === 'Fail' || (accumulator.graph === undefined && state.snapshot.name === accumulator.owners.lastEntered));
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
		updateState(accumulator, state.snapshot.name, {status: final, exitedAt, durationMs, ...(error && {error}), ...(cause && {cause})}, event.id);
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
