import {GaveUpError} from '../aws/retrying-call.js';
import {retryPolicy} from '../aws/retry-policy.js';
import type {UserError} from '../model/user-error.js';
import type {FollowerCalls} from './follower-calls.js';
import type {Follower, FollowerState} from './types.js';
import {listenerSet} from './listeners.js';

export type TickResult<T> = {data: T; changed: boolean; done?: boolean};

export type PollerOptions<T> = {
	/** One poll: resolve with new data; throw an SDK error on failure. */
	tick: () => Promise<TickResult<T>>;
	/** Turns a failure of one call (`api`, when known) into the status line. */
	describe: (error: unknown, api?: string) => UserError;
	/** Fast interval, ms (--interval). */
	intervalMs: number;
	/** Slowest interval while nothing changes, ms. */
	maxIdleMs?: number;
	/** The follower's calls (followerCalls()): stopped with the poller, their retries mark the data stale. */
	calls?: FollowerCalls;
};

/**
 * The scheduling every follower shares: poll fast while things change, back
 * off (×1.5 up to maxIdleMs) while nothing does, jump back to fast on
 * refresh(). Throttling, 5xx and dropped connections are retried call by call
 * under the one retry policy (aws/retry-policy.ts); while a call keeps failing
 * (over `outageAfterMs`) the last good data stays on screen, marked stale, and
 * `retrying` is set. An error that is not retried (access denied, no such
 * execution, an endpoint that never answered) is shown and polling stops until
 * refresh(). One timer at a time; stop() clears it and aborts the call in flight.
 */
export function createPoller<T>(options: PollerOptions<T>): Follower<T> {
	const listeners = listenerSet();
	const maxIdle = options.maxIdleMs ?? Math.max(options.intervalMs * 15, 15_000);
	let state: FollowerState<T> = {data: undefined, stale: false, loading: true, done: false};
	let timer: NodeJS.Timeout | undefined;
	let delay = options.intervalMs;
	let running = false;
	let stopped = false;
	let again = false;

	const publish = (next: FollowerState<T>) => {
		state = next;
		listeners.notify();
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
			delay = result.changed ? options.intervalMs : Math.min(maxIdle, Math.round(delay * 1.5));
			// Published after every good read, changed or not: "as of" is when sfntop last heard from AWS,
			// and a long Wait or map run would otherwise look stale while polling works. Unchanged data
			// keeps its identity, so what is derived from it is not recomputed.
			const data = result.changed || state.data === undefined ? result.data : state.data;
			publish({data, stale: false, loading: false, updatedAt: Date.now(), done: Boolean(result.done), retrying: false});

			if (!result.done) {
				schedule(delay);
			}
		} catch (error: unknown) {
			if (stopped) {
				return;
			}

			// A follower's own calls never give up; a call made with a one-shot patience may have.
			const retrying = error instanceof GaveUpError;
			const described = options.describe(error);
			publish({...state, error: described.message, errorKind: described.kind, stale: state.data !== undefined, loading: false, retrying});
			if (retrying) {
				schedule(retryPolicy.capMs);
			}
		} finally {
			running = false;
			if (again && !stopped) {
				again = false;
				void poll();
			}
		}
	};

	options.calls?.listen(notice => {
		// A call that will have failed for longer than a blip by its next attempt: the data on screen is stale.
		if (!stopped && notice.failingForMs + notice.delayMs >= retryPolicy.outageAfterMs) {
			const described = options.describe(notice.error, notice.api);
			publish({...state, error: described.message, errorKind: described.kind, stale: state.data !== undefined, retrying: true});
		}
	});

	void poll();
	return {
		getState: () => state,
		subscribe: listeners.subscribe,
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
			options.calls?.abort();
			listeners.clear();
		},
	};
}
