import {accountId} from './arns.js';
import {AwsError} from './aws-error.js';
import {compareText, decodeToken, encodeToken, keysetPage, type Cursor} from './api/cursor.js';
import {operationTable, type Operation, type OperationTable} from './api/operation.js';
import type {Store} from './store.js';
import type {StoredGroup, StoredLogEvent, StoredStream} from './store-types.js';

/*
 * The CloudWatch Logs operations serve answers. Requests are already read
 * against AWS's model (api-model/), so fields have their types here. Page
 * tokens are cursors (api/cursor.ts): a name, or an event's timestamp and id.
 */

const groupArn = (region: string, name: string) => `arn:aws:logs:${region}:${accountId}:log-group:${name}:*`;
/** CloudWatch Logs' answer to a token it did not issue (recorded: GetLogEvents and FilterLogEvents). */
const invalidToken = () => new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
const noGroup = () => new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
const noStream = () => new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');

/** `group` or the group named in an ARN (`logGroupIdentifier`). */
function groupName(body: Record<string, unknown>): string {
	const name = body.logGroupName ?? (typeof body.logGroupIdentifier === 'string' ? /:log-group:([^:]+)/.exec(body.logGroupIdentifier)?.[1] ?? body.logGroupIdentifier : undefined);
	if (typeof name !== 'string') {
		throw new AwsError('InvalidParameterException', 'Either logGroupName or logGroupIdentifier must be specified.');
	}

	return name;
}

const inWindow = (event: StoredLogEvent, body: Record<string, unknown>) => (typeof body.startTime !== 'number' || event.timestamp >= body.startTime) && (typeof body.endTime !== 'number' || event.timestamp < body.endTime);

/** A stream's events in CloudWatch's order: by timestamp (they may arrive in any order), then by arrival. */
const logOrder = (a: StoredLogEvent, b: StoredLogEvent) => a.timestamp - b.timestamp || compareText(a.eventId, b.eventId);
const inOrder = (events: StoredLogEvent[]) => events.every((event, index) => index === 0 || logOrder(events[index - 1], event) <= 0);
const fromCursor = (event: StoredLogEvent, cursor: Cursor) => event.timestamp - Number(cursor.t) || compareText(event.eventId, String(cursor.e));
/** Where a token of an empty page points: before every event. */
const streamStart: Cursor = {t: Number.MIN_SAFE_INTEGER, e: ''};

function getLogEvents(stream: StoredStream, group: string, body: Record<string, unknown>) {
	const windowed = stream.events.filter(event => inWindow(event, body));
	const events = inOrder(windowed) ? windowed : windowed.toSorted(logOrder);
	const limit = typeof body.limit === 'number' ? body.limit : 10_000;
	const scope = `${group} ${stream.name}`;
	const [direction, cursorText] = typeof body.nextToken === 'string' ? [body.nextToken.slice(0, 2), body.nextToken.slice(2)] : [undefined, undefined];
	if (direction !== undefined && direction !== 'f/' && direction !== 'b/') {
		throw invalidToken();
	}

	const cursor = cursorText === undefined ? undefined : decodeToken(cursorText, 'log-events', scope, invalidToken);
	const after = cursor ? events.filter(event => fromCursor(event, cursor) > 0) : events;
	const before = cursor ? events.filter(event => fromCursor(event, cursor) < 0) : events;
	// Without a token: the oldest events when startFromHead, else the newest (AWS's default).
	const items = direction === 'f/' || (!direction && body.startFromHead === true) ? after.slice(0, limit) : before.slice(Math.max(0, before.length - limit));
	const token = (prefix: string, event: StoredLogEvent | undefined) => (event ? `${prefix}${encodeToken('log-events', scope, {t: event.timestamp, e: event.eventId})}` : body.nextToken as string | undefined ?? `${prefix}${encodeToken('log-events', scope, streamStart)}`);
	return {
		events: items.map(event => ({timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime})),
		nextForwardToken: token('f/', items.at(-1)),
		nextBackwardToken: token('b/', items[0]),
	};
}

