// For terminal-guard.e2e.test.ts: takes the terminal over the way the dashboard
// does (alternate screen, hidden cursor, raw mode), then dies of an uncaught error.
import process from 'node:process';
import {guardTerminal} from '../../dist/ui/terminal.js';

guardTerminal({
	stdout: process.stdout,
	stdin: process.stdin,
	onEnd(code) {
		// Exits as the dashboard's crash path does, with the code the guard chose.
		// eslint-disable-next-line unicorn/no-process-exit
		process.exit(code);
	},
});
process.stdin.setRawMode(true);
process.stdout.write('\u001B[?1049h\u001B[?25lcrashing soon\n');
setTimeout(() => {
	throw new Error('boom');
}, 200);
