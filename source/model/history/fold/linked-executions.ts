import {isRecord} from '../../text/json-text.js';
import {payloadText} from '../history-event.js';
import type {HistoryEvent, MapRunStatus} from '../../types.js';
import {noteFailure} from './attempts.js';
import {type Accumulator, updateState, workingState} from './working-state.js';

/*
 * Events that point at other executions: a Distributed Map's map run
 * (MapRunStarted carries its ARN; its children are not in this history), and
 * the child a `states:startExecution` task started (its ARN is in the
 * TaskSubmitted output for .sync / .sync:2, in the TaskSucceeded output, and
 * in a failed .sync child's TaskFailed cause). Shapes checked against AWS
 * histories recorded in LocalStack: scenarios/test_base_scenarios.snapshot.json
 * (test_map_state_config_distributed_*, test_map_item_reader_json_no_json_list_object
 * for MapRunFailed) and callback/test_callback.snapshot.json
 * (test_start_execution_sync, _sync2, _sync_delegate_failure).
 */

const mapRunStatuses: Readonly<Record<string, MapRunStatus>> = {
	MapRunStarted: 'RUNNING',
	MapRunRedriven: 'RUNNING',
	MapRunSucceeded: 'SUCCEEDED',
	MapRunFailed: 'FAILED',
	MapRunAborted: 'ABORTED',
};

export function isMapRunEvent(type: string): boolean {
	return Object.hasOwn(mapRunStatuses, type);
}

export function applyMapRunEvent(accumulator: Accumulator, owner: string, event: HistoryEvent): void {
	const status = mapRunStatuses[event.type];
	const {details} = event;
	const previous = workingState(accumulator, owner).snapshot.mapRun;
	const arn = typeof details.mapRunArn === 'string' ? details.mapRunArn : previous?.arn;
	if (!arn) {
		return;
	}

	const error = typeof details.error === 'string' ? details.error : undefined;
	const cause = payloadText(details.cause);
	if (status === 'FAILED') {
		noteFailure(accumulator, owner, {...(error !== undefined && {error}), ...(cause !== undefined && {cause}), ...(event.timestamp !== undefined && {at: event.timestamp})});
	}

	// A Distributed Map's history has no iteration events: its MapStateStarted length is not progress to count.
	updateState(accumulator, owner, {mapRun: {arn, status, ...(error !== undefined && {error}), ...(cause !== undefined && {cause})}, iterations: undefined}, event.id);
}

/** The child execution a startExecution task event names, if it is one. */
export function childExecutionIn(event: HistoryEvent): string | undefined {
	const {details} = event;
	if (details.resourceType !== 'states' || typeof details.resource !== 'string' || !details.resource.startsWith('startExecution')) {
		return undefined;
	}

	const payload = event.type === 'TaskFailed' ? details.cause : details.output;
	let parsed: unknown = payload;
	if (typeof payload === 'string') {
		try {
			parsed = JSON.parse(payload);
		} catch {
			return undefined;
		}
	}

	return isRecord(parsed) && typeof parsed.ExecutionArn === 'string' ? parsed.ExecutionArn : undefined;
}

export function applyChildExecution(accumulator: Accumulator, owner: string, event: HistoryEvent, child: string): void {
	const known = workingState(accumulator, owner).snapshot.childExecutions ?? [];
	if (!known.includes(child)) {
		updateState(accumulator, owner, {childExecutions: [...known, child]}, event.id);
	}
}