const day = 24 * 3600 * 1000;

/**
 * CloudWatch's time window for PutLogEvents: events over 14 days old or over 2 hours ahead are not
 * stored but reported (the batch is in time order, so the too-old ones lead and the too-new ones trail).
 */
function rejectedOf<T extends {timestamp: number}>(events: T[], now: number) {
	const tooOld = events.findLastIndex(event => event.timestamp < now - (14 * day));
	const tooNew = events.findIndex(event => event.timestamp > now + (day / 12));
	return {
		kept: events.slice(tooOld + 1, tooNew === -1 ? undefined : tooNew),
		...((tooOld !== -1 || tooNew !== -1) && {rejectedLogEventsInfo: {...(tooNew !== -1 && {tooNewLogEventStartIndex: tooNew}), ...(tooOld !== -1 && {tooOldLogEventEndIndex: tooOld})}}),
	};
}

export function logsOperations(store: Store): OperationTable {
	const groupOf = (name: string): StoredGroup => {
		const group = store.logGroups.get(name);
		if (!group) {
			throw noGroup();
		}

		return group;
	};

	const operations: Record<string, Operation> = {
		CreateLogGroup({body}) {
			const name = body.logGroupName as string;
			if (store.logGroups.has(name)) {
				throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
			}

			store.ensureGroup(name);
			return {};
		},
		CreateLogStream({body}) {
			const group = groupOf(body.logGroupName as string);
			if (group.streams.has(body.logStreamName as string)) {
				throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
			}

			store.createStream(group.name, body.logStreamName as string);
			return {};
		},
		DescribeLogGroups({region, body}) {
			const prefix = typeof body.logGroupNamePrefix === 'string' ? body.logGroupNamePrefix : '';
			const all = [...store.logGroups.values()].filter(group => group.name.startsWith(prefix)).toSorted((a, b) => compareText(a.name, b.name));
			const {items, nextToken} = keysetPage(all, {nextToken: body.nextToken, maxResults: body.limit}, {
				kind: 'log-groups', scope: prefix, defaultSize: 50, invalid: invalidToken, cursorOf: group => ({n: group.name}), isAfter: (group, cursor) => group.name > String(cursor.n),
			});
			return {logGroups: items.map(group => ({logGroupName: group.name, creationTime: group.creationTime, arn: groupArn(region, group.name), storedBytes: 0})), ...(nextToken && {nextToken})};
		},
		DescribeLogStreams({region, body}) {
			const group = groupOf(groupName(body));
			const prefix = typeof body.logStreamNamePrefix === 'string' ? body.logStreamNamePrefix : '';
			const byTime = body.orderBy === 'LastEventTime';
			const descending = body.descending === true;
			const lastTime = (stream: StoredStream) => stream.events.at(-1)?.timestamp ?? 0;
			const keyOf = (stream: StoredStream): Cursor => (byTime ? {t: lastTime(stream), n: stream.name} : {n: stream.name});
			const compare = (a: Cursor, b: Cursor) => (Number(a.t ?? 0) - Number(b.t ?? 0) || compareText(String(a.n), String(b.n))) * (descending ? -1 : 1);
			const streams = [...group.streams.values()].filter(stream => stream.name.startsWith(prefix)).toSorted((a, b) => compare(keyOf(a), keyOf(b)));
			const {items, nextToken} = keysetPage(streams, {nextToken: body.nextToken, maxResults: body.limit}, {
				kind: 'log-streams', scope: `${group.name} ${prefix} ${byTime} ${descending}`, defaultSize: 50, invalid: invalidToken, cursorOf: keyOf, isAfter: (stream, cursor) => compare(keyOf(stream), cursor) > 0,
			});
			return {
				logStreams: items.map(stream => ({
					logStreamName: stream.name,
					creationTime: stream.creationTime,
					...((stream.events.length > 0) && {firstEventTimestamp: stream.events[0].timestamp, lastEventTimestamp: stream.events.at(-1)!.timestamp, lastIngestionTime: stream.events.at(-1)!.ingestionTime}),
					arn: `${groupArn(region, group.name).slice(0, -2)}:log-stream:${stream.name}`,
					storedBytes: 0,
				})),
				...(nextToken && {nextToken}),
			};
		},
		PutLogEvents({body}) {
			const group = groupOf(body.logGroupName as string);
			const stream = group.streams.get(body.logStreamName as string);
			if (!stream) {
				throw noStream();
			}

			const events = body.logEvents as Array<{timestamp: number; message: string}>;
			if (events.some((event, index) => index > 0 && event.timestamp < events[index - 1].timestamp)) {
				throw new AwsError('InvalidParameterException', 'Log events in a single PutLogEvents request must be in chronological order.');
			}

			const {kept, rejectedLogEventsInfo} = rejectedOf(events, Date.now());
			for (const event of kept) {
				store.addLog(group.name, stream.name, event.timestamp, event.message);
			}

			return {nextSequenceToken: encodeToken('sequence', '', {t: Date.now()}), ...(rejectedLogEventsInfo && {rejectedLogEventsInfo})};
		},
		GetLogEvents({body}) {
			const group = groupOf(groupName(body));
			const stream = group.streams.get(body.logStreamName as string);
			if (!stream) {
				throw noStream();
			}

			return getLogEvents(stream, group.name, body);
		},
		FilterLogEvents({body}) {
			const group = groupOf(groupName(body));
			const names = Array.isArray(body.logStreamNames) ? new Set(body.logStreamNames as string[]) : undefined;
			const prefix = typeof body.logStreamNamePrefix === 'string' ? body.logStreamNamePrefix : '';
			const pattern = typeof body.filterPattern === 'string' ? body.filterPattern.replaceAll(/^"|"$/g, '') : '';
			const matches: Array<StoredLogEvent & {logStreamName: string}> = [];
			for (const stream of group.streams.values()) {
				if ((names && !names.has(stream.name)) || !stream.name.startsWith(prefix)) {
					continue;
				}

				for (const event of stream.events) {
					// FilterLogEvents' endTime is inclusive; filter patterns are matched as plain substrings (quoted terms included).
					if ((typeof body.startTime === 'number' && event.timestamp < body.startTime) || (typeof body.endTime === 'number' && event.timestamp > body.endTime) || (pattern && !event.message.includes(pattern))) {
						continue;
					}

					matches.push({...event, logStreamName: stream.name});
				}
			}

			matches.sort((a, b) => a.timestamp - b.timestamp || compareText(a.eventId, b.eventId));
			const {items, nextToken} = keysetPage(matches, {nextToken: body.nextToken, maxResults: body.limit}, {
				kind: 'filter',
				scope: JSON.stringify([group.name, body.logStreamNames ?? null, prefix, pattern, body.startTime ?? null, body.endTime ?? null]),
				defaultSize: 10_000,
				invalid: invalidToken,
				cursorOf: event => ({t: event.timestamp, e: event.eventId}),
				isAfter: (event, cursor) => event.timestamp > Number(cursor.t) || (event.timestamp === Number(cursor.t) && event.eventId > String(cursor.e)),
			});
			return {
				events: items.map(event => ({logStreamName: event.logStreamName, timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime, eventId: event.eventId})),
				searchedLogStreams: [],
				...(nextToken && {nextToken}),
			};
		},
		StartLiveTail() {
			// An event stream over HTTP/2 with its own framing; not served here. Clients poll FilterLogEvents.
			throw new AwsError('InvalidOperationException', 'StartLiveTail is not supported by sfntop serve; poll FilterLogEvents instead', 400);
		},
	};
	return operationTable(operations);
}
