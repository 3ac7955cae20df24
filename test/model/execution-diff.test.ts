import {describe, expect, test} from 'vitest';
import {diffJson} from '../../source/model/diff/diff-json.js';
import {diffLines} from '../../source/model/diff/diff-lines.js';
import {diffExecutions, mergedPaths} from '../../source/model/diff/execution-diff.js';
import {jsonDiff} from '../../source/model/diff/json-diff.js';
import {StateRunLog} from '../../source/model/history/state-runs.js';
import {displayWidth} from '../../source/model/text/width.js';
import {lineToPlain} from '../../source/model/text/theme.js';
import type {HistoryEvent} from '../../source/model/types.js';
import {loadEvents} from '../helpers/histories.js';
import {events, iteration, named} from '../helpers/event-builder.js';

const log = (history: HistoryEvent[]) => new StateRunLog().add(history);
const plain = (lines: ReturnType<typeof diffLines>) => lines.map(line => lineToPlain(line));

describe('structural JSON diff', () => {
	test('lists the JSON paths that differ with both values, not a text diff', () => {
		const {changes} = jsonDiff(
			{order: {id: '12345', items: [{sku: 'A', qty: 1}, {sku: 'B', qty: 2}]}, 'odd key': 1, gone: true},
			{'odd key': 2, order: {items: [{sku: 'A', qty: 1}, {sku: 'B', qty: 3}, {sku: 'C', qty: 1}], id: '12345'}, added: null},
		);
		expect(changes).toEqual([
			{path: '$.order.items[1].qty', kind: 'changed', a: 2, b: 3},
			{path: '$.order.items[2]', kind: 'added', b: {sku: 'C', qty: 1}},
			{path: '$["odd key"]', kind: 'changed', a: 1, b: 2},
			{path: '$.gone', kind: 'removed', a: true},
			{path: '$.added', kind: 'added', b: null},
		]);
	});

	test('a value whose type changed is one change at its path; equal values none', () => {
		expect(jsonDiff({a: [1]}, {a: {0: 1}}).changes).toEqual([{path: '$.a', kind: 'changed', a: [1], b: {0: 1}}]);
		expect(jsonDiff({a: [1, {b: 'c'}]}, {a: [1, {b: 'c'}]}).changes).toEqual([]);
	});

	test('stops listing at the limit and counts the rest', () => {
		const result = jsonDiff(Array.from({length: 50}, (_, index) => index), Array.from({length: 50}, (_, index) => -index), 10);
		expect(result.changes).toHaveLength(10);
		expect(result.more).toBe(39); // Index 0 is equal (0 and -0 are the same JSON number).
	});
});

