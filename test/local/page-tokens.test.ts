import {Buffer} from 'node:buffer';
import {randomBytes} from 'node:crypto';
import {readFileSync, statSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateStateMachineCommand, GetExecutionHistoryCommand, ListExecutionsCommand, StartExecutionCommand, type SFNClient} from '@aws-sdk/client-sfn';
import {FilterLogEventsCommand, GetLogEventsCommand, PutLogEventsCommand, CreateLogGroupCommand, CreateLogStreamCommand, type CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {compareText, useTokenKey} from '../../source/local/api/cursor.js';
import type {RunningServer} from '../../source/local/server.js';
import {fullHistory, localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';
import {repoRoot} from '../helpers/run-cli.js';

// Issue 12 item 6: page tokens were offsets, so pages skipped or repeated items while a history grew or executions started.

const orderDefinition = readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8');
const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';

let server: RunningServer;
let sfn: SFNClient;
let logs: CloudWatchLogsClient;
let machineArn: string;
// Log events must be within CloudWatch's window (14 days back, 2 hours ahead).
const base = Date.now() - 3_600_000;

const sleep = async (ms: number) => new Promise(resolve => {
	setTimeout(resolve, ms);
});

async function eventCount(executionArn: string): Promise<number> {
	return (await fullHistory(sfn, executionArn)).length;
}

beforeAll(async () => {
	({server, sfn, logs} = await localEndpoint());
	({stateMachineArn: machineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Pages', definition: orderDefinition, roleArn})) as {stateMachineArn: string});
});

afterAll(async () => {
	await server.close();
});

describe('page tokens are cursors', () => {
	test('reverseOrder on a running execution: later pages continue below the first, none skipped, while events are added', async () => {
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, input: '{"orderId": "1", "delayMs": 150}'}));
		while (await eventCount(executionArn!) < 6) {
			await sleep(30);
		}

		const first = await sfn.send(new GetExecutionHistoryCommand({executionArn, reverseOrder: true, maxResults: 3}));
		const newest = first.events![0].id!;
		expect(first.events!.map(event => event.id)).toEqual([newest, newest - 1, newest - 2]);
		// The execution moves on before the next page is read.
		while (await eventCount(executionArn!) < newest + 3) {
			await sleep(30);
		}

		const seen = first.events!.map(event => event.id!);
		let {nextToken} = first;
		while (nextToken) {
			const page = await sfn.send(new GetExecutionHistoryCommand({executionArn, reverseOrder: true, maxResults: 3, nextToken}));
			seen.push(...page.events!.map(event => event.id!));
			({nextToken} = page);
		}

		expect(seen).toEqual(Array.from({length: newest}, (_, index) => newest - index));
		await waitForEnd(sfn, executionArn!);
	});

	test('ListExecutions page 2 follows page 1 even after new executions start', async () => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'ManyRuns', definition: JSON.stringify({StartAt: 'Done', States: {Done: {Type: 'Succeed'}}}), roleArn}));
		for (let index = 0; index < 6; index++) {
			await sfn.send(new StartExecutionCommand({stateMachineArn, name: `run-${index}`}));
			await sleep(2);
		}

		const first = await sfn.send(new ListExecutionsCommand({stateMachineArn, maxResults: 3}));
		for (let index = 6; index < 9; index++) {
			await sfn.send(new StartExecutionCommand({stateMachineArn, name: `run-${index}`}));
		}

		const second = await sfn.send(new ListExecutionsCommand({stateMachineArn, maxResults: 3, nextToken: first.nextToken}));
		expect(first.executions!.map(execution => execution.name)).toEqual(['run-5', 'run-4', 'run-3']);
		expect(second.executions!.map(execution => execution.name)).toEqual(['run-2', 'run-1', 'run-0']);
		expect(second.nextToken).toBeUndefined();
	});

	test('a token is bound to its request: another execution, direction or filter is InvalidToken', async () => {
		const a = (await sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, input: '{"orderId": "a", "delayMs": 0}'}))).executionArn!;
		const b = (await sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, input: '{"orderId": "b", "delayMs": 0}'}))).executionArn!;
		await waitForEnd(sfn, a);
		const page = await sfn.send(new GetExecutionHistoryCommand({executionArn: a, maxResults: 2}));
		await expect(sfn.send(new GetExecutionHistoryCommand({executionArn: b, maxResults: 2, nextToken: page.nextToken}))).rejects.toMatchObject({name: 'InvalidToken', message: 'Invalid Token: \'Invalid token\''});
		await expect(sfn.send(new GetExecutionHistoryCommand({executionArn: a, maxResults: 2, reverseOrder: true, nextToken: page.nextToken}))).rejects.toMatchObject({name: 'InvalidToken'});
		await expect(sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn, nextToken: page.nextToken}))).rejects.toMatchObject({name: 'InvalidToken'});
		await expect(sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn, nextToken: 'bm90IG91cnM'}))).rejects.toMatchObject({name: 'InvalidToken'});
	});

	test('a token whose cursor was changed is InvalidToken (board qa: a forged cursor read as the end of the history)', async () => {
		const executionArn = (await sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, input: '{"orderId": "forged", "delayMs": 0}'}))).executionArn!;
		await waitForEnd(sfn, executionArn);
		const {nextToken} = await sfn.send(new GetExecutionHistoryCommand({executionArn, maxResults: 2}));
		expect((await sfn.send(new GetExecutionHistoryCommand({executionArn, maxResults: 2, nextToken}))).events).toHaveLength(2);
		const [body, ...rest] = nextToken!.split('.');
		const sealed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {c: unknown};
		for (const cursor of [{id: 'x'}, {}, {id: 1}]) {
			const forgedBody = Buffer.from(JSON.stringify({...sealed, c: cursor})).toString('base64url');
			for (const forged of [[forgedBody, ...rest].join('.'), forgedBody]) {
				await expect(sfn.send(new GetExecutionHistoryCommand({executionArn, maxResults: 2, nextToken: forged}))).rejects.toMatchObject({name: 'InvalidToken'});
			}
		}

		const listed = await sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn, maxResults: 1}));
		const [listBody, listMac] = listed.nextToken!.split('.', 2);
		const changed = Buffer.from(JSON.stringify({...JSON.parse(Buffer.from(listBody, 'base64url').toString('utf8')) as object, c: {d: 0, a: 'x'}})).toString('base64url');
		await expect(sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn, maxResults: 1, nextToken: `${changed}.${listMac}`}))).rejects.toMatchObject({name: 'InvalidToken'});
	});

	test('FilterLogEvents pages by timestamp and event id, and refuses a token it did not issue', async () => {
		await logs.send(new CreateLogGroupCommand({logGroupName: '/pages'}));
		await logs.send(new CreateLogStreamCommand({logGroupName: '/pages', logStreamName: 'a'}));
		await logs.send(new PutLogEventsCommand({logGroupName: '/pages', logStreamName: 'a', logEvents: [1, 2, 3, 4, 5].map(n => ({timestamp: base + n, message: `line ${n}`}))}));
		const first = await logs.send(new FilterLogEventsCommand({logGroupName: '/pages', limit: 2}));
		await logs.send(new PutLogEventsCommand({logGroupName: '/pages', logStreamName: 'a', logEvents: [{timestamp: base, message: 'late but older'}]}));
		const second = await logs.send(new FilterLogEventsCommand({logGroupName: '/pages', limit: 2, nextToken: first.nextToken}));
		expect(first.events!.map(event => event.message)).toEqual(['line 1', 'line 2']);
		expect(second.events!.map(event => event.message)).toEqual(['line 3', 'line 4']);
		await expect(logs.send(new FilterLogEventsCommand({logGroupName: '/pages', nextToken: '0x10'}))).rejects.toMatchObject({name: 'InvalidParameterException', message: 'The specified nextToken is invalid.'});
	});

	test('GetLogEvents: newest events by default, oldest with startFromHead; forward and backward tokens walk the stream, and the forward token stays put at the end', async () => {
		await logs.send(new CreateLogGroupCommand({logGroupName: '/walk'}));
		await logs.send(new CreateLogStreamCommand({logGroupName: '/walk', logStreamName: 's'}));
		await logs.send(new PutLogEventsCommand({logGroupName: '/walk', logStreamName: 's', logEvents: [1, 2, 3, 4, 5].map(n => ({timestamp: base + n, message: `line ${n}`}))}));
		const messages = (page: {events?: Array<{message?: string}>}) => page.events!.map(event => event.message);
		const newest = await logs.send(new GetLogEventsCommand({logGroupName: '/walk', logStreamName: 's', limit: 2}));
		expect(messages(newest)).toEqual(['line 4', 'line 5']);
		const older = await logs.send(new GetLogEventsCommand({logGroupName: '/walk', logStreamName: 's', limit: 2, nextToken: newest.nextBackwardToken}));
		expect(messages(older)).toEqual(['line 2', 'line 3']);
		const head = await logs.send(new GetLogEventsCommand({logGroupName: '/walk', logStreamName: 's', limit: 2, startFromHead: true}));
		expect(messages(head)).toEqual(['line 1', 'line 2']);
		const atEnd = await logs.send(new GetLogEventsCommand({logGroupName: '/walk', logStreamName: 's', nextToken: newest.nextForwardToken}));
		expect(atEnd.events).toEqual([]);
		expect(atEnd.nextForwardToken).toBe(newest.nextForwardToken);
		await logs.send(new PutLogEventsCommand({logGroupName: '/walk', logStreamName: 's', logEvents: [{timestamp: base + 1000, message: 'line 6'}]}));
		expect(messages(await logs.send(new GetLogEventsCommand({logGroupName: '/walk', logStreamName: 's', nextToken: atEnd.nextForwardToken})))).toEqual(['line 6']);
	});
});

