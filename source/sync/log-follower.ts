import {errorFacts} from '../aws/errors.js';
import type {AwsApi} from '../aws/sfn.js';
import {attemptStarts, functionOfState, pickInvocations, requestIdIn} from '../model/history/lambda-invocations.js';
import type {ExecutionData, LogLine} from '../model/types.js';
import {followerCalls} from './follower-calls.js';
import {createPoller} from './poller.js';
import type {Follower} from './types.js';

/**
 * The log lines of one Task state's Lambda invocations, from
 * /aws/lambda/<function>: by request id where the history carries one
 * (lambda:invoke outputs), else everything in the state's time window
 * (entered − 1 s to exited + 1 s; still open while it runs). Polls
 * FilterLogEvents from the newest timestamp seen, deduplicating by eventId
 * (StartLiveTail is not used: it needs an HTTP/2 event stream that local
 * endpoints and proxies often do not serve, and polling is cheap at 5/s).
 */
export function followStateLogs(shared: AwsApi, execution: () => ExecutionData | undefined, stateName: string, intervalMs: number): Follower<LogLine[]> {
	const calls = followerCalls();
	const api = shared.scoped(calls.scope);
	const lines: LogLine[] = [];
	const seen = new Set<string>();
	/** Every line in the window, by request id, until we know which invocations are ours. */
	const pending = new Map<string, LogLine[]>();
	const starts = new Map<string, number>();
	let cursor = 0;
	return createPoller({
		intervalMs: Math.max(intervalMs, 1000),
		calls,
		describe: error => api.describe(error, 'FilterLogEvents'),
		async tick() {
			const data = execution();
			const state = data?.snapshot.states.get(stateName);
			const functionName = data ? functionOfState(data, stateName) : undefined;
			if (!data || !state?.enteredAt || !functionName) {
				return {data: lines, changed: false, done: Boolean(data && (!functionName || data.description.status !== 'RUNNING') && !state?.enteredAt)};
			}

			const logGroupName = `/aws/lambda/${functionName}`;
			const start = Math.max(state.enteredAt - 1000, cursor);
			const end = state.exitedAt === undefined ? undefined : state.exitedAt + 1000;
			const known = state.requestIds && state.requestIds.length > 0 ? new Set(state.requestIds) : undefined;
			const patterns = known ? [...known].map(id => `"${id}"`) : [undefined];
			for (const filterPattern of patterns) {
				let nextToken: string | undefined;
				do {
					let page;
					try {
						page = await api.filterLogEvents({logGroupName, startTime: start, ...(end !== undefined && {endTime: end}), ...(filterPattern && {filterPattern}), ...(nextToken && {nextToken})});
					} catch (error: unknown) {
						if (errorFacts(error).name === 'ResourceNotFoundException') {
							return {data: lines, changed: false, done: true};
						}

						throw error;
					}

					for (const event of page.events) {
						const id = event.eventId ?? `${event.timestamp}:${event.message}`;
						if (seen.has(id)) {
							continue;
						}

						seen.add(id);
						const message = event.message ?? '';
						const requestId = requestIdIn(message) ?? '';
						if (message.startsWith('START RequestId:')) {
							starts.set(requestId, event.timestamp ?? 0);
						}

						const list = pending.get(requestId) ?? [];
						list.push({id, timestamp: event.timestamp ?? 0, logGroup: logGroupName, logStream: event.logStreamName ?? '', message, state: stateName});
						pending.set(requestId, list);
						cursor = Math.max(cursor, (event.timestamp ?? 0) - 1000);
					}

					nextToken = page.nextToken;
				} while (nextToken);
			}

			const ours = known ?? pickInvocations(attemptStarts(data, stateName), starts);
			let added = 0;
			for (const requestId of ours) {
				const list = pending.get(requestId);
				if (list && list.length > 0) {
					lines.push(...list);
					added += list.length;
					pending.set(requestId, []);
				}
			}

			if (added > 0) {
				lines.sort((a, b) => a.timestamp - b.timestamp);
			}

			const finished = state.exitedAt !== undefined && data.description.status !== 'RUNNING';
			return {data: added > 0 ? [...lines] : lines, changed: added > 0, done: finished && Date.now() - state.exitedAt! > 5000};
		},
	});
}
