import {describe, expect, test} from 'vitest';
import {filterRunning, nextSortKey, sortRunning} from '../../../source/model/wall/running-order.js';
import type {RunningRow} from '../../../source/model/wall/wall-types.js';

const rows: RunningRow[] = [
	{arn: 'a', name: 'charlie', machineArn: 'm', startDate: 3000, currentState: 'Wait', readAt: 1},
	{arn: 'b', name: 'alpha', machineArn: 'm', startDate: 2000},
	{arn: 'c', name: 'bravo', machineArn: 'm', startDate: 1000, currentState: 'Charge', readAt: 1},
	{arn: 'd', name: 'delta', machineArn: 'm', startDate: 500, currentState: 'Wait', readAt: 1},
];
const names = (list: readonly RunningRow[]) => list.map(row => row.name);

describe('the running wall\'s order and filter', () => {
	test('elapsed puts the longest running first; name sorts A to Z; state groups by current state, unread last', () => {
		expect(names(sortRunning(rows, 'elapsed'))).toEqual(['delta', 'bravo', 'alpha', 'charlie']);
		expect(names(sortRunning(rows, 'name'))).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
		expect(names(sortRunning(rows, 'state'))).toEqual(['bravo', 'delta', 'charlie', 'alpha']);
	});

	test('`o` cycles elapsed → name → state → elapsed', () => {
		expect([nextSortKey('elapsed'), nextSortKey('name'), nextSortKey('state')]).toEqual(['name', 'state', 'elapsed']);
	});

	test('`/` matches the name or the current state, ignoring case', () => {
		expect(names(filterRunning(rows, 'WAIT'))).toEqual(['charlie', 'delta']);
		expect(names(filterRunning(rows, 'alp'))).toEqual(['alpha']);
		expect(filterRunning(rows, '')).toBe(rows);
	});
});
