import type {AwsApi} from '../aws/sfn.js';
import type {ExecutionData} from '../model/types.js';
import {followerCalls} from './follower-calls.js';
import {HistorySync} from './history-sync.js';
import {createPoller} from './poller.js';
import type {Follower} from './types.js';

/**
 * Follows one execution: folds only new events each tick (HistorySync), and
 * when the execution ends makes one final read and stops polling for good —
 * until refresh(), which a redrive calls.
 */
export function followExecution(api: AwsApi, executionArn: string, intervalMs: number): Follower<ExecutionData> {
	const calls = followerCalls();
	const sync = new HistorySync(api.scoped(calls.scope), executionArn);
	let finalised = false;
	return createPoller<ExecutionData>({
		intervalMs,
		calls,
		describe: (error, call) => api.describe(error, call ?? 'GetExecutionHistory'),
		async tick() {
			const added = await sync.update();
			let done = false;
			if (sync.ended && !sync.express) {
				if (!finalised || added > 0) {
					await sync.finalRead();
					finalised = true;
				}

				done = true;
			} else if (sync.ended) {
				done = true;
			} else {
				finalised = false;
			}

			return {
				data: {description: sync.description!, graph: sync.graph ?? {startAt: '', queryLanguage: 'JSONPath', states: [], edges: []}, snapshot: sync.snapshot, events: sync.events},
				changed: added > 0 || finalised,
				done,
			};
		},
	});
}
