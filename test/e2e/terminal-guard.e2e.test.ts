import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, expect, test} from 'vitest';
import {startTerminal, type TerminalSession} from './terminal.js';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.js');
let terminal: TerminalSession | undefined;
afterEach(async () => {
	await terminal?.close();
});

test('an uncaught error restores the terminal: alternate screen left, cursor shown', async () => {
	terminal = startTerminal({args: [], script, columns: 80, rows: 24});
	await terminal.waitForScreen(screen => screen.includes('crashing soon'), 10_000, 'the child in the alternate screen');
	expect(terminal.term.buffer.active.type).toBe('alternate');
	const {exitCode} = await terminal.exited;
	expect(exitCode).toBe(70);
	await terminal.waitForScreen(() => true);
	expect(terminal.term.buffer.active.type).toBe('normal');
	expect(terminal.cursorHidden()).toBe(false);
}, 20_000);
