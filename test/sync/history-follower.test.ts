import process from 'node:process';
import {CreateStateMachineCommand, StartExecutionCommand, type SFNClient} from '@aws-sdk/client-sfn';
import {afterEach, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {createSession} from '../../source/sync/session.js';
import type {Follower, SfnSession} from '../../source/sync/types.js';
import type {ExecutionData} from '../../source/model/types.js';
import {foldFullHistory, localEndpoint, snapshotSummary, waitForEnd} from '../helpers/local-endpoint.js';

process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

const roleArn = 'arn:aws:iam::123456789012:role/R';
const mapDefinition = (concurrency: number) => ({
	StartAt: 'Prepare',
	States: {
		Prepare: {Type: 'Pass', Next: 'EachItem'},
		EachItem: {Type: 'Map', ItemsPath: '$.items', MaxConcurrency: concurrency, ResultPath: null, ItemProcessor: {StartAt: 'Record', States: {
			Record: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:record-event', End: true},
		}}, Next: 'Done'},
		Done: {Type: 'Succeed'},
	},
});

async function startMap(sfn: SFNClient, items: number, delayMs: number, concurrency = 40): Promise<{arn: string; definition: string}> {
	const definition = JSON.stringify(mapDefinition(concurrency));
	const name = `Map${items}x${delayMs}x${Math.random().toString(36).slice(2, 8)}`;
	const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name, definition, roleArn}));
	const input = JSON.stringify({items: Array.from({length: items}, (_, index) => ({itemId: index, delayMs})), delayMs});
	const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input}));
	return {arn: executionArn!, definition};
}

async function untilDone(follower: Follower<ExecutionData>, timeoutMs = 40_000): Promise<ExecutionData> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error(`follower not done after ${timeoutMs} ms: ${JSON.stringify({...follower.getState(), data: undefined})}`));
		}, timeoutMs);
		const check = () => {
			const state = follower.getState();
			if (!(state.done && state.data)) {
				return;
			}

			clearTimeout(timer);
			unsubscribe();
			resolve(state.data);
		};

		const unsubscribe = follower.subscribe(check);
		check();
	});
}

describe('the history follower', () => {
	let server: RunningServer | undefined;
	let session: SfnSession | undefined;

	afterEach(async () => {
		session?.close();
		await server?.close();
		server = undefined;
		session = undefined;
	});

	test('following a long execution while it changes folds exactly what a one-shot full read folds', async () => {
		const endpoint = await localEndpoint();
		server = endpoint.server;
		const {arn, definition} = await startMap(endpoint.sfn, 1000, 1);
		session = await createSession({endpointUrl: server.url, region: 'us-east-1', readOnly: true, intervalMs: 200});
		const data = await untilDone(session.execution(arn));
		expect(data.snapshot.status).toBe('SUCCEEDED');
		expect(data.events.length).toBeGreaterThan(4000);
		expect(data.events.map(event => event.id)).toEqual(data.events.map((_, index) => index + 1));
		expect(snapshotSummary(data.snapshot)).toEqual(snapshotSummary(await foldFullHistory(endpoint.sfn, arn, definition)));
		expect(data.snapshot.states.get('EachItem')!.iterations).toMatchObject({total: 1000, succeeded: 1000});
	}, 60_000);

	test('an idle tick is one GetExecutionHistory call; after the end no call is made', async () => {
		const endpoint = await localEndpoint();
		server = endpoint.server;
		const {arn} = await startMap(endpoint.sfn, 2, 2500, 1);
		session = await createSession({endpointUrl: server.url, region: 'us-east-1', readOnly: true, intervalMs: 200});
		const follower = session.execution(arn);
		await new Promise(resolve => {
			setTimeout(resolve, 700);
		});
		// While a 2.5 s task runs nothing happens: each tick is a single newest-first history read.
		const before = server.requests.length;
		await new Promise(resolve => {
			setTimeout(resolve, 1500);
		});
		const idle = server.requests.slice(before);
		expect(idle.length).toBeGreaterThan(0);
		expect(idle.every(request => request.operation === 'GetExecutionHistory')).toBe(true);
		expect(idle.length).toBeLessThanOrEqual(Math.ceil(1500 / 200));

		await untilDone(follower);
		const atEnd = server.requests.length;
		await new Promise(resolve => {
			setTimeout(resolve, 1200);
		});
		expect(server.requests.length).toBe(atEnd);
	}, 30_000);

	test('through throttling, 5xx and connection resets the final state is identical: no event lost or duplicated', async () => {
		const clean = await localEndpoint();
		// Items take 200 ms (4 waves of 40): long enough that the follower polls through faults; with 2 ms the run
		// ended before the second poll once the engine got fast, and no fault was ever met.
		const {arn, definition} = await startMap(clean.sfn, 150, 200);
		await waitForEnd(clean.sfn, arn);
		const expected = snapshotSummary(await foldFullHistory(clean.sfn, arn, definition));
		await clean.server.close();

		// The same history served through faults: replay it into a faulty server by re-running would differ,
		// so follow a fresh run on a faulty endpoint and compare with its own clean read afterwards.
		const faulty = await localEndpoint({faults: 'throttle=0.3,5xx=0.1,reset=0.05,seed=11'});
		server = faulty.server;
		let started: {arn: string; definition: string} | undefined;
		for (let attempt = 0; attempt < 50 && !started; attempt++) {
			started = await startMap(faulty.sfn, 150, 200).catch(() => undefined);
		}

		session = await createSession({endpointUrl: server.url, region: 'us-east-1', readOnly: true, intervalMs: 200});
		const data = await untilDone(session.execution(started!.arn), 50_000);
		expect(data.events.map(event => event.id)).toEqual(data.events.map((_, index) => index + 1));
		const faultyRequests = server.requests.filter(request => request.status !== 200).length;
		expect(faultyRequests).toBeGreaterThan(0);
		const followed = snapshotSummary(data.snapshot);
		expect(followed.status).toBe('SUCCEEDED');
		expect(followed.states).toEqual(expected.states);
		expect(followed.eventCount).toBe(expected.eventCount);
	}, 90_000);
});
