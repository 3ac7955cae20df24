import type {RetryNotice, RetryWatch} from '../aws/retrying-call.js';
import {retryPolicy} from '../aws/retry-policy.js';
import type {UserError} from '../model/user-error.js';

/** Calls must have gone through this long before a new failure counts as a new outage (a flapping endpoint is one outage). */
const healthyAfterMs = 10_000;

/**
 * One line per outage for a line command (tail, start, ls…), not one per
 * attempt: an outage starts when a call will have been failing for longer
 * than a blip (retryPolicy.outageAfterMs) and ends once every retried call
 * has gone through and nothing has failed for a while. The line says what
 * fails and that sfntop is retrying it; it gives no advice to retry by hand.
 */
export function outageLines(describe: (error: unknown, api: string) => UserError, write: (line: string) => void, now: () => number = Date.now): RetryWatch {
	const failing = new Set<number>();
	let inOutage = false;
	let healthySince: number | undefined;
	return {
		retrying(notice: RetryNotice) {
			failing.add(notice.call);
			if (inOutage && healthySince !== undefined && now() - healthySince >= healthyAfterMs) {
				inOutage = false;
			}

			healthySince = undefined;
			if (!inOutage && notice.failingForMs + notice.delayMs >= retryPolicy.outageAfterMs) {
				inOutage = true;
				write(`${describe(notice.error, notice.api).message}; retrying`);
			}
		},
		settled(call) {
			failing.delete(call);
			if (failing.size === 0) {
				healthySince = now();
			}
		},
	};
}
