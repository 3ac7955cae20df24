import {describe, expect, test} from 'vitest';
import {RateLimiter, type Clock} from '../../source/sync/rate-limiter.js';

/** A clock that only moves when the limiter sleeps, so the schedule is exact. */
function fakeClock(): Clock & {slept: number[]} {
	let now = 0;
	const slept: number[] = [];
	return {
		slept,
		now: () => now,
		async sleep(ms) {
			slept.push(ms);
			now += ms;
		},
	};
}

describe('the shared rate limiter', () => {
	test('a burst passes at once, then calls are spaced at the refill rate', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({GetExecutionHistory: {burst: 3, perSecond: 2}}, clock);
		for (let call = 0; call < 3; call++) {
			await limiter.take('GetExecutionHistory');
		}

		expect(clock.slept).toEqual([]);
		await limiter.take('GetExecutionHistory');
		await limiter.take('GetExecutionHistory');
		expect(clock.slept).toEqual([500, 500]);
	});

	test('buckets are per API: one busy API does not slow another', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({GetExecutionHistory: {burst: 1, perSecond: 1}, DescribeExecution: {burst: 1, perSecond: 1}}, clock);
		await limiter.take('GetExecutionHistory');
		await limiter.take('DescribeExecution');
		expect(clock.slept).toEqual([]);
	});

	test('fifty followers sharing one limiter stay under the bucket, however many ask', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter({GetExecutionHistory: {burst: 10, perSecond: 5}}, clock);
		const start = clock.now();
		for (let call = 0; call < 50; call++) {
			await limiter.take('GetExecutionHistory');
		}

		// 10 at once, then 40 more at 5 per second: at least 8 seconds.
		expect(clock.now() - start).toBeGreaterThanOrEqual(8000);
	});
});
