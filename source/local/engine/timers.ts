import {LaneAborted, type Lane} from './lane.js';

/** A setTimeout overflows above 2^31-1 ms (~24.8 days) and would fire at once; longer delays are chained. */
const maxTimerMs = 2_147_483_647;

/** Runs `callback` after `ms` (any length); returns the way to cancel it. */
export function later(ms: number, callback: () => void): () => void {
	let timer: NodeJS.Timeout;
	let cancelled = false;
	const arm = (remaining: number) => {
		timer = setTimeout(() => {
			if (cancelled) {
				return;
			}

			if (remaining > maxTimerMs) {
				arm(remaining - maxTimerMs);
			} else {
				callback();
			}
		}, Math.min(Math.max(0, remaining), maxTimerMs));
	};

	arm(ms);
	return () => {
		cancelled = true;
		clearTimeout(timer);
	};
}

/** Waits `ms`, or rejects with LaneAborted as soon as the lane is aborted (a Wait state, a retry interval). */
export async function sleepInLane(ms: number, lane: Lane): Promise<void> {
	lane.assertOpen();
	if (ms <= 0) {
		return;
	}

	await new Promise<void>((resolve, reject) => {
		const cancelTimer = later(ms, () => {
			stopListening();
			resolve();
		});
		const stopListening = lane.onAbort(() => {
			cancelTimer();
			reject(new LaneAborted());
		});
	});
}
