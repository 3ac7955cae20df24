// Issue 13 in a real terminal, on `sfntop --local`'s demo: a Distributed
// Map's run (badge, Map Run panel, its child executions and back) and a
// nested execution (drill-down with breadcrumbs and back). Build first.
import {afterEach, describe, expect, test} from 'vitest';
import {keys, startTerminal, type TerminalSession} from './terminal.js';

// A child's row in a list: status, then its name (a UUID in the demo).
const childRows = (screen: string) => screen.match(/^(?:RUNNING|SUCCEEDED|FAILED)\s+\S{8}-\S{4}-/gm) ?? [];

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
		await terminal.waitForScreen(screen => /child +OrderProcessingJsonata \/ \S{8}-\S+ {2}enter: open it/.test(screen), 15_000, 'the child named in the details');
		terminal.type(keys.enter);
		const child = await terminal.waitForScreen(screen => /OrderParentWorkflow\/\S* › PlaceOrder › OrderProcessingJsonata \/ \S+/.test(screen) && screen.includes('ran prod (v1)'), 10_000, 'the child execution through prod');
		expect(child).toContain('ValidateOrder');
		terminal.type(keys.escape);
		await terminal.waitForScreen(screen => screen.includes('Confirm') && !screen.includes('›'), 5000, 'back to the parent');
	}, 60_000);

	test('a Distributed Map: the badge and Map Run panel, enter lists the children, enter opens one, esc comes back twice', async () => {
		const terminal = launch(['--local', 'NightlyBatch']);
		// A batch starts at once and every 30 s, and runs about 7 s: the first one is running or has just ended.
		await terminal.waitForScreen(screen => /^(?:RUNNING|SUCCEEDED)\s+demo-/m.test(screen), 20_000, 'a batch in the list');
		terminal.type(keys.enter);
		await terminal.waitForScreen(screen => screen.includes('Map: ProcessBatch (distributed)') && / \d{1,2}\/40/.test(screen), 15_000, 'the map run badge on the graph');
		terminal.type(keys.up);
		const panel = await terminal.waitForScreen(screen => screen.includes('enter: child executions') && /progress +█+░* \d+\/40 finished/.test(screen), 15_000, 'the Map Run panel');
		expect(panel).toMatch(/failures +\d+ failed of 40 \(\d+(?:\.\d)? %\), tolerated 10 %/);
		terminal.type(keys.enter);
		const children = await terminal.waitForScreen(screen => screen.includes('Child executions') && childRows(screen).length >= 5, 20_000, 'the map run\'s children');
		expect(children).toMatch(/Map Run NightlyBatch\/ProcessBatch:/);
		const firstChild = /^(?:RUNNING|SUCCEEDED|FAILED)\s+(\S+)/m.exec(children.slice(children.indexOf('Child executions')))![1];
		terminal.type(keys.enter);
		await terminal.waitForScreen(screen => new RegExp(`NightlyBatch/\\S+ › ProcessBatch › NightlyBatch/ProcessBatch / ${firstChild}`).test(screen) && screen.includes('PickItem'), 15_000, 'the child with breadcrumbs');
		terminal.type(keys.escape);
		await terminal.waitForScreen(screen => screen.includes('Child executions') && !screen.includes('›'), 5000, 'back to the children');
		terminal.type(keys.escape);
		await terminal.waitForScreen(screen => screen.includes('Map: ProcessBatch (distributed)') && screen.includes('enter: child executions'), 5000, 'back to the parent, the Map still selected');
	}, 90_000);

	test('versions and aliases: v filters the list by the alias, the header says what the execution ran under', async () => {
		const terminal = launch(['--local', 'OrderProcessingJsonata']);
		await terminal.waitForScreen(screen => /DURATION +VERSION/.test(screen) && /prod \(v1\)\s*$/m.test(screen), 20_000, 'an execution through prod in the list');
		terminal.type('v');
		const filtered = await terminal.waitForScreen(screen => screen.includes('Executions (prod)') && /^(?:RUNNING|SUCCEEDED|FAILED)\s.*prod \(v1\)\s*$/m.test(screen), 10_000, 'the list filtered by the alias');
		const rows = filtered.split('\n').filter(line => /^(?:RUNNING|SUCCEEDED|FAILED)\s/.test(line));
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every(line => /prod \(v1\)\s*$/.test(line))).toBe(true);
		terminal.type(keys.enter);
		await terminal.waitForScreen(screen => /OrderProcessingJsonata \/ \S+/.test(screen) && /elapsed .* ran prod \(v1\) {3}redrives/.test(screen), 10_000, 'the header: ran prod (v1)');
	}, 60_000);
});
