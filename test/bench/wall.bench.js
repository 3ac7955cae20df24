// The running wall with 500 RUNNING executions on a real local endpoint: row
// reads per second and the oldest row's age, beside the naive wall (one history
// read per row per tick, under the same shared limiter) in the same run. Time is
// virtual (a clock that moves only when the readers sleep), so the figures are
// what the budget and the limiter allow, not how busy this machine is; every
// read is a real SDK call over HTTP.
import process from 'node:process';
import {SFNClient} from '@aws-sdk/client-sfn';
import {startServer} from '../../dist/local/server.js';
import {AwsApi} from '../../dist/aws/sfn.js';
import {HistorySync} from '../../dist/sync/history-sync.js';
import {RateLimiter, defaultBuckets} from '../../dist/sync/rate-limiter.js';
import {RunningWallState} from '../../dist/sync/running-wall.js';
import {budgetedApi, defaultWallBudget} from '../../dist/sync/wall-budget.js';
import {followWall} from '../../dist/sync/wall-follower.js';
import {startFleet} from '../helpers/running-fleet.ts';
import {virtualClock} from '../helpers/virtual-clock.ts';

const rows = 500;
const tickMs = 2000;
const onScreen = 30;
const runMs = 900_000;
const settleMs = 450_000;
/** The rows on screen are all read in their first 12 s (30 rows at 2.5 reads/s). */
const screenSettleMs = 15_000;

/**
 * Reads per second over the run (intervals between the first and last read), and
 * the oldest row's age sampled at every read: all rows after the first round, rows on screen after their first read.
 * @param {{now(): number}} clock
 * @param {() => Iterable<[string, number | undefined]>} readAts each row's ARN and last read
 * @param {Set<string>} screen the rows on screen
 */
function recorder(clock, readAts, screen) {
	const times = [];
	let oldest = 0;
	let oldestOnScreen = 0;
	return {
		hooks: {
			after() {
				const now = clock.now();
				times.push(now);
				// Rows on screen from their first round on (what the user sees from the start), all rows once the first round is over.
				const settled = now - times[0] >= settleMs;
				if (now - times[0] < screenSettleMs) {
					return;
				}

				for (const [arn, readAt] of readAts()) {
					const age = now - (readAt ?? 0);
					if (settled) {
						oldest = Math.max(oldest, age);
					}

					if (screen.has(arn)) {
						oldestOnScreen = Math.max(oldestOnScreen, age);
					}
				}
			},
		},
		result: () => ({perSecond: (times.length - 1) / ((times.at(-1) - times[0]) / 1000), oldest, oldestOnScreen}),
	};
}

async function untilVirtual(clock, end) {
	while (clock.now() < end) {
		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}
}

/**
 * The running wall as sfntop runs it, on a virtual clock, for runMs.
 * @param {AwsApi} api
 * @param {string} machineArn
 */
async function wall(api, machineArn) {
	const clock = virtualClock();
	const start = clock.now();
	const screen = new Set();
	const rowsRead = {current: new Map()};
	const record = recorder(clock, () => [...rowsRead.current].map(([arn, row]) => [arn, row.view.readAt]), screen);
	const budgeted = budgetedApi(api, record.hooks, defaultWallBudget, clock);
	const state = new RunningWallState(budgeted.api, budgeted.calls, api, machineArn, {tickMs, budget: defaultWallBudget, clock, maxIdleMs: 15_000, recentMs: 60_000});
	rowsRead.current = state.rows;
	const follower = followWall(state, error => api.describe(error, 'ListExecutions'));
	while (!state.listed) {
		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}

	for (const row of state.snapshot().rows.slice(0, onScreen)) {
		screen.add(row.arn);
	}

	follower.show([...screen]);
	await untilVirtual(clock, start + runMs);
	follower.stop();
	return record.result();
}

/**
 * The naive wall: every tick, list and then read every row's history, through the shared limiter (default buckets).
 * @param {import('../../dist/aws/clients.js').AwsClients} clients
 * @param {string} machineArn
 */
async function naive(clients, machineArn) {
	const clock = virtualClock();
	const limiter = new RateLimiter(defaultBuckets, clock);
	const syncs = new Map();
	const readAts = new Map();
	const screen = new Set();
	const record = recorder(clock, () => readAts, screen);
	const api = new AwsApi(clients, {
		async before(name) {
			await limiter.take(name);
		},
		...record.hooks,
	});
	const start = clock.now();
	while (clock.now() < start + runMs) {
		const tickStart = clock.now();
		const page = await api.listExecutions(machineArn, {statusFilter: 'RUNNING', maxResults: 1000});
		for (const [index, execution] of (page.executions ?? []).entries()) {
			if (index < onScreen) {
				screen.add(execution.executionArn);
			}

			let sync = syncs.get(execution.executionArn);
			if (!sync) {
				sync = new HistorySync(api, execution.executionArn, {light: true});
				syncs.set(execution.executionArn, sync);
			}

			await sync.update();
			readAts.set(execution.executionArn, clock.now());
		}

		await clock.sleep(Math.max(0, tickStart + tickMs - clock.now()));
	}

	return record.result();
}

export default async function wallBench() {
	process.env.AWS_ACCESS_KEY_ID ??= 'local';
	process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
	const server = await startServer({port: 0});
	try {
		const sfn = new SFNClient({endpoint: server.url, region: 'us-east-1', credentials: {accessKeyId: 'local', secretAccessKey: 'local'}, maxAttempts: 1, disableHostPrefix: true});
		const machineArn = await startFleet(sfn, 'Wall', rows);
		const clients = {sfn, logs: undefined, region: 'us-east-1', endpoint: server.url};
		const ours = await wall(new AwsApi(clients), machineArn);
		const theirs = await naive(clients, machineArn);
		const naiveDemand = rows / (tickMs / 1000);
		return [
			{name: `wall: history reads/s with ${rows} RUNNING (baseline: naive, one read per row per ${tickMs / 1000} s tick)`, value: ours.perSecond, unit: 'calls/s', baseline: naiveDemand, target: `<= budget ${defaultWallBudget}/s`, met: ours.perSecond <= defaultWallBudget},
			{name: 'wall: naive wall held to the shared limiter (same run)', value: theirs.perSecond, unit: 'calls/s', baseline: null, target: null, met: null},
			{name: `wall: oldest row's age, ${rows} rows (baseline: naive under the limiter)`, value: ours.oldest / 1000, unit: 's', baseline: theirs.oldest / 1000, target: `< ${rows / defaultWallBudget * 3} s (3 × rows / budget: no row starves)`, met: ours.oldest < rows / defaultWallBudget * 3000},
			{name: `wall: oldest age of the ${onScreen} rows on screen (baseline: naive)`, value: ours.oldestOnScreen / 1000, unit: 's', baseline: theirs.oldestOnScreen / 1000, target: '< 30 s (issue 15)', met: ours.oldestOnScreen < 30_000},
		];
	} finally {
		await server.close();
	}
}
