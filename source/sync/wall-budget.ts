import {AwsApi, type CallHooks} from '../aws/sfn.js';
import {CallCounter} from './call-counter.js';
import {defaultBuckets, RateLimiter, type Bucket, type Clock} from './rate-limiter.js';

/**
 * The running wall's default budget, in row reads (GetExecutionHistory calls)
 * per second: half of the account's GetExecutionHistory refill, which is the
 * shared limiter's share (rate-limiter.ts keeps half of each published quota
 * for the account's own workflows). `--budget` overrides it.
 */
export const defaultWallBudget = defaultBuckets.GetExecutionHistory.perSecond;

/**
 * The shared limiter's buckets for a session whose wall may spend `budget`
 * reads a second: unchanged by default; a larger --budget (an account with a
 * raised quota) raises the GetExecutionHistory refill to it, else the shared
 * bucket would hold the wall below what the user asked for.
 */
export function bucketsForBudget(budget: number | undefined): Record<string, Bucket> {
	const history = defaultBuckets.GetExecutionHistory;
	return budget === undefined || budget <= history.perSecond ? defaultBuckets : {...defaultBuckets, GetExecutionHistory: {burst: history.burst, perSecond: budget}};
}

/**
 * An AwsApi whose every call first waits for the budget: a token bucket of
 * burst 1, so calls are at least 1/budget s apart and no window of w seconds
 * holds more than ⌈w × budget⌉ of them — never a burst above the budget.
 * The session's own hooks (read-only guard, shared limiter, header count) run first.
 */
export function budgetedApi(api: AwsApi, sessionHooks: CallHooks, budget: number, clock?: Clock): {api: AwsApi; calls: CallCounter} {
	const pacer = new RateLimiter({budget: {burst: 1, perSecond: budget}}, clock);
	const calls = new CallCounter(clock);
	return {
		api: new AwsApi(api.clients, {
			...sessionHooks,
			async before(name) {
				// The budget's wait comes last, right before the call is sent, so the
				// spacing holds for what goes on the wire whatever the shared limiter did;
				// a retry passes here again, so retries are inside the budget too.
				await sessionHooks.before?.(name);
				await pacer.take('budget');
				calls.record();
			},
		}),
		calls,
	};
}
