import {setTimeout as sleep} from 'node:timers/promises';
import {isAwsAnswer, retryDelayMs, retryPolicy, shouldRetry} from './retry-policy.js';

/** One failed attempt that will be tried again after `delayMs`. */
export type RetryNotice = {
	/** Identifies the call across its attempts. */
	call: number;
	api: string;
	error: unknown;
	attempt: number;
	delayMs: number;
	/** How long this call has been failing, ms. */
	failingForMs: number;
};

/** Who is asking, and how patient they are. */
export type CallScope = {
	/** Give up once a call has failed this long (ms). Followers pass Infinity: stop() ends them instead. */
	patienceMs: number;
	/** Aborts a call between attempts (a follower's stop()): no attempt is made after it. */
	signal?: AbortSignal;
	/** Told before each retry: a follower marks its data stale. */
	onRetry?: (notice: RetryNotice) => void;
};

/** Told about every call's retries, whoever made it: the session's one line per outage. */
export type RetryWatch = {
	retrying?: (notice: RetryNotice) => void;
	/** A call that had been retried ended: it succeeded, or it gave up. */
	settled?: (call: number) => void;
};

/** The last error of a call that was retried and then gave up; describeAwsError says how long it tried. */
export class GaveUpError extends Error {
	constructor(readonly last: unknown, readonly attempts: number, readonly failingForMs: number) {
		super(`gave up after ${attempts} attempts`, {cause: last});
		this.name = 'GaveUpError';
	}
}

/** Whether the endpoint has ever answered in AWS's protocol, shared by every call of one process. */
export type Contact = {answered: boolean};

export const oneShot: CallScope = {patienceMs: retryPolicy.patienceMs};

let calls = 0;

/**
 * Runs one AWS call under the retry policy (retry-policy.ts): each attempt
 * first passes `before` (the read-only guard, the shared token bucket), so a
 * retry costs a token like any call; a failure the policy retries waits with
 * jittered backoff and tries again until the scope's patience runs out.
 */
export async function retryingCall<T>(api: string, attempt: () => Promise<T>, options: {
	scope: CallScope;
	contact: Contact;
	watch?: RetryWatch;
	before?: (api: string) => Promise<void>;
	random?: () => number;
}): Promise<T> {
	const {scope, contact, watch} = options;
	const call = ++calls;
	const started = Date.now();
	let retried = false;
	const settle = () => {
		if (retried) {
			watch?.settled?.(call);
		}
	};

	for (let attempts = 1; ; attempts++) {
		scope.signal?.throwIfAborted();
		await options.before?.(api);
		try {
			const result = await attempt();
			contact.answered = true;
			settle();
			return result;
		} catch (error: unknown) {
			contact.answered ||= isAwsAnswer(error);
			const failingForMs = Date.now() - started;
			if (scope.signal?.aborted || !shouldRetry(error, attempts, contact.answered)) {
				settle();
				throw error;
			}

			if (failingForMs >= scope.patienceMs) {
				settle();
				throw new GaveUpError(error, attempts, failingForMs);
			}

			retried = true;
			const notice: RetryNotice = {call, api, error, attempt: attempts, delayMs: retryDelayMs(error, attempts, options.random), failingForMs};
			watch?.retrying?.(notice);
			scope.onRetry?.(notice);
			try {
				await sleep(notice.delayMs, undefined, {signal: scope.signal});
			} catch (error_: unknown) {
				settle();
				throw error_;
			}
		}
	}
}
