import type {ExecutionStatus, HistoryEvent, StateStatus} from '../types.js';
import {payloadText} from './history-event.js';
import {closeSegment, type WorkingRun} from './run-events.js';
import type {Lane} from './run-lanes.js';

/**
 * States still running when the execution ends get their final status, as
 * the fold gives them: the state that failed it (first open non-container
 * state on the chain of causes, or any whose last attempt failed) and its
 * containers FAILED (TIMED_OUT for a task timeout), the rest ABORTED, or
 * TIMED_OUT when the execution timed out.
 */
export function settleRuns({open, openLanes, culprit, status, event, time}: {open: Set<WorkingRun>; openLanes: Set<Lane>; culprit: WorkingRun | undefined; status: ExecutionStatus; event: HistoryEvent; time: number}): void {
	const failedLanes = new Set<Lane>();
	for (let lane = culprit?.lane; lane; lane = lane.parent) {
		failedLanes.add(lane);
	}

	const failedContainers = new Set([...failedLanes].map(lane => lane.container));
	for (const run of open) {
		let final: StateStatus;
		if (status === 'SUCCEEDED' || status === 'ABORTED') {
			final = status === 'SUCCEEDED' ? 'SUCCEEDED' : 'ABORTED';
		} else if (status === 'TIMED_OUT') {
			final = 'TIMED_OUT';
		} else if (run === culprit || run.lastAttemptFailed) {
			final = run.lastFailureTimedOut ? 'TIMED_OUT' : 'FAILED';
		} else {
			final = failedContainers.has(run.path) ? 'FAILED' : 'ABORTED';
		}

		closeSegment(run, time, final === 'FAILED' || final === 'TIMED_OUT' ? 'failed' : undefined);
		run.status = final;
		// A state whose last attempt failed stopped then, not when the execution noticed.
		run.exitedAt ??= run.segments.at(-1)?.end ?? time;
		if (run === culprit && final === 'FAILED') {
			run.error ??= typeof event.details.error === 'string' ? event.details.error : undefined;
			run.cause ??= payloadText(event.details.cause);
		}
	}

	open.clear();
	for (const lane of openLanes) {
		lane.status = failedLanes.has(lane) ? 'FAILED' : (status === 'TIMED_OUT' ? 'TIMED_OUT' : 'ABORTED');
		lane.endedAt = time;
	}

	openLanes.clear();
}
