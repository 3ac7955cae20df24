import {describe, expect, test} from 'vitest';
import {displayWidth} from '../../source/model/text/width.js';
import {StateRunLog} from '../../source/model/history/state-runs.js';
import {lineToPlain} from '../../source/model/text/theme.js';
import {timelineLines} from '../../source/model/timeline/timeline-lines.js';
import {timelineRows} from '../../source/model/timeline/timeline-rows.js';
import type {HistoryEvent} from '../../source/model/types.js';
import {events, iteration, named, type EventSpec} from '../helpers/event-builder.js';
import {loadEvents} from '../helpers/histories.js';

const draw = (history: HistoryEvent[], options: {width?: number; ascii?: boolean; now?: number; lanesShown?: number} = {}) => {
	const log = new StateRunLog().add(history);
	return timelineLines(timelineRows(log, {lanesShown: options.lanesShown ?? 3}), log.execution, {width: options.width ?? 80, ascii: options.ascii ?? false, now: options.now ?? Date.now()}).map(line => lineToPlain(line));
};

const rowOf = (lines: string[], name: string) => lines.find(line => line.includes(` ${name} `))!;
const bar = (line: string) => line.slice(30, -10);

/**
 * A Map of `count` iterations running side by side, each one Pass state; iteration i takes
 * 100 + 10·i ms except `slowest`, which takes longest; `failAt` fails (a tolerated failure).
 */
function mapRun(count: number, options: {failAt?: number; slowest?: number} = {}): HistoryEvent[] {
	const specs: EventSpec[] = [[1, 0, 'ExecutionStarted', {}, 0], [2, 1, 'MapStateEntered', named('Items'), 0], [3, 2, 'MapStateStarted', {length: count}, 0]];
	let id = 4;
	const took = (index: number) => (index === options.slowest ? 100 + (count * 20) : 100 + (index * 10));
	let lastEnd = {id: 3, at: 0};
	for (let index = 0; index < count; index++) {
		const end = took(index);
		specs.push(
			[id, 3, 'MapIterationStarted', iteration('Items', index), 0],
			[id + 1, id, 'PassStateEntered', named('Work'), 0],
			index === options.failAt ? [id + 2, id + 1, 'EvaluationFailed', {state: 'Work', error: 'Bad'}, end] : [id + 2, id + 1, 'PassStateExited', named('Work'), end],
			[id + 3, id + 2, index === options.failAt ? 'MapIterationFailed' : 'MapIterationSucceeded', iteration('Items', index), end],
		);
		if (end > lastEnd.at) {
			lastEnd = {id: id + 3, at: end};
		}

		id += 4;
	}

	specs.push([id, lastEnd.id, 'MapStateSucceeded', {}, lastEnd.at], [id + 1, lastEnd.id, 'MapStateExited', named('Items'), lastEnd.at], [id + 2, id + 1, 'ExecutionSucceeded', {}, lastEnd.at]);
	return events(specs).toSorted((a, b) => a.timestamp! - b.timestamp! || a.id - b.id);
}

/** The label column of each row (the header says how wide it is). */
const labelsOf = (lines: string[]) => {
	const width = lines[0].indexOf('  0') - 4;
	return lines.slice(1).map(line => line.slice(4, 4 + width).trimEnd());
};

describe('timeline', () => {
	test('one row per state in start order, bars scaled to the execution, durations at the right', () => {
		const lines = draw(loadEvents('order-success.json'));
		expect(lines[0]).toMatch(/^ {4}STATE +0 .* DURATION$/);
		expect(lines.slice(1).map(line => line.slice(4, 22).trim())).toEqual(['ValidateOrder', 'ReserveInventory', 'ChargeCustomer', 'ShipOrder']);
		// Each state starts where the one before it ended: the bars move right.
		const starts = lines.slice(1).map(line => bar(line).search(/\S/));
		expect(starts).toEqual(starts.toSorted((a, b) => a - b));
		expect(new Set(starts).size).toBe(4);
		expect(lines.every(line => displayWidth(line) <= 80)).toBe(true);
	});

	test('retries are separate segments: failed attempts, the backoff waiting, then the attempt that worked', () => {
		const row = rowOf(draw(loadEvents('order-retry-then-success.json')), 'ReserveInventory');
		expect(bar(row).trim()).toMatch(/^▓+░+▓+░+█+$/);
		const ascii = rowOf(draw(loadEvents('order-retry-then-success.json'), {ascii: true}), 'ReserveInventory');
		expect(bar(ascii).trim()).toMatch(/^x+\.+x+\.+#+$/);
	});

	test('a Wait state is drawn as waiting, not running', () => {
		const lines = draw(events([
			[1, 0, 'ExecutionStarted', {}, 0],
			[2, 1, 'WaitStateEntered', named('Pause'), 0],
			[3, 2, 'WaitStateExited', named('Pause'), 1000],
			[4, 3, 'ExecutionSucceeded', {}, 1000],
		]));
		expect(bar(rowOf(lines, 'Pause')).trim()).toMatch(/^░+$/);
	});

	test('ASCII only with --ascii, and within 80 and 40 columns', () => {
		for (const width of [80, 40]) {
			const lines = draw(loadEvents('map-failed-iteration.json'), {width, ascii: true});
			expect(lines.every(line => displayWidth(line) <= width)).toBe(true);
			expect(lines.join('\n')).toMatch(/^[\n\u0020-\u007E]*$/);
		}
	});

	test('Map iterations are indented lanes, folded beyond a few with a count; the critical path is marked', () => {
		const lines = draw(mapRun(20, {failAt: 12, slowest: 7}), {lanesShown: 3});
		// Shown: the slowest iteration (the critical path), the failed one, then the first; in index order.
		expect(labelsOf(lines)).toEqual(['Items', '  #0', '    Work', '  #7', '    Work', '  #12', '    Work', '  +17 iterations']);
		expect(lines.at(-1)).toMatch(/ 17✓ *$/);
		expect(lines.filter(line => line.startsWith('*')).map(line => line.slice(4).trim().split(/ {2,}/, 1)[0])).toEqual(['Items', '#7', 'Work']);
		expect(rowOf(lines, '#12')).toMatch(/^ ✗/);
	});

	test('live: a running state\'s bar grows with the clock', () => {
		const running = loadEvents('order-success.json').slice(0, 9);
		const start = running[0].timestamp!;
		const at = (seconds: number) => bar(rowOf(draw(running, {now: start + (seconds * 1000)}), 'ReserveInventory'));
		const early = at(1);
		const late = at(3);
		expect(late.trim().length).toBeGreaterThan(0);
		// The running bar reaches the right edge (now) on each frame, and the finished state before it shrinks as the span grows.
		expect(early.trimEnd().length).toBe(late.trimEnd().length);
		expect(bar(rowOf(draw(running, {now: start + 3000}), 'ValidateOrder')).trim().length).toBeLessThan(bar(rowOf(draw(running, {now: start + 1000}), 'ValidateOrder')).trim().length);
		expect(at(3).trim().length).toBeGreaterThan(at(1).trim().length);
	});

	test('only the rows in view are drawn', () => {
		const log = new StateRunLog().add(mapRun(50));
		const rows = timelineRows(log, {lanesShown: 100});
		const lines = timelineLines(rows, log.execution, {width: 80, ascii: false, now: 0, offset: 10, height: 5}).map(line => lineToPlain(line));
		expect(lines).toHaveLength(6);
		expect(labelsOf(lines)).toEqual(['    Work', '  #5', '    Work', '  #6', '    Work']);
	});
});
