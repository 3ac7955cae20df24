import {describe, expect, test} from 'vitest';
import {nextDueAt, nextInterval, nextToRefresh, screenDueMs, type RefreshCandidate} from '../../../source/model/wall/refresh-order.js';

const row = (key: string, extra: Partial<RefreshCandidate> = {}): RefreshCandidate => ({key, listedAt: 0, intervalMs: 2000, onScreen: false, busy: false, ...extra});

/** Runs the order for `seconds` at `perSecond` reads, every read finding nothing new; returns each row's read times. */
function simulate(rows: RefreshCandidate[], perSecond: number, seconds: number): Map<string, number[]> {
	const reads = new Map(rows.map(candidate => [candidate.key, [] as number[]]));
	const due = screenDueMs(rows.filter(candidate => candidate.onScreen).length, perSecond);
	for (let now = 1000; now <= seconds * 1000; now += 1000 / perSecond) {
		const key = nextToRefresh(rows, now, 60_000, due);
		if (key) {
			const candidate = rows.find(each => each.key === key)!;
			candidate.readAt = now;
			candidate.intervalMs = nextInterval(candidate.intervalMs, false, 2000, 15_000);
			reads.get(key)!.push(now);
		}
	}

	return reads;
}

describe('which wall row is read next', () => {
	test('rows on screen are read before the rest, in screen order, and rows never read before rows read', () => {
		const rows = [row('off-a'), row('on-1', {onScreen: true}), row('on-2', {onScreen: true}), row('read-off', {readAt: -5000})];
		expect(nextToRefresh(rows, 1000, 60_000)).toBe('on-1');
		rows[1].busy = true;
		expect(nextToRefresh(rows, 1000, 60_000)).toBe('on-2');
		rows[2].busy = true;
		// Listed 1 s ago and never read (×8) beats an off-screen row read 6 s ago.
		expect(nextToRefresh(rows, 1000, 60_000)).toBe('off-a');
	});

	test('a row is not read again before its interval has passed; nothing due is undefined, with the time it falls due', () => {
		const rows = [row('a', {readAt: 1000, intervalMs: 4000}), row('b', {readAt: 2000, intervalMs: 2000})];
		expect(nextToRefresh(rows, 3500, 60_000)).toBeUndefined();
		expect(nextDueAt(rows)).toBe(4000);
		expect(nextToRefresh(rows, 4000, 60_000)).toBe('b');
	});

	test('a row that changed lately goes before an equally old quiet one', () => {
		const rows = [row('quiet', {readAt: 0}), row('busy', {readAt: 0, changedAt: 0})];
		expect(nextToRefresh(rows, 10_000, 60_000)).toBe('busy');
		expect(nextToRefresh(rows, 100_000, 60_000)).toBe('quiet');
	});

	test('500 rows within the default budget: every row on screen is refreshed within 30 s (about sixteen times as often as the rest), and no row starves', () => {
		const rows = Array.from({length: 500}, (_, index) => row(`r${index}`, {onScreen: index < 30, readAt: 0}));
		const reads = simulate(rows, 2.5, 1800);
		// The steady state, after the first full round.
		const gaps = (key: string) => {
			const times = reads.get(key)!.filter(time => time > 600_000);
			return Math.max(...times.slice(1).map((time, index) => time - times[index]));
		};

		const onScreenGap = Math.max(...rows.slice(0, 30).map(candidate => gaps(candidate.key)));
		const offScreenGap = Math.max(...rows.slice(30).map(candidate => gaps(candidate.key)));
		for (const candidate of rows) {
			expect(reads.get(candidate.key)!.length, candidate.key).toBeGreaterThan(1);
		}

		// 2.5 reads/s over 30 + 470/16 weighted rows: about 24 s on screen and 16× that off screen.
		expect(onScreenGap).toBeLessThan(30_000);
		expect(offScreenGap).toBeLessThan(16 * 30_000);
		expect(offScreenGap / onScreenGap).toBeGreaterThan(10);
	});

	test('500 rows, none read yet (the wall just opened): rows on screen are re-read within 30 s from the start, and the first round still ends', () => {
		const rows = Array.from({length: 500}, (_, index) => row(`r${index}`, {onScreen: index < 30}));
		const reads = simulate(rows, 2.5, 900);
		for (const candidate of rows.slice(0, 30)) {
			const times = reads.get(candidate.key)!;
			expect(times[0], candidate.key).toBeLessThan(13_000);
			const gaps = times.slice(1).map((time, index) => time - times[index]);
			expect(Math.max(...gaps), candidate.key).toBeLessThanOrEqual(30_000);
		}

		// 30 rows every 25 s take 1.2 of the 2.5 reads a second: the other 470 are all read once within about 470 / 1.3 s.
		const firstRound = Math.max(...rows.slice(30).map(candidate => reads.get(candidate.key)![0]));
		expect(firstRound).toBeLessThan(420_000);
	});

	test('the rows on screen are held to 25 s only while that takes at most 60 % of the budget', () => {
		expect(screenDueMs(30, 2.5)).toBe(25_000);
		expect(screenDueMs(37, 2.5)).toBe(25_000);
		expect(screenDueMs(38, 2.5)).toBeUndefined();
		expect(screenDueMs(100, 10)).toBe(25_000);
		expect(screenDueMs(0, 2.5)).toBeUndefined();
	});

	test('a quiet row backs off ×1.5 up to the idle ceiling; a change brings it back to one tick', () => {
		let interval = 2000;
		const seen = [];
		for (let read = 0; read < 8; read++) {
			interval = nextInterval(interval, false, 2000, 15_000);
			seen.push(interval);
		}

		expect(seen).toEqual([3000, 4500, 6750, 10_125, 15_000, 15_000, 15_000, 15_000]);
		expect(nextInterval(15_000, true, 2000, 15_000)).toBe(2000);
	});
});
