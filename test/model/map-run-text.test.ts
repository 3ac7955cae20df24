import {describe, expect, test} from 'vitest';
import {mapRunBadge, mapRunPanelLines, mapRunProgressText, progressBar, toleranceText} from '../../source/model/history/map-run-text.js';
import type {MapRunCounts, MapRunDescription} from '../../source/model/types.js';
import {mapRunArn, parentArn} from '../fixtures/aws/linked-executions.js';

const counts = (partial: Partial<MapRunCounts>): MapRunCounts => ({pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total: 0, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0, ...partial});

/** DescribeMapRun's shape (LocalStack test_sfn_api_map_run.snapshot.json: itemCounts/executionCounts with pending … resultsWritten, toleratedFailure*). */
const run = (items: Partial<MapRunCounts>, extra: Partial<MapRunDescription> = {}): MapRunDescription => ({
	arn: mapRunArn,
	executionArn: parentArn,
	status: 'RUNNING',
	maxConcurrency: 5,
	toleratedFailurePercentage: 10,
	toleratedFailureCount: 0,
	itemCounts: counts(items),
	executionCounts: counts(items),
	...extra,
});

describe('map run progress in words', () => {
	const running = run({total: 1000, succeeded: 812, failed: 2, timedOut: 1, running: 20, pending: 165});

	test('badge and progress line count failed and timed-out items together', () => {
		expect(mapRunBadge(running, false)).toBe('812/1000 ✗3 ▶20');
		expect(mapRunBadge(running, true)).toBe('812/1000 x3 >20');
		expect(mapRunProgressText(running)).toBe('812/1000 succeeded, 3 failed, 20 running, 165 pending, 0 aborted');
	});

	test('the bar fills with finished items', () => {
		expect(progressBar(running.itemCounts, 10, false)).toBe('████████░░');
		expect(progressBar(counts({}), 4, true)).toBe('....');
	});

	test('failures against the tolerance', () => {
		expect(toleranceText(running)).toBe('3 failed of 1000 (0.3 %), tolerated 10 %');
		expect(toleranceText(run({total: 4, failed: 1}, {toleratedFailurePercentage: 0, toleratedFailureCount: 2}))).toBe('1 failed of 4 (25 %), tolerated 2 items');
		expect(toleranceText(run({total: 4}, {toleratedFailurePercentage: 0}))).toBe('0 failed of 4 (0 %), no failure tolerated');
	});

	test('the panel: progress, item counts, failures, children', () => {
		const text = mapRunPanelLines(running, 60, false).map(line => line.map(segment => segment.text).join(''));
		expect(text[0]).toMatch(/^progress █{24}░{6} 815\/1000 finished$/);
		expect(text[1]).toBe('items    20 running   165 pending   812 succeeded   3 failed   0 aborted');
		expect(text[2]).toBe('failures 3 failed of 1000 (0.3 %), tolerated 10 %');
		expect(text[3]).toBe('children 1000 executions, at most 5 at once');
	});
});
