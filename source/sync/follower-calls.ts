import type {CallScope, RetryNotice} from '../aws/retrying-call.js';

/**
 * A follower's side of the retry policy: each of its calls is retried on its
 * own until it succeeds (a follower never gives up; the dashboard keeps going
 * through an outage), stop() aborts the one in flight, and every retry is
 * told to the poller so that it can mark the data stale.
 */
export type FollowerCalls = {
	scope: CallScope;
	listen(listener: (notice: RetryNotice) => void): void;
	abort(): void;
};

export function followerCalls(): FollowerCalls {
	const controller = new AbortController();
	let listener: ((notice: RetryNotice) => void) | undefined;
	return {
		scope: {
			patienceMs: Infinity,
			signal: controller.signal,
			onRetry(notice) {
				listener?.(notice);
			},
		},
		listen(next) {
			listener = next;
		},
		abort() {
			controller.abort();
		},
	};
}
