import process from 'node:process';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {defaultBuckets, RateLimiter, type Clock} from '../../source/sync/rate-limiter.js';
import {createSession} from '../../source/sync/session.js';
import type {SfnSession} from '../../source/sync/types.js';
import {waitForEnd} from '../helpers/local-endpoint.js';
import {orderEndpoint} from '../helpers/order-machine.js';

process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

describe('bulk actions go through the shared rate limiter', () => {
	let endpoint: Awaited<ReturnType<typeof orderEndpoint>>;
	let session: SfnSession;
	// A clock the limiter waits on: sleeping advances it at once, so the test measures how long the limiter made the calls wait.
	let virtual = 0;
	const clock: Clock = {
		now: () => virtual,
		async sleep(ms) {
			virtual += ms;
		},
	};

	beforeAll(async () => {
		endpoint = await orderEndpoint();
		await Promise.all([0, 1, 2, 3, 4, 5].map(async index => endpoint.run(`limited-${index}`, {orderId: String(index), failAt: 'charge-customer'})));
		const limiter = new RateLimiter({...defaultBuckets, RedriveExecution: {burst: 2, perSecond: 1}}, clock);
		session = await createSession({endpointUrl: endpoint.server.url, region: 'us-east-1', readOnly: false, intervalMs: 200, limiter});
	});

	afterAll(async () => {
		session.close();
		await endpoint.server.close();
	});

	test('six redrives with a quota of 2 at once and 1 a second take at least 4 seconds of waiting, and all are sent', async () => {
		const executions = await session.matchingExecutions(endpoint.machineArn, {status: 'FAILED', namePrefix: 'limited-'});
		expect(executions).toHaveLength(6);
		const preview = await session.bulkPreview('redrive', executions);
		expect(preview.rerunFrom).toEqual([{state: 'ChargeCustomer', count: 6}]);
		const progress: number[] = [];
		const before = virtual;
		const mark = endpoint.server.requests.length;
		const result = await session.bulkAct(preview, {onProgress(done) {
			progress.push(done);
		}});
		expect(result).toEqual({action: 'redrive', acted: 6, skipped: 0, failed: []});
		expect(virtual - before).toBeGreaterThanOrEqual(4000);
		expect(endpoint.server.requests.slice(mark).filter(request => request.operation === 'RedriveExecution')).toHaveLength(6);
		expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
	});

	test('a failure is counted with its reason and the rest go on', async () => {
		for (const execution of await session.matchingExecutions(endpoint.machineArn, {status: 'RUNNING', namePrefix: 'limited-'})) {
			await waitForEnd(endpoint.sfn, execution.arn);
		}

		const executions = await session.matchingExecutions(endpoint.machineArn, {status: 'SUCCEEDED', namePrefix: 'limited-'});
		// Pretend they were still FAILED (the list went stale): AWS refuses each redrive.
		const stale = executions.slice(0, 2).map(execution => ({...execution, status: 'FAILED' as const}));
		const result = await session.bulkAct(await session.bulkPreview('redrive', stale));
		expect(result.acted).toBe(0);
		expect(result.failed).toHaveLength(2);
		expect(result.failed[0].message).toMatch(/redriv/i);
	}, 60_000);
});
