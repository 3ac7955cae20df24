import {describe, expect, test} from 'vitest';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import {layoutGraph} from '../../source/model/graph/graph-layout.js';
import {renderGraph} from '../../source/model/graph/graph-render.js';
import {eventLine, logLine} from '../../source/model/history/event-line.js';
import {lineToPlain} from '../../source/model/text/theme.js';
import {clipLine, cutToWidth, displayWidth, fitToWidth, padToWidth, truncateToWidth} from '../../source/model/text/width.js';
import type {HistoryEvent} from '../../source/model/types.js';
import {eventText} from '../../source/ui/event-table.js';

/** State names a real account can have: CJK, emoji, combining marks, a ZWJ family, a flag, a skin tone. */
const hostileNames = [
	'ValidateOrder',
	'注文を検証する',
	'🚀 Launch',
	'Cafe\u0301 Ame\u0301lie', // Combining acute accents: 11 cells, 13 code points
	'👩‍👩‍👧‍👦 family of four, long enough to be cut',
	'Ship 🇯🇵 👍🏽',
	'長い名前の状態は二十八列で切られるべきです長い名前',
	`${'a'.repeat(25)}👩‍👩‍👧‍👦xx`, // At 28 columns the cut falls inside the ZWJ sequence
];

/** Every start of `text` that ends between two graphemes. */
function wholeGraphemePrefixes(text: string): string[] {
	const prefixes = [''];
	for (const {segment} of new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text)) {
		prefixes.push(prefixes.at(-1)! + segment);
	}

	return prefixes;
}

const event = (id: number, type: string): HistoryEvent => ({id, type, timestamp: Date.UTC(2026, 0, 1, 12, 0, 0, id), details: {}});

/** The display column where `needle` starts in a plain line. */
const columnOf = (line: string, needle: string) => displayWidth(line.slice(0, line.indexOf(needle)));

describe('text width (model/text/width)', () => {
	test('measures cells, not code points', () => {
		expect(displayWidth('注文')).toBe(4);
		expect(displayWidth('Cafe\u0301')).toBe(4);
		expect(displayWidth('👩‍👩‍👧‍👦')).toBe(2);
		expect(displayWidth('🇯🇵')).toBe(2);
	});

	test('cuts between graphemes: no half of a wide character, no joiner or skin tone left behind', () => {
		expect(cutToWidth('注文を', 3)).toBe('注');
		expect(cutToWidth('ab👩‍👩‍👧‍👦cd', 3)).toBe('ab');
		expect(cutToWidth('ab👩‍👩‍👧‍👦cd', 4)).toBe('ab👩‍👩‍👧‍👦');
		expect(cutToWidth('👍🏽x', 2)).toBe('👍🏽');
		expect(cutToWidth('Cafe\u0301s', 4)).toBe('Cafe\u0301');
		for (const name of hostileNames) {
			for (let width = 0; width <= displayWidth(name) + 1; width++) {
				const cut = truncateToWidth(name, width);
				expect(displayWidth(cut), `${name} at ${width}`).toBeLessThanOrEqual(width);
				expect(wholeGraphemePrefixes(name), `${name} at ${width}`).toContain(cut.replace(/…$/, ''));
				expect(displayWidth(fitToWidth(name, width))).toBe(width);
			}
		}
	});

	test('an ellipsis only when something was cut, and never wider than asked', () => {
		expect(truncateToWidth('abc', 3)).toBe('abc');
		expect(truncateToWidth('abcd', 3)).toBe('ab…');
		expect(truncateToWidth('abcd', 0)).toBe('');
		expect(truncateToWidth('注文を検証', 4)).toBe('注…');
		expect(truncateToWidth('abcd', 3, '~')).toBe('ab~');
		expect(padToWidth('注文', 6)).toBe('注文  ');
	});

	test('clipLine keeps segments whole until one does not fit', () => {
		const line = [{text: 'STATE '}, {text: '注文を検証', role: 'error' as const}];
		expect(clipLine(line, 10)).toEqual([{text: 'STATE '}, {text: '注…', role: 'error'}]);
		expect(clipLine(line, 100)).toEqual(line);
	});
});

describe('columns stay put whatever the state names', () => {
	test('sfntop tail: the event type starts in the same column on every line', () => {
		const lines = hostileNames.map((name, index) => lineToPlain(eventLine(event(index + 1, 'TaskStateEntered'), name)));
		const columns = lines.map(line => columnOf(line, 'TaskStateEntered'));
		expect(new Set(columns), lines.join('\n')).toEqual(new Set([columns[0]]));
		for (const line of lines) {
			expect(line).not.toContain('\u{200D}…');
		}
	});

	test('sfntop tail --logs: the log bar starts in the same column on every line', () => {
		const lines = hostileNames.map(name => lineToPlain(logLine(0, name, 'hello')));
		const columns = lines.map(line => columnOf(line, '│'));
		expect(new Set(columns), lines.join('\n')).toEqual(new Set([columns[0]]));
	});

	test('the dashboard\'s event history: the event type starts in the same column on every line', () => {
		const lines = hostileNames.map((name, index) => eventText(event(index + 1, 'TaskStateEntered'), name));
		const columns = lines.map(line => columnOf(line, 'TaskStateEntered'));
		expect(new Set(columns), lines.join('\n')).toEqual(new Set([columns[0]]));
	});
});

test('graph: a box\'s right border lines up with its corners whatever the name', () => {
	const names = hostileNames.slice(0, 6);
	const states = Object.fromEntries(names.map((name, index) => [name, {Type: 'Pass', ...(index === names.length - 1 ? {End: true} : {Next: names[index + 1]})}]));
	const layout = layoutGraph(buildMachineGraph({StartAt: names[0], States: states}), {maxWidth: 100, ascii: false});
	const lines = renderGraph(layout).map(line => lineToPlain(line));
	let checked = 0;
	for (const [index, line] of lines.entries()) {
		if (line.includes('╮')) {
			const corner = columnOf(lines[index], '╮');
			const nameRow = lines[index + 1];
			expect(displayWidth(nameRow.trimEnd()) - 1, lines.slice(index, index + 3).join('\n')).toBe(corner);
			checked++;
		}
	}

	expect(checked).toBe(names.length);
	expect(lines.join('\n')).toContain('👩‍👩‍👧‍👦');
});
