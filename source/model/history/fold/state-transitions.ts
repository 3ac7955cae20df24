import {isRecord} from '../../text/json-text.js';
import {integrationArn} from '../../arn.js';
import {payloadText} from '../history-event.js';
import type {HistoryEvent} from '../../types.js';
import {abortedTypes, failureTypes, scheduledTypes, successTypes} from '../task-event-types.js';
import {applyContainerStart, applyIterationFailure, failStateFailure, noteFailure, retryRecord} from './attempts.js';
import {applyChildExecution, applyMapRunEvent, childExecutionIn, isMapRunEvent} from './linked-executions.js';
import {applyIteration, applyMapStarted} from './map-iterations.js';
import {type Accumulator, type ExecutionFields, updateState, workingState} from './working-state.js';

/**
 * One state-level event moves its state: entered → RUNNING, a failed attempt →
 * RETRYING (until a retry, a Catch or the execution's end decides), exited →
 * SUCCEEDED, or CAUGHT when its last attempt had failed.
 */
export function applyStateEvent(accumulator: Accumulator, execution: ExecutionFields, owner: string, event: HistoryEvent): void {
	const {details, type, id} = event;
	const time = event.timestamp;
	const child = type === 'TaskSubmitted' || type === 'TaskSucceeded' || type === 'TaskFailed' ? childExecutionIn(event) : undefined;
	if (child) {
		applyChildExecution(accumulator, owner, event, child);
	}

	if (type.endsWith('StateEntered')) {
		const state = workingState(accumulator, owner);
		state.entries++;
		state.lastAttemptFailed = false;
		state.failure = undefined;
		state.starts = 0;
		const failure = type === 'FailStateEntered' ? failStateFailure(accumulator, owner, time) : undefined;
		if (failure) {
			noteFailure(accumulator, owner, failure);
		}

		const isTask = type === 'TaskStateEntered';
		updateState(accumulator, owner, {
			status: 'RUNNING',
			attempts: isTask ? state.snapshot.attempts : state.snapshot.attempts + 1,
			enteredAt: state.snapshot.enteredAt ?? time,
			input: payloadText(details.input) ?? state.snapshot.input,
			error: undefined,
			cause: undefined,
			assignedVariables: undefined,
			...(!isTask && {exitedAt: undefined}),
		}, id);
	} else if (type.endsWith('StateExited')) {
		const state = workingState(accumulator, owner);
		const exitedAt = time ?? state.snapshot.exitedAt;
		updateState(accumulator, owner, {
			status: state.lastAttemptFailed ? 'CAUGHT' : 'SUCCEEDED',
			exitedAt,
			output: payloadText(details.output) ?? state.snapshot.output,
			durationMs: exitedAt !== undefined && state.snapshot.enteredAt !== undefined ? exitedAt - state.snapshot.enteredAt : undefined,
			...(isRecord(details.assignedVariables) && {assignedVariables: variablesText(details.assignedVariables)}),
		}, id);
	} else if (scheduledTypes.has(type)) {
		const state = workingState(accumulator, owner);
		// Scheduled again after a failed attempt of the same entry: a retry.
		const retries = state.lastAttemptFailed ? retryRecord(state, state.failure, time) : state.snapshot.retries;
		state.lastAttemptFailed = false;
		state.failure = undefined;
		const resource = typeof details.resourceType === 'string' && typeof details.resource === 'string'
			? integrationArn(details.resourceType, details.resource)
			: (typeof details.resource === 'string' ? details.resource : state.snapshot.resource);
		const parameters = payloadText(details.parameters);
		updateState(accumulator, owner, {status: 'RUNNING', attempts: state.snapshot.attempts + 1, ...(resource && {resource}), ...(retries && {retries}), ...(parameters !== undefined && {arguments: parameters})}, id);
	} else if (successTypes.has(type)) {
		const state = workingState(accumulator, owner);
		state.lastAttemptFailed = false;
		const output = payloadText(details.output);
		const requestId = output?.includes('equestId') ? requestIdIn(output) : undefined;
		updateState(accumulator, owner, {
			output: output ?? state.snapshot.output,
			...(requestId && {requestIds: [...(state.snapshot.requestIds ?? []), requestId]}),
		}, id);
	} else if (failureTypes.has(type)) {
		const state = workingState(accumulator, owner);
		state.lastAttemptFailed = true;
		state.lastFailureTimedOut = type.endsWith('TimedOut');
		const error = typeof details.error === 'string' ? details.error : (state.lastFailureTimedOut ? 'States.Timeout' : undefined);
		const cause = payloadText(details.cause);
		noteFailure(accumulator, owner, {...(error !== undefined && {error}), ...(cause !== undefined && {cause}), ...(time !== undefined && {at: time})});
		updateState(accumulator, owner, {status: 'RETRYING', error, cause}, id);
	} else if (abortedTypes.has(type)) {
		updateState(accumulator, owner, {status: 'ABORTED', exitedAt: time}, id);
	} else if (isMapRunEvent(type)) {
		applyMapRunEvent(accumulator, owner, event);
	} else if (type === 'MapStateStarted' || type === 'ParallelStateStarted') {
		applyContainerStart(accumulator, execution, owner, event);
		if (type === 'MapStateStarted') {
			applyMapStarted(accumulator, execution, owner, event);
		}
	} else if (type.startsWith('MapIteration')) {
		applyIteration(accumulator, owner, event);
		if (type === 'MapIterationFailed') {
			applyIterationFailure(accumulator, owner, event);
		}
	} else if (type === 'MapStateFailed' || type === 'ParallelStateFailed') {
		// AWS writes these with empty details: the error is the failure inside.
		const state = workingState(accumulator, owner);
		state.lastAttemptFailed = true;
		updateState(accumulator, owner, {status: 'RETRYING', error: typeof details.error === 'string' ? details.error : state.failure?.error ?? state.snapshot.error, cause: payloadText(details.cause) ?? state.failure?.cause ?? state.snapshot.cause}, id);
	}
	// MapStateSucceeded, ParallelStateSucceeded and the ignored types change nothing visible.
}

/** `assignedVariables` as JSON text per name (AWS writes text; hand-saved files may hold parsed values). */
function variablesText(assigned: Record<string, unknown>): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(assigned)) {
		result[name] = payloadText(value) ?? 'null';
	}

	return result;
}

/** The Lambda request id in a lambda:invoke output (SdkResponseMetadata), for finding its log lines. */
function requestIdIn(output: string): string | undefined {
	try {
		const parsed: unknown = JSON.parse(output);
		const metadata = isRecord(parsed) && isRecord(parsed.SdkResponseMetadata) ? parsed.SdkResponseMetadata : {};
		const id = metadata.RequestId ?? metadata.requestId;
		return typeof id === 'string' ? id : undefined;
	} catch {
		return undefined;
	}
}
