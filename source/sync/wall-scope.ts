import type {CallScope} from '../aws/retrying-call.js';
import {retryPolicy} from '../aws/retry-policy.js';
import type {FollowerCalls} from './follower-calls.js';

/**
 * The call scope of a wall the session keeps across views: while a view's
 * follower is armed on it, calls never give up, stop with that follower, and
 * tell it of their retries (the data goes stale); unarmed (`ls --wide`), a call
 * is as patient as any one-shot command's.
 */
export function armableScope(): {scope: CallScope; arm(calls: FollowerCalls): void; disarm(calls: FollowerCalls): void} {
	let armed: FollowerCalls | undefined;
	const idle = new AbortController();
	return {
		scope: {
			get patienceMs() {
				return armed ? Infinity : retryPolicy.patienceMs;
			},
			get signal() {
				return armed?.scope.signal ?? idle.signal;
			},
			onRetry(notice) {
				armed?.scope.onRetry?.(notice);
			},
		},
		arm(calls) {
			armed = calls;
		},
		disarm(calls) {
			if (armed === calls) {
				armed = undefined;
			}
		},
	};
}