describe('execution diff', () => {
	test('a failed run against a good one: aligned by state, the states that differ marked, exit status "differ"', () => {
		const diff = diffExecutions(log(loadEvents('order-failed-at-charge.json')), log(loadEvents('order-success.json')));
		expect(diff.same).toBe(false);
		expect(diff.states.map(row => [row.path, row.a?.status ?? '-', row.b?.status ?? '-', row.differs])).toEqual([
			['ValidateOrder', 'SUCCEEDED', 'SUCCEEDED', false],
			['ReserveInventory', 'SUCCEEDED', 'SUCCEEDED', false],
			['ChargeCustomer', 'FAILED', 'SUCCEEDED', true],
			['ShipOrder', '-', 'SUCCEEDED', true],
		]);
		expect(diff.states[2].a!.error).toBe('PaymentDeclined');
		expect(diff.states[0].durationChangeMs).toBeTypeOf('number');
	});

	test('the same history against itself is the same, with no data differences', () => {
		const diff = diffExecutions(log(loadEvents('order-retry-then-success.json')), log(loadEvents('order-retry-then-success.json')));
		expect(diff.same).toBe(true);
		expect(diff.data).toEqual([]);
	});

	test('states whose input or output differ list the JSON paths with both values', () => {
		const run = (orderId: string, total: number) => events([
			[1, 0, 'ExecutionStarted', {input: `{"orderId": "${orderId}"}`}],
			[2, 1, 'PassStateEntered', named('Price', {input: `{"orderId": "${orderId}"}`})],
			[3, 2, 'PassStateExited', named('Price', {output: `{"orderId": "${orderId}", "total": ${total}, "currency": "EUR"}`})],
			[4, 3, 'ExecutionSucceeded', {output: '{}'}],
		]);
		const diff = diffExecutions(log(run('1', 10)), log(run('2', 25)));
		expect(diff.same).toBe(true);
		expect(diff.data).toEqual([
			{path: 'Price', field: 'input', changes: [{path: '$.orderId', kind: 'changed', a: '1', b: '2'}], more: 0},
			{path: 'Price', field: 'output', changes: [{path: '$.orderId', kind: 'changed', a: '1', b: '2'}, {path: '$.total', kind: 'changed', a: 10, b: 25}], more: 0},
		]);
		const text = plain(diffLines(diff, {labels: ['one', 'two'], width: 80, ascii: false}));
		expect(text).toContain('  $.total    10  → 25');
		expect(text.at(-1)).toBe('same states, same statuses; input or output differ in 1 state');
	});

	test('Map iterations are aligned by index', () => {
		const a = log(loadEvents('map-failed-iteration.json'));
		const diff = diffExecutions(a, a);
		expect(diff.states.map(row => row.path)).toEqual(['ProcessItems', 'ProcessItems[0]/ProcessItem', 'ProcessItems[1]/ProcessItem', 'ProcessItems[2]/ProcessItem']);
		expect(diff.states[2]).toMatchObject({depth: 1, iterationOf: 'ProcessItems'});
	});

	test('paths only B ran are placed after the path B ran before them', () => {
		const runs = (...paths: string[]) => paths.map((path, order) => ({path, order})) as unknown as Parameters<typeof mergedPaths>[0];
		expect(mergedPaths(runs('Start', 'Check', 'Done'), runs('Start', 'Retry', 'Fix', 'Check', 'Done', 'Notify'))).toEqual(['Start', 'Retry', 'Fix', 'Check', 'Done', 'Notify']);
		expect(mergedPaths(runs('B'), runs('A', 'B'))).toEqual(['A', 'B']);
	});

	test('the report fits 80 columns, sanitises names and errors, and folds long Maps to the rows that differ', () => {
		const many = (failAt: number) => {
			const specs: Array<Parameters<typeof events>[0][number]> = [[1, 0, 'ExecutionStarted'], [2, 1, 'MapStateEntered', named('Items\u001B]52;c;x\u0007')], [3, 2, 'MapStateStarted', {length: 30}]];
			let id = 4;
			for (let index = 0; index < 30; index++) {
				const start = id;
				specs.push(
					[start, 3, 'MapIterationStarted', iteration('Items\u001B]52;c;x\u0007', index)],
					[start + 1, start, 'PassStateEntered', named('Work')],
					index === failAt ? [start + 2, start + 1, 'EvaluationFailed', {state: 'Work', error: 'Bad\u001B[31m', cause: 'x'.repeat(300)}] : [start + 2, start + 1, 'PassStateExited', named('Work')],
					[start + 3, start + 2, index === failAt ? 'MapIterationFailed' : 'MapIterationSucceeded', iteration('Items\u001B]52;c;x\u0007', index)],
				);
				id += 4;
			}

			specs.push([id++, id - 2, 'MapStateSucceeded'], [id, id - 1, 'MapStateExited', named('Items\u001B]52;c;x\u0007')]);
			return log(events(specs));
		};

		const diff = diffExecutions(many(-1), many(7));
		const text = plain(diffLines(diff, {labels: ['the-good-one', 'bad'], width: 80, ascii: false}));
		expect(text.every(line => displayWidth(line) <= 80)).toBe(true);
		// Labels of different lengths: the two statuses still stand in one column.
		expect(text.slice(0, 2).map(line => line.slice(0, 28))).toEqual(['A  the-good-one  RUNNING   r', 'B  bad           RUNNING   r']);
		expect(text.join('\n')).not.toMatch(/\u001B/);
		expect(text.join('\n')).toContain('Items\\x1b]52;c;x\\x07');
		expect(text.some(line => line.startsWith('≠   [7] Work'))).toBe(true);
		expect(text.some(line => line.includes('29 of 30 rows in its iterations are the same'))).toBe(true);
		expect(text.filter(line => line.includes('] Work'))).toHaveLength(1);
		expect(text.join('\n')).toContain('B: Bad\\x1b[31m: xxx');
		expect(diffJson(diff, ['good', 'bad']).states).toHaveLength(31);
	});
});
