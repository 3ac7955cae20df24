// The running wall against a real endpoint (sfntop serve in-process, real SDK
// over HTTP): 1,000 RUNNING executions, paging, the call budget under a fake
// clock, and what the summary counts when executions start and end.
import {CreateStateMachineCommand, StartExecutionCommand, StopExecutionCommand, type SFNClient} from '@aws-sdk/client-sfn';
import type {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {AwsApi, type CallHooks} from '../../source/aws/sfn.js';
import type {RunningServer} from '../../source/local/server.js';
import type {RunningWall} from '../../source/model/wall/wall-types.js';
import {pageExecutions} from '../../source/sync/execution-pages.js';
import {realClock, type Clock} from '../../source/sync/rate-limiter.js';
import {RunningWallState, type WallSettings} from '../../source/sync/running-wall.js';
import {budgetedApi} from '../../source/sync/wall-budget.js';
import {followWall} from '../../source/sync/wall-follower.js';
import {localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';
import {startFleet} from '../helpers/running-fleet.js';
import {virtualClock} from '../helpers/virtual-clock.js';

const fleetSize = 1000;
let server: RunningServer;
let sfn: SFNClient;
let logs: CloudWatchLogsClient;
let fleetArn: string;

beforeAll(async () => {
	({server, sfn, logs} = await localEndpoint());
	fleetArn = await startFleet(sfn, 'Fleet', fleetSize);
}, 300_000);

afterAll(async () => {
	await server?.close();
});

const plainApi = (hooks: CallHooks = {}) => new AwsApi({sfn, logs, region: 'us-east-1', endpoint: server.url}, hooks);

const settings = (clock: Clock, budget = 2.5): WallSettings => ({tickMs: 2000, budget, clock, maxIdleMs: 15_000, recentMs: 60_000});

const listCalls = () => server.requests.filter(request => request.operation === 'ListExecutions').length;

describe('the running wall with 1,000 RUNNING executions', () => {
	test('holds every one of them, with the true count, in one ListExecutions call (10 with pages of 100)', async () => {
		const api = plainApi();
		let before = listCalls();
		const big = await pageExecutions(api, fleetArn, {statusFilter: 'RUNNING'});
		expect(big.executions).toHaveLength(fleetSize);
		expect(listCalls() - before).toBe(1);

		before = listCalls();
		const small = await pageExecutions(api, fleetArn, {statusFilter: 'RUNNING', pageSize: 100});
		expect(new Set(small.executions.map(execution => execution.arn)).size).toBe(fleetSize);
		expect(listCalls() - before).toBe(10);

		const wall = new RunningWallState(api, budgetedApi(api, {}, 2.5).calls, api, fleetArn, settings(realClock));
		await wall.list();
		const snapshot = wall.snapshot();
		expect(snapshot.rows).toHaveLength(fleetSize);
		// Newest first, as ListExecutions returns them.
		const starts = snapshot.rows.map(row => row.startDate!);
		expect(starts).toEqual(starts.toSorted((a, b) => b - a));
	}, 60_000);

	test('never spends more than its budget: no tick holds more than budget × tick reads, no second more than ⌈budget⌉; rows on screen are read first and every row is read', async () => {
		const clock = virtualClock();
		const reads: number[] = [];
		const api = plainApi();
		const budgeted = budgetedApi(api, {after() {
			reads.push(clock.now());
		}}, 2.5, clock);
		const wall = new RunningWallState(budgeted.api, budgeted.calls, api, fleetArn, settings(clock));
		// What a view shows once the list is in: 30 rows from the middle of the list.
		const onScreen = (await pageExecutions(api, fleetArn, {statusFilter: 'RUNNING'})).executions.slice(100, 130).map(execution => execution.arn);
		// Which row each read went to, in order.
		const readOrder: string[] = [];
		const read = wall.read.bind(wall);
		wall.read = async key => {
			readOrder.push(key);
			return read(key);
		};

		const follower = followWall(wall, error => api.describe(error, 'ListExecutions'));
		follower.show(onScreen);
		const start = clock.now();
		try {
			await until(() => readOrder.length >= onScreen.length, 'the first reads');
			// The rows on screen before any other, in screen order.
			expect(readOrder.slice(0, onScreen.length)).toEqual(onScreen);
			await until(() => wall.snapshot().rows.every(row => row.readAt !== undefined), 'every row read', 120_000);
		} finally {
			follower.stop();
		}

		const elapsed = clock.now() - start;
		const wallData: RunningWall = wall.snapshot();
		expect(reads.length).toBeGreaterThanOrEqual(fleetSize);
		// One second is ⌈2.5⌉ = 3 reads at most; one tick (2 s) 5; over the whole run 2.5/s plus the first.
		for (const [index, time] of reads.entries()) {
			expect(reads.filter(other => other >= time && other < time + 1000).length, `reads in the second after read ${index}`).toBeLessThanOrEqual(3);
			expect(reads.filter(other => other >= time && other < time + 2000).length, `reads in the tick after read ${index}`).toBeLessThanOrEqual(5);
		}

		expect(reads.length).toBeLessThanOrEqual(Math.floor(((reads.at(-1)! - reads[0]) / 1000) * 2.5) + 1);
		// 1,000 rows at 2.5 reads a second: every row read once in no less than 400 s. The 30 rows
		// on screen are read again every 25 s meanwhile (1.2 reads/s), so the other 970 get 1.3: about 750 s.
		expect(elapsed).toBeGreaterThanOrEqual(((fleetSize / 2.5) - 1) * 1000);
		expect(elapsed).toBeLessThan((fleetSize - 30) / (2.5 - (30 / 25)) * 1.1 * 1000);
		// The header's figure: reads in the last minute against the budget.
		expect(wallData.calls.budgetPerSecond).toBe(2.5);
		expect(wallData.calls.lastMinute).toBeLessThanOrEqual(150);
		expect(wallData.calls.lastMinute).toBeGreaterThanOrEqual(140);
		// Every row shows where its execution is: a quarter of the fleet in its Map, 3 of 4 items done.
		const batch = wallData.rows.filter(row => row.currentState === 'ProcessBatch');
		expect(batch).toHaveLength(fleetSize / 4);
		expect(batch[0].mapProgress).toEqual({total: 4, succeeded: 3, failed: 0, running: 1});
		expect(wallData.rows.filter(row => row.currentState === 'AwaitApproval')).toHaveLength(fleetSize * 3 / 4);
	}, 300_000);
});

describe('what the wall counts as executions start and end', () => {
	const definition = {
		StartAt: 'Lane',
		States: {
			Lane: {Type: 'Choice', Choices: [
				{Variable: '$.lane', StringEquals: 'ok', Next: 'Brief'},
				{Variable: '$.lane', StringEquals: 'fail', Next: 'BriefThenFail'},
				{Variable: '$.lane', StringEquals: 'instant', Next: 'Done'},
			], Default: 'Hold'},
			Hold: {Type: 'Wait', Seconds: 3600, End: true},
			Brief: {Type: 'Wait', Seconds: 1, Next: 'Done'},
			BriefThenFail: {Type: 'Wait', Seconds: 1, Next: 'Broken'},
			Broken: {Type: 'Fail', Error: 'Broken', Cause: 'on purpose'},
			Done: {Type: 'Succeed'},
		},
	};

	test('finished executions leave at the next list; started, succeeded, failed and aborted since the view opened are counted, also those that start and end between two lists', async () => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Lanes', definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::123456789012:role/R'}));
		const start = async (name: string, lane: string) => (await sfn.send(new StartExecutionCommand({stateMachineArn, name, input: JSON.stringify({lane})}))).executionArn!;
		const before = await start('before-open', 'hold');
		// The wall opens strictly after that start, not within the same millisecond.
		const beforeStart = (await pageExecutions(plainApi(), stateMachineArn!, {})).executions[0].startDate!;
		while (Date.now() <= beforeStart) {
			await new Promise(resolve => {
				setTimeout(resolve, 1);
			});
		}

		const api = plainApi();
		const wall = new RunningWallState(api, budgetedApi(api, {}, 100).calls, api, stateMachineArn!, settings(realClock, 100));
		await wall.list();
		expect(wall.snapshot().rows.map(row => row.name)).toEqual(['before-open']);

		const ok = await start('ok', 'ok');
		const fail = await start('fail', 'fail');
		await start('hold', 'hold');
		await wall.list();
		expect(wall.snapshot().rows.map(row => row.name).toSorted()).toEqual(['before-open', 'fail', 'hold', 'ok']);

		const instant = await start('instant', 'instant');
		await sfn.send(new StopExecutionCommand({executionArn: before}));
		await Promise.all([ok, fail, instant, before].map(async arn => waitForEnd(sfn, arn)));
		await wall.list();
		// Gone from the rows at once; how they ended is one small history read each.
		expect(wall.snapshot().rows.map(row => row.name)).toEqual(['hold']);
		expect(wall.snapshot().ending).toBe(3);
		for (let key = wall.pick(); key; key = wall.pick()) {
			await wall.read(key);
		}

		const {since, ending} = wall.snapshot();
		expect(ending).toBe(0);
		expect({started: since.started, succeeded: since.succeeded, failed: since.failed, aborted: since.aborted, timedOut: since.timedOut}).toEqual({started: 4, succeeded: 2, failed: 1, aborted: 1, timedOut: 0});

		// Counted once: more lists change nothing.
		await wall.list();
		expect(wall.snapshot().since).toEqual(since);
	}, 60_000);
});

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
	}
}
