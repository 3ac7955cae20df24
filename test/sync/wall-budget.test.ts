import {describe, expect, test} from 'vitest';
import {commandOptions} from '../../source/commands/options.js';
import {defaultBuckets} from '../../source/sync/rate-limiter.js';
import {bucketsForBudget, defaultWallBudget} from '../../source/sync/wall-budget.js';
import {readWorkers} from '../../source/sync/wall-follower.js';

describe('the wall\'s call budget', () => {
	test('by default: half the account\'s GetExecutionHistory refill, which is the shared limiter\'s share (2.5 reads a second)', () => {
		expect(defaultWallBudget).toBe(defaultBuckets.GetExecutionHistory.perSecond);
		expect(defaultWallBudget).toBe(2.5);
		expect(bucketsForBudget(undefined)).toBe(defaultBuckets);
		expect(bucketsForBudget(1)).toBe(defaultBuckets);
	});

	test('a larger --budget (an account with a raised quota) raises the shared GetExecutionHistory refill to it, and only that', () => {
		const buckets = bucketsForBudget(10);
		expect(buckets.GetExecutionHistory).toEqual({burst: defaultBuckets.GetExecutionHistory.burst, perSecond: 10});
		expect(buckets.ListExecutions).toEqual(defaultBuckets.ListExecutions);
	});

	test('--budget reaches the session options; 0, negative and absurd values are one line', () => {
		expect(commandOptions({budget: '7.5'}, {}).session.budget).toBe(7.5);
		expect(commandOptions({}, {}).session.budget).toBeUndefined();
		for (const budget of ['0', '-1', '101', 'abc', '2.5x', '']) {
			// The refusal names what was typed (it said "NaN" for abc).
			expect(() => commandOptions({budget}, {})).toThrow(`--budget takes row reads per second, more than 0 and at most 100, not "${budget}"`);
		}
	});

	test('one reader up to 5 reads a second, more for a larger budget, at most 8', () => {
		expect([readWorkers(2.5), readWorkers(5), readWorkers(12), readWorkers(100)]).toEqual([1, 1, 3, 8]);
	});
});
