import type {AwsApi} from '../aws/sfn.js';
import {followerCalls} from './follower-calls.js';
import {createPoller} from './poller.js';
import type {Follower} from './types.js';

/**
 * A follower whose every tick reads the whole answer again (a list, a map
 * run's counts) and calls it changed when it differs from the last one. Its
 * calls are its own (followerCalls): stopped with it, their retries mark the
 * data stale. `reader` is given that scoped API once and returns the read.
 */
export function followReads<T>(shared: AwsApi, options: {
	intervalMs: number;
	/** The call named in an error line when the failing one is not known. */
	call: string;
	reader: (api: AwsApi) => () => Promise<T>;
	/** After a read for which this holds, no more calls (an ended map run). */
	done?: (data: T) => boolean;
}): Follower<T> {
	const calls = followerCalls();
	const api = shared.scoped(calls.scope);
	const read = options.reader(api);
	let last: string | undefined;
	return createPoller({
		intervalMs: options.intervalMs,
		calls,
		describe: (error, call) => api.describe(error, call ?? options.call),
		async tick() {
			const data = await read();
			const text = JSON.stringify(data);
			const changed = text !== last;
			last = text;
			return {data, changed, done: options.done?.(data) ?? false};
		},
	});
}
