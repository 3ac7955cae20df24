import {Buffer} from 'node:buffer';
import {accountId} from './arns.js';
import {AwsError, validation} from './aws-error.js';
import {operationTable, type Operation, type OperationTable} from './api/operation.js';
import type {Store} from './store.js';
import type {StoredGroup, StoredLogEvent} from './store-types.js';

const groupArn = (region: string, name: string) => `arn:aws:logs:${region}:${accountId}:log-group:${name}:*`;

function token(offset: number): string {
	return Buffer.from(String(offset)).toString('base64url');
}

function offsetOf(value: unknown): number {
	if (typeof value !== 'string') {
		return 0;
	}

	const offset = Number(Buffer.from(value, 'base64url').toString('utf8'));
	if (!Number.isInteger(offset) || offset < 0) {
		throw new AwsError('InvalidParameterException', 'The specified nextToken is not valid');
	}

	return offset;
}

function limitOf(value: unknown, fallback: number, max: number): number {
	if (value === undefined) {
		return fallback;
	}

	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1 || limit > max) {
		throw new AwsError('InvalidParameterException', `limit must be between 1 and ${max}`);
	}

	return limit;
}

export function logsOperations(store: Store): OperationTable {
	const groupOf = (name: unknown): StoredGroup => {
		if (typeof name !== 'string' || name === '') {
			throw validation('1 validation error detected: Value null at \'logGroupName\' failed to satisfy constraint: Member must not be null');
		}

		const group = store.logGroups.get(name);
		if (!group) {
			throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
		}

		return group;
	};

	const operations: Record<string, Operation> = {
		CreateLogGroup({body}) {
			if (typeof body.logGroupName !== 'string' || !/^[\w#\-./]{1,512}$/.test(body.logGroupName)) {
				throw new AwsError('InvalidParameterException', 'logGroupName is not valid');
			}

			if (store.logGroups.has(body.logGroupName)) {
				throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
			}

			store.ensureGroup(body.logGroupName);
			return {};
		},
		CreateLogStream({body}) {
			const group = groupOf(body.logGroupName);
			if (typeof body.logStreamName !== 'string') {
				throw new AwsError('InvalidParameterException', 'logStreamName is required');
			}

			if (group.streams.has(body.logStreamName)) {
				throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
			}

			store.createStream(group.name, body.logStreamName);
			return {};
		},
		DescribeLogGroups({region, body}) {
			const prefix = typeof body.logGroupNamePrefix === 'string' ? body.logGroupNamePrefix : '';
			const all = [...store.logGroups.values()].filter(group => group.name.startsWith(prefix)).toSorted((a, b) => a.name.localeCompare(b.name));
			const start = offsetOf(body.nextToken);
			const limit = limitOf(body.limit, 50, 50);
			const items = all.slice(start, start + limit);
			return {
				logGroups: items.map(group => ({logGroupName: group.name, creationTime: group.creationTime, arn: groupArn(region, group.name), storedBytes: 0})),
				...((start + limit < all.length) && {nextToken: token(start + limit)}),
			};
		},
		DescribeLogStreams({region, body}) {
			const group = groupOf(body.logGroupName);
			const prefix = typeof body.logStreamNamePrefix === 'string' ? body.logStreamNamePrefix : '';
			let streams = [...group.streams.values()].filter(stream => stream.name.startsWith(prefix));
			streams = body.orderBy === 'LastEventTime'
				? streams.toSorted((a, b) => (a.events.at(-1)?.timestamp ?? 0) - (b.events.at(-1)?.timestamp ?? 0))
				: streams.toSorted((a, b) => a.name.localeCompare(b.name));
			if (body.descending === true) {
				streams.reverse();
			}

			const start = offsetOf(body.nextToken);
			const limit = limitOf(body.limit, 50, 50);
			return {
				logStreams: streams.slice(start, start + limit).map(stream => ({
					logStreamName: stream.name,
					creationTime: stream.creationTime,
					...((stream.events.length > 0) && {firstEventTimestamp: stream.events[0].timestamp, lastEventTimestamp: stream.events.at(-1)!.timestamp, lastIngestionTime: stream.events.at(-1)!.ingestionTime}),
					arn: `${groupArn(region, group.name).slice(0, -2)}:log-stream:${stream.name}`,
					storedBytes: 0,
				})),
				...((start + limit < streams.length) && {nextToken: token(start + limit)}),
			};
		},
		PutLogEvents({body}) {
			const group = groupOf(body.logGroupName);
			if (typeof body.logStreamName !== 'string' || !group.streams.has(body.logStreamName)) {
				throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
			}

			const events = Array.isArray(body.logEvents) ? body.logEvents as Array<{timestamp?: unknown; message?: unknown}> : [];
			for (const event of events) {
				if (typeof event.timestamp !== 'number' || typeof event.message !== 'string') {
					throw new AwsError('InvalidParameterException', 'each log event needs a numeric timestamp and a string message');
				}

				store.addLog(group.name, body.logStreamName, event.timestamp, event.message);
			}

			return {nextSequenceToken: token(Date.now())};
		},
		GetLogEvents({body}) {
			const group = groupOf(body.logGroupName);
			const stream = typeof body.logStreamName === 'string' ? group.streams.get(body.logStreamName) : undefined;
			if (!stream) {
				throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
			}

			const inWindow = stream.events.filter(event => (typeof body.startTime !== 'number' || event.timestamp >= body.startTime) && (typeof body.endTime !== 'number' || event.timestamp < body.endTime));
			const start = typeof body.nextToken === 'string' ? Number(body.nextToken.slice(2)) || 0 : 0;
			const limit = limitOf(body.limit, 10_000, 10_000);
			const items = inWindow.slice(start, start + limit);
			return {
				events: items.map(event => ({timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime})),
				nextForwardToken: `f/${start + items.length}`,
				nextBackwardToken: `b/${start}`,
			};
		},
		FilterLogEvents({body}) {
			const group = groupOf(body.logGroupName);
			const names = Array.isArray(body.logStreamNames) ? new Set(body.logStreamNames as string[]) : undefined;
			const prefix = typeof body.logStreamNamePrefix === 'string' ? body.logStreamNamePrefix : '';
			const pattern = typeof body.filterPattern === 'string' ? body.filterPattern.replaceAll(/^"|"$/g, '') : '';
			const matches: Array<StoredLogEvent & {logStreamName: string}> = [];
			for (const stream of group.streams.values()) {
				if ((names && !names.has(stream.name)) || !stream.name.startsWith(prefix)) {
					continue;
				}

				for (const event of stream.events) {
					// Filter patterns are matched as plain substrings (quoted terms included): enough for ids and words.
					if ((typeof body.startTime === 'number' && event.timestamp < body.startTime) || (typeof body.endTime === 'number' && event.timestamp > body.endTime) || (pattern && !event.message.includes(pattern))) {
						continue;
					}

					matches.push({...event, logStreamName: stream.name});
				}
			}

			matches.sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
			const start = offsetOf(body.nextToken);
			const limit = limitOf(body.limit, 10_000, 10_000);
			const items = matches.slice(start, start + limit);
			return {
				events: items.map(event => ({logStreamName: event.logStreamName, timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime, eventId: event.eventId})),
				searchedLogStreams: [],
				...((start + limit < matches.length) && {nextToken: token(start + limit)}),
			};
		},
		StartLiveTail() {
			// An event stream over HTTP/2 with its own framing; not served here. Clients poll FilterLogEvents.
			throw new AwsError('InvalidOperationException', 'StartLiveTail is not supported by sfntop serve; poll FilterLogEvents instead', 400);
		},
	};
	return operationTable(operations);
}
