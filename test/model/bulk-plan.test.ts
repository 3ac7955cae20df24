import {describe, expect, test} from 'vitest';
import {bulkPreviewLines, bulkSummary} from '../../source/model/bulk/bulk-lines.js';
import {groupRerunPoints, planBulk} from '../../source/model/bulk/bulk-plan.js';
import {stoppedIn} from '../../source/model/history/stopped-in.js';
import {parseDuration} from '../../source/model/text/duration.js';
import {lineToPlain} from '../../source/model/text/theme.js';
import type {ExecutionSummary} from '../../source/model/types.js';
import {loadEvents, loadGraph} from '../helpers/histories.js';

const now = Date.UTC(2026, 5, 1);
const day = 24 * 3600 * 1000;
const machineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders';
const execution = (name: string, extra: Partial<ExecutionSummary> = {}): ExecutionSummary => ({arn: `arn:aws:states:us-east-1:123456789012:execution:Orders:${name}`, name, machineArn, status: 'FAILED', stopDate: now - day, redriveCount: 0, ...extra});

describe('bulk plan', () => {
	test('redrive: only what AWS would redrive; the rest with the reason (too old, Express, the limit)', () => {
		const plan = planBulk('redrive', [
			execution('ok'),
			execution('old', {stopDate: now - (15 * day)}),
			execution('tired', {redriveCount: 1000}),
			execution('live', {status: 'RUNNING'}),
			{...execution('fast'), arn: 'arn:aws:states:us-east-1:123456789012:express:Orders:fast:1'},
		], {now});
		expect(plan.actionable.map(item => item.name)).toEqual(['ok']);
		expect(plan.skipped.map(item => [item.execution.name, item.reason])).toEqual([['old', 'too-old'], ['tired', 'redrive-limit'], ['live', 'not-redrivable-status'], ['fast', 'express']]);
		const lines = bulkPreviewLines({...plan, ...groupRerunPoints(['ChargeCustomer'])}).map(line => lineToPlain(line));
		expect(lines).toEqual([
			'  1 of 5 executions can be redriven',
			'  1 cannot: stopped more than 14 days ago (too old to redrive)',
			'  1 cannot: redriven 1000 times already (the limit)',
			'  1 cannot: not FAILED, ABORTED or TIMED_OUT',
			'  1 cannot: Express (AWS cannot stop or redrive those)',
			'  a redrive reruns from the state each one stopped in:',
			'    1  ChargeCustomer',
		]);
	});

	test('stop: running Standard executions; an Express machine\'s none', () => {
		expect(planBulk('stop', [execution('a', {status: 'RUNNING'}), execution('b', {status: 'SUCCEEDED'})], {now}).skipped.map(item => item.reason)).toEqual(['not-running']);
		expect(planBulk('stop', [execution('a', {status: 'RUNNING'})], {now, express: true}).actionable).toEqual([]);
	});

	test('rerun points group by count, most first; unknown ones are counted apart', () => {
		expect(groupRerunPoints(['B', 'A', 'B', undefined, 'C', 'A', 'B'])).toEqual({rerunFrom: [{state: 'B', count: 3}, {state: 'A', count: 2}, {state: 'C', count: 1}], rerunUnknown: 1});
	});

	test('the summary line: acted, skipped, failed, and the first failure', () => {
		expect(bulkSummary({action: 'stop', acted: 3, skipped: 1, failed: [{arn: 'x', message: 'gone\u001B[2J'}]})).toBe('stopped 3, skipped 1, failed 1 (first: gone\\x1b[2J)');
	});
});

describe('where an execution stopped, from the newest events', () => {
	test('a failed task: the chain of causes from ExecutionFailed reaches its state', () => {
		expect(stoppedIn(loadEvents('order-failed-at-charge.json').toReversed().slice(0, 6))).toBe('ChargeCustomer');
	});

	test('a state inside a Map counts as the Map, which a redrive reruns', () => {
		const events = loadEvents('map-failed-iteration.json').toReversed();
		expect(stoppedIn(events.slice(0, 5), loadGraph('map-definition.json'))).toBe('ProcessItems');
	});

	test('an aborted execution stopped where it was', () => {
		expect(stoppedIn(loadEvents('order-aborted.json').toReversed().slice(0, 10))).toBe('ReserveInventory');
	});
});

test('durations: 90s, 15m, 1h30m, 3d, 1w; anything else is one usage line', () => {
	expect([parseDuration('90s', '--since'), parseDuration('15m', '--since'), parseDuration('1h30m', '--since'), parseDuration('3d', '--since'), parseDuration('1w', '--since')]).toEqual([90_000, 900_000, 5_400_000, 259_200_000, 604_800_000]);
	for (const bad of ['', '5', 'h', '1x', '1h 30m', '-1h', '1constructor', 'm1']) {
		expect(() => parseDuration(bad, '--since')).toThrow(/^--since takes a duration such as 30m, 2h, 1h30m or 3d/);
	}
});
