// The dashboard in a real pseudo-terminal, on the embedded endpoint with its
// demo (`sfntop --local`): what a user sees and does. Build first (npm run build).
import {afterEach, describe, expect, test} from 'vitest';
import {keys, startTerminal, type TerminalSession} from './terminal.js';

let open: TerminalSession[] = [];
afterEach(async () => {
	await Promise.all(open.map(async terminal => terminal.close()));
	open = [];
});

function launch(args: string[], columns = 120, rows = 34) {
	const terminal = startTerminal({args, columns, rows});
	open.push(terminal);
	return terminal;
}

const detailsOf = (state: string, status: string) => (screen: string) => new RegExp(`${state}\\s+Task\\s+\\S ${status}`).test(screen);

async function startExecution(terminal: TerminalSession, input: string) {
	terminal.type('s');
	await terminal.waitForScreen(screen => screen.includes('input JSON'), 5000, 'the start prompt');
	terminal.type(input);
	await terminal.waitForScreen(screen => screen.includes(input.slice(-12)), 5000, 'the typed input');
	terminal.type(keys.enter);
	await terminal.waitForScreen(screen => /started \S+-/.test(screen) && !screen.includes('input JSON'), 10_000, 'the new execution');
}

describe('sfntop --local in a real terminal', () => {
	test('follow, inspect logs, fail, redrive, stop, quit: the terminal is restored', async () => {
		const terminal = launch(['--local']);
		await terminal.waitForScreen(screen => screen.includes('Graph') && screen.includes('OrderProcessingStateMachine /'), 15_000, 'the graph');
		expect(terminal.term.buffer.active.type).toBe('alternate');

		// A slow execution: the active state visibly moves from one state to the next.
		await startExecution(terminal, '{"orderId":"e2e-1","delayMs":2500}');
		await terminal.waitForScreen(detailsOf('ValidateOrder', 'RUNNING'), 10_000, 'ValidateOrder running');
		await terminal.waitForScreen(detailsOf('ReserveInventory', 'RUNNING'), 10_000, 'the active state moving to ReserveInventory');

		// Select the state before it and read what it logged.
		terminal.type(keys.up);
		await terminal.waitForScreen(screen => detailsOf('ValidateOrder', 'SUCCEEDED')(screen) && screen.includes('processing order e2e-1'), 10_000, 'ValidateOrder\'s log lines');

		// Fail at ChargeCustomer, then redrive to success. Esc goes back to where we started it from first.
		terminal.type(keys.escape);
		await terminal.waitForScreen(screen => !screen.includes('e2e-1'), 5000, 'the execution we were on');
		terminal.type(keys.escape);
		await terminal.waitForScreen(screen => screen.includes('Executions'), 5000, 'the executions list');
		await startExecution(terminal, '{"orderId":"e2e-2","failAt":"charge-customer"}');
		await terminal.waitForScreen(screen => detailsOf('ChargeCustomer', 'FAILED')(screen) && screen.includes('PaymentDeclined') && screen.includes('● FAILED'), 15_000, 'the failure at ChargeCustomer');
		terminal.type('R');
		await terminal.waitForScreen(screen => screen.includes('reruns:'), 10_000, 'the redrive preview');
		terminal.type('y');
		await terminal.waitForScreen(screen => screen.includes('● SUCCEEDED') && screen.includes('redrives 1'), 20_000, 'the redriven execution succeeding');

		// Stop a running one.
		terminal.type(keys.escape);
		await terminal.waitForScreen(screen => screen.includes('Executions'), 5000, 'the executions list');
		await startExecution(terminal, '{"orderId":"e2e-3","delayMs":30000}');
		await terminal.waitForScreen(screen => screen.includes('● RUNNING'), 10_000, 'the slow execution running');
		terminal.type('x');
		await terminal.waitForScreen(screen => screen.includes('error (optional)'), 5000, 'the stop prompt');
		terminal.type(keys.enter);
		await terminal.waitForScreen(screen => screen.includes('● ABORTED'), 15_000, 'the execution aborted');

		terminal.type('q');
		const {exitCode} = await terminal.exited;
		expect(exitCode).toBe(0);
		await terminal.waitForScreen(() => true);
		expect(terminal.term.buffer.active.type).toBe('normal');
		expect(terminal.cursorHidden()).toBe(false);
	}, 120_000);

	test.each([['SIGTERM'], ['SIGHUP']])('%s restores the terminal', async signal => {
		const terminal = launch(['--local'], 80, 24);
		await terminal.waitForScreen(screen => screen.includes('Graph'), 15_000, 'the graph');
		terminal.kill(signal);
		await terminal.exited;
		await terminal.waitForScreen(() => true);
		expect(terminal.term.buffer.active.type).toBe('normal');
		expect(terminal.cursorHidden()).toBe(false);
	}, 30_000);

	test('a resize lays the screen out again: panels stack and the graph turns compact at 80 columns, and back', async () => {
		const terminal = launch(['--local'], 130, 36);
		await terminal.waitForScreen(screen => screen.includes('Graph') && screen.includes('Event history') && !screen.includes('Graph (compact)'), 15_000, 'the wide layout');
		terminal.resize(80, 24);
		const narrow = await terminal.waitForScreen(screen => screen.includes('Graph (compact)'), 10_000, 'the narrow layout');
		expect(narrow.split('\n', 1)[0]).toContain('OrderProcessingStateMachine');
		terminal.resize(130, 36);
		await terminal.waitForScreen(screen => !screen.includes('Graph (compact)') && screen.includes('Event history'), 10_000, 'the wide layout again');
	}, 40_000);

	// `--interval 1` is one second: the list keeps refreshing while the demo starts executions (it was
	// multiplied by 1000 twice, so the list froze at its first read).
	test.each([[['--interval', '1']], [['--interval=1']]])('%j keeps the executions list refreshing', async interval => {
		const terminal = launch(['--local', ...interval, 'OrderProcessingStateMachine'], 130, 24);
		const asOf = (screen: string) => /as of (\d\d:\d\d:\d\dZ)/.exec(screen)?.[1];
		const first = asOf(await terminal.waitForScreen(screen => screen.includes('Executions') && asOf(screen) !== undefined, 15_000, 'the executions list'));
		await terminal.waitForScreen(screen => {
			const now = asOf(screen);
			return now !== undefined && now !== first;
		}, 20_000, `the list read again after ${first}`);
	}, 45_000);

	test('sfntop MACHINE opens its executions; --read-only offers no start, stop or redrive', async () => {
		const terminal = launch(['--local', 'OrderProcessingStateMachine', '--read-only'], 100, 24);
		const screen = await terminal.waitForScreen(text => text.includes('Executions') && text.includes('READ-ONLY'), 15_000, 'the executions list');
		expect(screen).not.toMatch(/s start|x stop|R redrive/);
		terminal.type('s');
		terminal.type('?');
		const help = await terminal.waitForScreen(text => text.includes('Keys in the executions view'), 5000, 'the help');
		expect(help).not.toContain('start an execution');
		expect(help).toContain('read-only');
	}, 30_000);

	test('Ctrl-C quits and restores the terminal', async () => {
		const terminal = launch(['--local'], 80, 24);
		await terminal.waitForScreen(screen => screen.includes('Graph'), 15_000, 'the graph');
		terminal.type(keys.ctrlC);
		const {exitCode} = await terminal.exited;
		expect(exitCode).toBe(0);
		await terminal.waitForScreen(() => true);
		expect(terminal.term.buffer.active.type).toBe('normal');
		expect(terminal.cursorHidden()).toBe(false);
	}, 30_000);

	test('writes nothing to the terminal while a finished execution is open', async () => {
		const terminal = launch(['--local'], 100, 30);
		await terminal.waitForScreen(screen => screen.includes('Graph'), 15_000, 'the graph');
		await startExecution(terminal, '{"orderId":"quiet","delayMs":50}');
		await terminal.waitForScreen(screen => screen.includes('● SUCCEEDED'), 15_000, 'the execution finished');
		await terminal.waitForQuiet(1500, 15_000);
		const before = terminal.bytes();
		// Watch for three seconds: the demo keeps running in the background, but this screen does not change.
		await new Promise(resolve => {
			setTimeout(resolve, 3000);
		});
		expect(terminal.bytes() - before).toBe(0);
	}, 60_000);

	test('at 80×24 every frame fits the terminal: nothing scrolls off, nothing overlaps', async () => {
		const terminal = launch(['--local'], 80, 24);
		const screen = await terminal.waitForScreen(text => text.includes('Graph (compact)') && !text.includes('Event history'), 15_000, 'the compact graph');
		const rows = screen.split('\n');
		expect(rows[0]).toContain('OrderProcessingStateMachine');
		expect(rows.at(-1)).toContain('q quit');
		// A prompt takes the bottom rows; the header stays on the top row.
		terminal.type('s');
		const withPrompt = await terminal.waitForScreen(text => text.includes('input JSON'), 5000, 'the start prompt');
		expect(withPrompt.split('\n', 1)[0]).toContain('OrderProcessingStateMachine');
		expect(withPrompt.split('\n').slice(-4).join('\n')).toContain('input JSON');
	}, 30_000);
});
