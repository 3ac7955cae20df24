import type {HistoryEvent, StateStatus} from '../types.js';
import {payloadText} from './history-event.js';
import type {Lane} from './run-lanes.js';
import {abortedTypes, failureTypes, scheduledTypes, successTypes} from './task-event-types.js';

/** Run: the state working; wait: a Wait state or the backoff before a retry; failed: an attempt that failed. */
export type SegmentKind = 'run' | 'wait' | 'failed';

/** A stretch of time in a state's life; `end` undefined while it lasts. */
export type RunSegment = {kind: SegmentKind; start: number; end?: number};

/** One state's run at one path (one Map iteration's copy of a state is its own run). */
export type StateRun = {
	/** `Validate`, `ProcessItems[3]/ProcessItem`, `FanOut/EmailCustomer`: unique in the execution. */
	readonly path: string;
	readonly name: string;
	/** From its entered event: Task, Pass, Wait, Choice, Map, Parallel, Succeed, Fail. */
	readonly type: string;
	/** The Map iteration or Parallel branch it ran in; absent at the top level. */
	readonly lane?: Lane;
	/** Start order among all runs. */
	readonly order: number;
	readonly status: StateStatus;
	/** Entries, or task attempts for a Task (as the fold counts them). */
	readonly attempts: number;
	readonly enteredAt?: number;
	readonly exitedAt?: number;
	readonly segments: readonly RunSegment[];
	readonly input?: string;
	readonly output?: string;
	readonly error?: string;
	readonly cause?: string;
	readonly lastEventId: number;
};

export type WorkingRun = {-readonly [K in keyof StateRun]: StateRun[K]} & {
	segments: RunSegment[];
	lastAttemptFailed: boolean;
	lastFailureTimedOut: boolean;
	/** MapStateStarted / ParallelStateStarted seen since the last entry: another one is a retry. */
	containerStarts: number;
};

/** Ends the open segment, if any (optionally as another kind: a failed attempt). */
export function closeSegment(run: WorkingRun, time: number, kind?: SegmentKind): void {
	const last = run.segments.at(-1);
	if (last && last.end === undefined) {
		last.end = Math.max(last.start, time);
		if (kind) {
			last.kind = kind;
		}
	}
}

function openSegment(run: WorkingRun, kind: SegmentKind, time: number): void {
	closeSegment(run, time);
	run.segments.push({kind, start: time});
}

/** A retry: the backoff since the failed attempt ended, then a new attempt. */
function retry(run: WorkingRun, time: number): void {
	const failedAt = run.segments.at(-1)?.end;
	if (failedAt !== undefined && failedAt < time) {
		run.segments.push({kind: 'wait', start: failedAt, end: time});
	}

	openSegment(run, 'run', time);
	run.lastAttemptFailed = false;
	run.status = 'RUNNING';
}

export function enterRun(run: WorkingRun, event: HistoryEvent, time: number): void {
	// Entered again while still open (a Parallel or Map retried around it): that entry failed.
	closeSegment(run, time, 'failed');
	run.status = 'RUNNING';
	run.enteredAt ??= time;
	delete run.exitedAt;
	delete run.error;
	delete run.cause;
	run.input = payloadText(event.details.input) ?? run.input;
	run.lastAttemptFailed = false;
	run.containerStarts = 0;
	if (run.type !== 'Task') {
		run.attempts++;
	}

	run.segments.push({kind: run.type === 'Wait' ? 'wait' : 'run', start: time});
}

export function exitRun(run: WorkingRun, time: number, output: string | undefined): void {
	closeSegment(run, time);
	run.status = run.lastAttemptFailed ? 'CAUGHT' : 'SUCCEEDED';
	run.exitedAt = time;
	run.output = output ?? run.output;
}

/** A failed attempt: RETRYING until a retry, a Catch or the execution's end decides. */
export function failAttempt(run: WorkingRun, event: HistoryEvent, time: number): void {
	const {details, type} = event;
	closeSegment(run, time, 'failed');
	run.status = 'RETRYING';
	run.lastAttemptFailed = true;
	run.lastFailureTimedOut = type.endsWith('TimedOut');
	const error = typeof details.error === 'string' ? details.error : (run.lastFailureTimedOut ? 'States.Timeout' : undefined);
	const cause = payloadText(details.cause);
	if (error !== undefined) {
		run.error = error;
	}

	if (cause !== undefined) {
		run.cause = cause;
	}
}

function abort(run: WorkingRun, time: number): void {
	closeSegment(run, time);
	run.status = 'ABORTED';
	run.exitedAt = time;
}

/** Task, Lambda and Activity events: attempts, their failures and results. */
export function applyTaskEvent(run: WorkingRun, event: HistoryEvent, time: number): void {
	const {type} = event;
	if (scheduledTypes.has(type)) {
		if (run.lastAttemptFailed) {
			retry(run, time);
		} else if (run.segments.at(-1)?.end !== undefined || run.segments.length === 0) {
			openSegment(run, 'run', time);
		}

		run.attempts++;
	} else if (successTypes.has(type)) {
		run.lastAttemptFailed = false;
		run.output = payloadText(event.details.output) ?? run.output;
	} else if (failureTypes.has(type)) {
		failAttempt(run, event, time);
	} else if (abortedTypes.has(type)) {
		abort(run, time);
	}
}

/** MapState* and ParallelState* progress: a second start is a retry of the whole container. */
export function applyContainerEvent(run: WorkingRun, event: HistoryEvent, time: number): void {
	const what = /State(Started|Succeeded|Failed|Aborted)$/.exec(event.type)?.[1];
	switch (what) {
		case 'Started': {
			if (run.containerStarts > 0) {
				if (!run.lastAttemptFailed) {
					closeSegment(run, time, 'failed');
				}

				retry(run, time);
				run.attempts++;
			}

			run.containerStarts++;

			break;
		}

		case 'Failed': {
			failAttempt(run, event, time);

			break;
		}

		case 'Aborted': {
			abort(run, time);

			break;
		}
	// No default
	}
}
