/*
 * CloudWatch Logs as serve answers it. PutLogEvents' time window is
 * CloudWatch's (API reference, PutLogEvents: no event older than 14 days,
 * none more than 2 hours in the future; those are not stored and reported
 * in rejectedLogEventsInfo: tooOldLogEventEndIndex is the last too-old
 * index, tooNewLogEventStartIndex the first too-new one). GetLogEvents
 * returns a stream's events in timestamp order, whatever order they came in.
 */
import {CreateLogGroupCommand, CreateLogStreamCommand, GetLogEventsCommand, PutLogEventsCommand, type CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {localEndpoint} from '../helpers/local-endpoint.js';

const hour = 3600 * 1000;
const day = 24 * hour;

describe('PutLogEvents and GetLogEvents as CloudWatch answers them', () => {
	let server: RunningServer;
	let logs: CloudWatchLogsClient;
	let count = 0;

	beforeAll(async () => {
		({server, logs} = await localEndpoint());
		await logs.send(new CreateLogGroupCommand({logGroupName: 'g'}));
	});

	afterAll(async () => {
		await server.close();
	});

	const stream = async () => {
		const logStreamName = `s${++count}`;
		await logs.send(new CreateLogStreamCommand({logGroupName: 'g', logStreamName}));
		return logStreamName;
	};

	const messages = async (logStreamName: string) => (await logs.send(new GetLogEventsCommand({logGroupName: 'g', logStreamName, startFromHead: true}))).events!.map(event => event.message);

	test('events over 14 days old or over 2 hours ahead are rejected and reported; the rest are kept', async () => {
		const logStreamName = await stream();
		const now = Date.now();
		const answer = await logs.send(new PutLogEventsCommand({logGroupName: 'g', logStreamName, logEvents: [
			{timestamp: 1, message: 'epoch'},
			{timestamp: now - (15 * day), message: 'old'},
			{timestamp: now - hour, message: 'fine'},
			{timestamp: now + hour, message: 'soon'},
			{timestamp: now + (3 * hour), message: 'far'},
			{timestamp: 99_999_999_999_999, message: 'never'},
		]}));
		expect(answer.rejectedLogEventsInfo).toEqual({tooOldLogEventEndIndex: 1, tooNewLogEventStartIndex: 4});
		expect(await messages(logStreamName)).toEqual(['fine', 'soon']);

		const clean = await logs.send(new PutLogEventsCommand({logGroupName: 'g', logStreamName, logEvents: [{timestamp: Date.now(), message: 'ok'}]}));
		expect(clean.rejectedLogEventsInfo).toBeUndefined();
	});

	test('GetLogEvents returns events in timestamp order, also across puts, forwards and backwards', async () => {
		const logStreamName = await stream();
		const base = Date.now() - hour;
		await logs.send(new PutLogEventsCommand({logGroupName: 'g', logStreamName, logEvents: [{timestamp: base + 30, message: 'c'}, {timestamp: base + 40, message: 'd'}]}));
		await logs.send(new PutLogEventsCommand({logGroupName: 'g', logStreamName, logEvents: [{timestamp: base + 10, message: 'a'}, {timestamp: base + 20, message: 'b'}]}));
		expect(await messages(logStreamName)).toEqual(['a', 'b', 'c', 'd']);
		const newest = await logs.send(new GetLogEventsCommand({logGroupName: 'g', logStreamName, limit: 2}));
		expect(newest.events!.map(event => event.message)).toEqual(['c', 'd']);
		const older = await logs.send(new GetLogEventsCommand({logGroupName: 'g', logStreamName, limit: 2, nextToken: newest.nextBackwardToken}));
		expect(older.events!.map(event => event.message)).toEqual(['a', 'b']);
		const head = await logs.send(new GetLogEventsCommand({logGroupName: 'g', logStreamName, limit: 2, startFromHead: true}));
		const rest = await logs.send(new GetLogEventsCommand({logGroupName: 'g', logStreamName, limit: 2, nextToken: head.nextForwardToken}));
		expect(rest.events!.map(event => event.message)).toEqual(['c', 'd']);
		const window = await logs.send(new GetLogEventsCommand({logGroupName: 'g', logStreamName, startTime: base + 20, endTime: base + 40, startFromHead: true}));
		expect(window.events!.map(event => event.message)).toEqual(['b', 'c']);
	});
});
