import {describe, expect, test} from 'vitest';
import {rowProgress} from '../../../source/model/wall/row-progress.js';
import {wallSummary, wallSummaryText} from '../../../source/model/wall/wall-summary.js';
import type {RunningRow, SinceOpened} from '../../../source/model/wall/wall-types.js';
import {createSnapshot, foldEvents} from '../../../source/model/history/history-fold.js';
import {loadEvents} from '../../helpers/histories.js';

const row = (name: string, extra: Partial<RunningRow> = {}): RunningRow => ({arn: name, name, machineArn: 'm', readAt: 1, ...extra});
const since: SinceOpened = {openedAt: Date.UTC(2026, 0, 1, 14, 2, 10), started: 12, succeeded: 8, failed: 1, timedOut: 0, aborted: 0};

describe('the summary line above the wall', () => {
	test('counts executions per current state, most first; rows not read yet are counted apart', () => {
		const rows = [
			...Array.from({length: 3}, (_, index) => row(`w1-${index}`, {currentState: 'W1'})),
			...Array.from({length: 5}, (_, index) => row(`w2-${index}`, {currentState: 'W2'})),
			row('new', {readAt: undefined}),
		];
		const text = wallSummaryText(wallSummary(rows), since, 0);
		expect(text.states).toBe('W2 5 · W1 3 · not read yet 1');
		expect(text.map).toBe('');
		expect(text.since).toBe('since 14:02:10: started 12 · succeeded 8 · failed 1');
	});

	test('adds up Map iterations done (succeeded or failed) of all iterations; shows timed out, aborted and ending only when there are some', () => {
		const rows = [
			row('a', {currentState: 'Each', mapProgress: {total: 10, succeeded: 6, failed: 1, running: 3}}),
			row('b', {currentState: 'Each', mapProgress: {total: 4, succeeded: 4, failed: 0, running: 0}}),
			row('c', {currentState: 'Wait'}),
		];
		const text = wallSummaryText(wallSummary(rows), {...since, timedOut: 2, aborted: 1}, 3);
		expect(text.map).toBe('Map 11/14 done');
		expect(text.since).toBe('since 14:02:10: started 12 · succeeded 8 · failed 1 · timed out 2 · aborted 1 · ending 3');
	});

	test('state names are remote text: control characters never reach the terminal', () => {
		const text = wallSummaryText(wallSummary([row('x', {currentState: 'Evil\u001B[31m'})]), since, 0);
		expect(text.states).not.toContain('\u001B');
	});

	test('a row shows the top-level state it is in (the Map, not the state inside its iterations) and the running Map\'s counts', () => {
		// ProcessItems (a Map of 3) with ProcessItem running inside it: after the first iteration, then after the second failed.
		const events = loadEvents('map-failed-iteration.json');
		expect(rowProgress(foldEvents(createSnapshot(), events.slice(0, 12)))).toEqual({currentState: 'ProcessItems', mapProgress: {total: 3, succeeded: 1, failed: 0, running: 1}});
		expect(rowProgress(foldEvents(createSnapshot(), events.slice(0, 18)))).toEqual({currentState: 'ProcessItems', mapProgress: {total: 3, succeeded: 1, failed: 1, running: 1}});
		expect(rowProgress(createSnapshot())).toEqual({});
	});
});
