import type {Retrier} from '../asl/index.js';
import {errorMatches, StateFailure} from './failure.js';
import type {StateCall} from './run-states.js';
import {sleepInLane} from './timers.js';

/**
 * Runs a Task, Parallel or Map attempt again while a retrier takes its
 * failure: the first retrier whose ErrorEquals matches decides, each keeping
 * its own count (MaxAttempts, default 3; 0 never retries), waiting
 * IntervalSeconds (default 1) × BackoffRate (default 2) ^ n, at most
 * MaxDelaySeconds, all of it with JitterStrategy FULL.
 */
export async function withRetries<T>(call: StateCall, attempt: (retryCount: number) => Promise<T>): Promise<T> {
	const retriers = call.state.definition.Retry ?? [];
	const used = retriers.map(() => 0);
	for (let retryCount = 0; ; retryCount++) {
		try {
			return await attempt(retryCount);
		} catch (error) {
			if (!(error instanceof StateFailure)) {
				throw error;
			}

			const index = retriers.findIndex(retrier => errorMatches(retrier.ErrorEquals, error));
			if (index === -1 || used[index] >= (retriers[index].MaxAttempts ?? 3)) {
				throw error;
			}

			const delayMs = retryDelayMs(retriers[index], used[index]);
			used[index]++;
			await sleepInLane(delayMs, call.lane);
		}
	}
}

export function retryDelayMs(retrier: Retrier, retriesSoFar: number): number {
	let seconds = (retrier.IntervalSeconds ?? 1) * ((retrier.BackoffRate ?? 2) ** retriesSoFar);
	if (retrier.MaxDelaySeconds !== undefined) {
		seconds = Math.min(seconds, retrier.MaxDelaySeconds);
	}

	if (retrier.JitterStrategy === 'FULL') {
		seconds *= Math.random();
	}

	return seconds * 1000;
}
