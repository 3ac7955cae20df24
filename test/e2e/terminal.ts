// A real terminal for end-to-end tests: the built CLI runs in a pseudo-terminal
// (node-pty) and its output is fed into a headless xterm, so tests read what a
// user would see. Tests wait for screen conditions, never a fixed time.
import {Buffer} from 'node:buffer';
import process from 'node:process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import pty from 'node-pty';
import xterm from '@xterm/headless';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = path.join(repoRoot, 'bin', 'sfntop.cjs');

export type TerminalSession = {
	readonly term: xterm.Terminal;
	/** The visible screen as text, one line per row (trailing spaces trimmed). */
	screen(): string;
	/** Resolves once `predicate(screen)` holds; rejects with the last screen after `timeoutMs`. */
	waitForScreen(predicate: (screen: string) => boolean, timeoutMs?: number, what?: string): Promise<string>;
	/** Resolves once no byte has arrived for `quietMs` (bounded by timeoutMs). */
	waitForQuiet(quietMs: number, timeoutMs?: number): Promise<void>;
	type(text: string): void;
	resize(columns: number, rows: number): void;
	/** Bytes the program has written to the terminal so far. */
	bytes(): number;
	/** Everything written, raw. */
	output(): string;
	cursorHidden(): boolean;
	exited: Promise<{exitCode: number; signal?: number}>;
	kill(signal?: string): void;
	close(): Promise<void>;
};

export const keys = {up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', enter: '\r', escape: '\u001B', tab: '\t', ctrlC: '\u0003'};

export function startTerminal(options: {args: string[]; columns?: number; rows?: number; env?: Record<string, string | undefined>; /** Run this Node script instead of the CLI. */ script?: string}): TerminalSession {
	const columns = options.columns ?? 100;
	const rows = options.rows ?? 30;
	const environment: Record<string, string> = {};
	// CI=true makes Ink draw nothing until exit; colour variables only when the test sets them.
	for (const [key, value] of Object.entries({...process.env, TERM: 'xterm-256color', COLORTERM: undefined, AWS_REGION: undefined, CI: undefined, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env})) {
		if (value !== undefined) {
			environment[key] = value;
		}
	}

	const term = new xterm.Terminal({cols: columns, rows, allowProposedApi: true, scrollback: 0});
	const child = pty.spawn(process.execPath, [options.script ?? cliPath, ...options.args], {name: environment.TERM, cols: columns, rows, cwd: repoRoot, env: environment});
	let raw = '';
	let byteCount = 0;
	let lastDataAt = Date.now();
	let pending = Promise.resolve();
	child.onData(data => {
		raw += data;
		byteCount += Buffer.byteLength(data);
		lastDataAt = Date.now();
		pending = new Promise(resolve => {
			term.write(data, resolve);
		});
	});
	const exited = new Promise<{exitCode: number; signal?: number}>(resolve => {
		child.onExit(resolve);
	});
	let done = false;
	void exited.then(() => {
		done = true;
	});

	const screen = () => {
		const buffer = term.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < term.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	};

	const sleep = async (ms: number) => new Promise(resolve => {
		setTimeout(resolve, ms);
	});

	return {
		term,
		screen,
		async waitForScreen(predicate, timeoutMs = 10_000, what = 'the expected screen') {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				await pending;
				const text = screen();
				if (predicate(text)) {
					return text;
				}

				if (Date.now() > deadline) {
					throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen was:\n${text}`);
				}

				await sleep(25);
			}
		},
		async waitForQuiet(quietMs, timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() - lastDataAt < quietMs) {
				if (Date.now() > deadline) {
					throw new Error(`the program never stopped writing for ${quietMs} ms`);
				}

				await sleep(25);
			}

			await pending;
		},
		type(text) {
			child.write(text);
		},
		resize(newColumns, newRows) {
			child.resize(newColumns, newRows);
			term.resize(newColumns, newRows);
		},
		bytes: () => byteCount,
		output: () => raw,
		cursorHidden() {
			const hide = raw.lastIndexOf('\u001B[?25l');
			const show = raw.lastIndexOf('\u001B[?25h');
			return hide > show;
		},
		exited,
		kill(signal = 'SIGTERM') {
			if (!done) {
				child.kill(signal);
			}
		},
		async close() {
			if (!done) {
				child.kill('SIGKILL');
				await Promise.race([exited, sleep(2000)]);
			}

			term.dispose();
		},
	};
}
