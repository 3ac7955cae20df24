import {describe, expect, test} from 'vitest';
import {sanitize} from '../../source/model/text/sanitize.js';

/** Anything a terminal would act on: ESC, C0 (but none here are allowed), DEL, C1, bidi controls, lone surrogates. */
const dangerous = /[\u{0}-\u{1F}\u{7F}-\u{9F}\u{61C}\u{200E}\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{D800}-\u{DFFF}]/u;

describe('sanitize', () => {
	test.each([
		['OSC 52 clipboard write', 'pwn\u001B]52;c;ZWNobyBoaQ==\u0007', 'pwn\\x1b]52;c;ZWNobyBoaQ==\\x07'],
		['OSC 0 title', '\u001B]0;owned\u001B\\', '\\x1b]0;owned\\x1b\\'],
		['OSC 2 title with BEL', '\u001B]2;title\u0007', '\\x1b]2;title\\x07'],
		['CSI cursor move and clear screen', 'a\u001B[2J\u001B[H\u001B[10;10Hb', 'a\\x1b[2J\\x1b[H\\x1b[10;10Hb'],
		['8-bit CSI', 'x\u009B31mred', 'x\\x9b31mred'],
		['8-bit OSC and ST', '\u009D0;t\u009C', '\\x9d0;t\\x9c'],
		['DCS', '\u001BPq#0;2;0;0;0\u001B\\', '\\x1bPq#0;2;0;0;0\\x1b\\'],
		['RTL override (Trojan Source)', 'admin\u202Etxt.exe', 'admin\\u202etxt.exe'],
		['bidi isolate', 'a\u2066b\u2069', 'a\\u2066b\\u2069'],
		['NUL', 'a\u0000b', 'a\\x00b'],
		['backspace overprint', 'safe\u0008\u0008\u0008\u0008evil', 'safe\\x08\\x08\\x08\\x08evil'],
		['carriage return overwrite', 'ok\rFAILED', 'ok\\rFAILED'],
		['DEL', 'a\u007Fb', 'a\\x7fb'],
		['lone surrogate (invalid UTF-8)', 'bad\uD800byte', 'bad\uFFFDbyte'],
	])('%s is shown escaped, never sent', (_name, input, expected) => {
		const output = sanitize(input);
		expect(output).toBe(expected);
		expect(output).not.toMatch(dangerous);
	});

	test('newlines are escaped unless the caller lays out lines', () => {
		expect(sanitize('a\nb')).toBe('a\\nb');
		expect(sanitize('a\nb', {keepNewlines: true})).toBe('a\nb');
		expect(sanitize('a\u001B[2J\nb', {keepNewlines: true})).toBe('a\\x1b[2J\nb');
	});

	test('tabs can be expanded to spaces', () => {
		expect(sanitize('a\tb', {tabWidth: 4})).toBe('a   b');
	});

	test('ordinary text, emoji and CJK pass unchanged', () => {
		const text = 'Order 12345 — charged €12.50 ✓ 注文 🎉';
		expect(sanitize(text)).toBe(text);
	});

	test('a 10,000-character line survives whole and clean', () => {
		const line = `${'x'.repeat(5000)}\u001B[31m${'y'.repeat(5000)}`;
		const output = sanitize(line);
		expect(output).toHaveLength(10_000 + '\\x1b[31m'.length);
		expect(output).not.toMatch(dangerous);
	});

	test('non-strings are shown as JSON, undefined as empty', () => {
		expect(sanitize({a: '\u001B'})).toBe('{"a":"\\\\u001b"}'.replace('\\\\u001b', '\\u001b'));
		expect(sanitize(undefined)).toBe('');
	});
});