describe('with --data-dir', () => {
	test('a token outlives a restart: the signing key is kept in the folder (0600)', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-tokens-'));
		try {
			const first = await localEndpoint({dataDir});
			const {stateMachineArn} = await first.sfn.send(new CreateStateMachineCommand({name: 'Kept', definition: orderDefinition, roleArn}));
			for (const name of ['a', 'b', 'c']) {
				await first.sfn.send(new StartExecutionCommand({stateMachineArn, name, input: '{"orderId": "1", "delayMs": 0}'}));
			}

			const page = await first.sfn.send(new ListExecutionsCommand({stateMachineArn, maxResults: 2}));
			await first.server.close();
			// A new process starts with a fresh random key; the folder's key must win.
			useTokenKey(randomBytes(32));
			const second = await localEndpoint({dataDir});
			try {
				const next = await second.sfn.send(new ListExecutionsCommand({stateMachineArn, maxResults: 2, nextToken: page.nextToken}));
				expect([...page.executions!, ...next.executions!].map(execution => execution.name!).toSorted(compareText)).toEqual(['a', 'b', 'c']);
				expect(statSync(path.join(dataDir, 'journal.key')).mode & 0o777).toBe(0o600);
			} finally {
				await second.server.close();
			}
		} finally {
			await rm(dataDir, {recursive: true, force: true});
		}
	});
});
