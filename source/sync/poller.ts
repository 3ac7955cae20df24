import {isThrottle, isTransient} from '../aws/errors.js';
import type {UserError} from '../model/user-error.js';
import type {Follower, FollowerState} from './types.js';

export type TickResult<T> = {data: T; changed: boolean; done?: boolean};

export type PollerOptions<T> = {
	/** One poll: resolve with new data; throw an SDK error on failure. */
	tick: () => Promise<TickResult<T>>;
	/** Turns a failure into the status line. */
	describe: (error: unknown) => UserError;
	/** Fast interval, ms (--interval). */
	intervalMs: number;
	/** Slowest interval while nothing changes, ms. */
	maxIdleMs?: number;
	/** Longest wait between retries after errors, ms. */
	maxBackoffMs?: number;
	random?: () => number;
};

/**
 * The scheduling every follower shares: poll fast while things change, back
 * off (×1.5 up to maxIdleMs) while nothing does, jump back to fast on
 * refresh(); on throttling, 5xx and connection errors retry with exponential
 * backoff and full jitter, keeping the last good data on screen marked stale.
 * A non-transient error (access denied, no such execution) is shown and
 * polling stops until refresh(). One timer at a time; stop() clears it.
 */
export function createPoller<T>(options: PollerOptions<T>): Follower<T> {
	const listeners = new Set<() => void>();
	const random = options.random ?? Math.random;
	const maxIdle = options.maxIdleMs ?? Math.max(options.intervalMs * 15, 15_000);
	const maxBackoff = options.maxBackoffMs ?? 30_000;
	let state: FollowerState<T> = {data: undefined, stale: false, loading: true, done: false};
	let timer: NodeJS.Timeout | undefined;
	let delay = options.intervalMs;
	let failures = 0;
	let running = false;
	let stopped = false;
	let again = false;

	const publish = (next: FollowerState<T>) => {
		state = next;
		for (const listener of listeners) {
			listener();
		}
	};

	const schedule = (ms: number) => {
		if (stopped) {
			return;
		}

		clearTimeout(timer);
		timer = setTimeout(() => {
			void poll();
		}, ms);
	};

	const poll = async (): Promise<void> => {
		if (stopped) {
			return;
		}

		if (running) {
			again = true;
			return;
		}

		running = true;
		try {
			const result = await options.tick();
			failures = 0;
			delay = result.changed ? options.intervalMs : Math.min(maxIdle, Math.round(delay * 1.5));
			if (result.changed || state.loading || state.stale || state.done !== Boolean(result.done)) {
				publish({data: result.data, stale: false, loading: false, updatedAt: Date.now(), done: Boolean(result.done), retrying: false});
			}

			if (!result.done) {
				schedule(delay);
			}
		} catch (error: unknown) {
			failures++;
			const described = options.describe(error);
			const transient = isTransient(error);
			publish({...state, error: described.message, errorKind: described.kind, stale: state.data !== undefined, loading: false, retrying: transient});
			if (transient) {
				const ceiling = Math.min(maxBackoff, options.intervalMs * (2 ** Math.min(failures, 10)) * (isThrottle(error) ? 2 : 1));
				schedule(Math.max(options.intervalMs / 2, Math.round(random() * ceiling)));
			}
		} finally {
			running = false;
			if (again && !stopped) {
				again = false;
				void poll();
			}
		}
	};

	void poll();
	return {
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		refresh() {
			if (stopped) {
				return;
			}

			delay = options.intervalMs;
			clearTimeout(timer);
			void poll();
		},
		stop() {
			stopped = true;
			clearTimeout(timer);
			listeners.clear();
		},
	};
}
