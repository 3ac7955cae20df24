import {describe, expect, test} from 'vitest';
import {commandOptions} from '../../source/commands/options.js';

const pipe = {isTTY: false};

describe('commandOptions: the shared flags, checked once, in the units the code uses', () => {
	test('--interval is seconds on the command line and milliseconds in the session', () => {
		expect(commandOptions({interval: '1'}, pipe, {}).session.intervalMs).toBe(1000);
		expect(commandOptions({interval: '0.5'}, pipe, {}).session.intervalMs).toBe(500);
		expect(commandOptions({interval: '.25'}, pipe, {}).session.intervalMs).toBe(250);
		expect(commandOptions({}, pipe, {}).session.intervalMs).toBe(1000);
	});

	test.each([['0'], ['-3'], ['NaN'], ['0.1'], ['abc'], [''], ['1e3'], ['0x10'], ['Infinity']])('--interval "%s" is refused with one line naming it', interval => {
		expect(() => commandOptions({interval}, pipe, {})).toThrow(`--interval takes seconds, at least 0.2, not "${interval}"`);
	});

	test('AWS flags pass through; --read-only defaults to off', () => {
		expect(commandOptions({profile: 'ops', region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:8083'}, pipe, {}).session).toEqual({profile: 'ops', region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:8083', readOnly: false, intervalMs: 1000});
		expect(commandOptions({readOnly: true}, pipe, {}).session.readOnly).toBe(true);
	});

	test('a full ARN among the command\'s words gives the region of last resort; names do not', () => {
		expect(commandOptions({}, pipe, {}, ['arn:aws:states:eu-north-1:123456789012:execution:M:e1']).session.arnRegion).toBe('eu-north-1');
		expect(commandOptions({}, pipe, {}, ['M/latest']).session.arnRegion).toBeUndefined();
	});

	test('--width 0 is unlimited; no --width is the terminal\'s width, or 100 in a pipe', () => {
		expect(commandOptions({width: '0'}, pipe, {}).display.width).toBe(Infinity);
		expect(commandOptions({width: '42.7'}, pipe, {}).display.width).toBe(42);
		expect(commandOptions({}, {isTTY: true, columns: 132}, {}).display.width).toBe(132);
		expect(commandOptions({}, pipe, {}).display.width).toBe(100);
	});

	test('line output (ls, tail) is cut at --width or the terminal\'s width, never in a pipe', () => {
		expect(commandOptions({}, pipe, {}).display.lineWidth).toBe(Infinity);
		expect(commandOptions({width: '60'}, pipe, {}).display.lineWidth).toBe(60);
		expect(commandOptions({}, {isTTY: true, columns: 132}, {}).display.lineWidth).toBe(132);
		expect(commandOptions({width: '0'}, {isTTY: true, columns: 132}, {}).display.lineWidth).toBe(Infinity);
	});

	test.each([['abc'], ['-5'], [''], ['NaN'], ['1e2'], ['Infinity']])('--width "%s" is refused with one line naming it', width => {
		expect(() => commandOptions({width}, pipe, {})).toThrow(`--width takes a number of columns (0 = unlimited), not "${width}"`);
	});

	test.each([['profile'], ['region']] as const)('--%s with no value is refused', name => {
		expect(() => commandOptions({[name]: ''}, pipe, {})).toThrow(`--${name} needs a value`);
		expect(() => commandOptions({endpointUrl: ' '}, pipe, {})).toThrow('--endpoint-url needs a value');
	});

	test('colour on a terminal that has colours; --no-color, a non-empty NO_COLOR, NODE_DISABLE_COLORS and TERM=dumb turn it off', () => {
		const terminal = {isTTY: true, columns: 80};
		const xterm = {TERM: 'xterm-256color'};
		expect(commandOptions({}, terminal, xterm).display.color).toBe(true);
		expect(commandOptions({color: false}, terminal, xterm).display.color).toBe(false);
		expect(commandOptions({}, terminal, {...xterm, NO_COLOR: '1'}).display.color).toBe(false);
		expect(commandOptions({}, terminal, {...xterm, NO_COLOR: ''}).display.color).toBe(true);
		expect(commandOptions({}, terminal, {...xterm, NODE_DISABLE_COLORS: '1'}).display.color).toBe(false);
		expect(commandOptions({}, terminal, {TERM: 'dumb'}).display.color).toBe(false);
		expect(commandOptions({}, terminal, {...xterm, FORCE_COLOR: '0'}).display.color).toBe(false);
	});

	test('no colour in a pipe or a file, unless FORCE_COLOR is set and not 0 (it beats NO_COLOR; --no-color beats it)', () => {
		expect(commandOptions({}, pipe, {TERM: 'xterm-256color'}).display.color).toBe(false);
		expect(commandOptions({}, pipe, {FORCE_COLOR: '1'}).display.color).toBe(true);
		expect(commandOptions({}, pipe, {FORCE_COLOR: ''}).display.color).toBe(true);
		expect(commandOptions({}, pipe, {FORCE_COLOR: '3'}).display.color).toBe(true);
		expect(commandOptions({}, pipe, {FORCE_COLOR: '0'}).display.color).toBe(false);
		expect(commandOptions({}, pipe, {FORCE_COLOR: 'false'}).display.color).toBe(false);
		expect(commandOptions({}, pipe, {FORCE_COLOR: '1', NO_COLOR: '1'}).display.color).toBe(true);
		expect(commandOptions({color: false}, pipe, {FORCE_COLOR: '1'}).display.color).toBe(false);
	});
});
