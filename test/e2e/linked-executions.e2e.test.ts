// Issue 13 in a real terminal, on `sfntop --local`'s demo: a Distributed
// Map's run (badge, Map Run panel, its child executions and back) and a
// nested execution (drill-down with breadcrumbs and back). Build first.
import {afterEach, describe, expect, test} from 'vitest';
import {keys, startTerminal, type TerminalSession} from './terminal.js';

let open: TerminalSession[] = [];
afterEach(async () => {
	await Promise.all(open.map(async terminal => terminal.close()));
	open = [];
});

function launch(args: string[], columns = 140, rows = 40) {
	const terminal = startTerminal({args, columns, rows});
	open.push(terminal);
	return terminal;
}

describe('today\'s Step Functions in the dashboard', () => {
	test('a nested execution: the task names its child, enter opens it with breadcrumbs, esc returns', async () => {
		const terminal = launch(['--local', 'OrderParentWorkflow']);
		await terminal.waitForScreen(screen => /^(?:RUNNING|SUCCEEDED)\s+demo-/m.test(screen), 20_000, 'a parent execution in the list');
		terminal.type(keys.enter);
		await terminal.waitForScreen(screen => screen.includes('PlaceOrder') && screen.includes('Confirm'), 10_000, 'the parent graph');
		terminal.type(keys.up);
		terminal.type(keys.up);
		await terminal.waitForScreen(screen => /child +\S{8}-\S+ {2}enter: open it/.test(screen), 15_000, 'the child named in the details');
		terminal.type(keys.enter);
		const child = await terminal.waitForScreen(screen => /OrderParentWorkflow\/\S* › PlaceOrder › OrderProcessingJsonata \/ \S+/.test(screen) && screen.includes('ran prod (v1)'), 10_000, 'the child execution through prod');
		expect(child).toContain('ValidateOrder');
		terminal.type(keys.escape);
		await terminal.waitForScreen(screen => screen.includes('Confirm') && !screen.includes('›'), 5000, 'back to the parent');
	}, 60_000);
});
