import {LaneAborted} from '../lane.js';
import {later} from '../timers.js';
import type {TaskInvocation} from './integration.js';

/** The attempt ran past its TimeoutSeconds (or a callback task past its HeartbeatSeconds). */
export class TaskTimedOut extends Error {
	constructor() {
		super('task timed out');
		this.name = 'TaskTimedOut';
	}
}

/**
 * Runs the work of one attempt with an AbortSignal that fires when the
 * attempt times out or its lane is aborted (StopExecution, a failing
 * sibling). The attempt ends at that moment whether or not the work listens:
 * a handler that never returns cannot hold an execution.
 */
export async function runTimed<T>(invocation: TaskInvocation, limitSeconds: number | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
	const controller = new AbortController();
	let cancelTimer = () => undefined as void;
	let stopListening = () => undefined as void;
	const interrupted = new Promise<never>((_resolve, reject) => {
		if (limitSeconds !== undefined) {
			cancelTimer = later(limitSeconds * 1000, () => {
				controller.abort();
				reject(new TaskTimedOut());
			});
		}

		stopListening = invocation.call.lane.onAbort(() => {
			controller.abort();
			reject(new LaneAborted());
		});
	});
	interrupted.catch(() => undefined);
	try {
		return await Promise.race([work(controller.signal), interrupted]);
	} finally {
		cancelTimer();
		stopListening();
	}
}
