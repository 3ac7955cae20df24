// `npm run media`: records a scripted `sfntop --local` session in a real
// pseudo-terminal and writes what the terminal showed to media/ as SVG (and
// PNG when @resvg/resvg-js is installed). The pictures in the README come
// from here, so they stay true as the program changes.
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {screenToSvg} from './screen-svg.js';
import {openMachine, startExecution} from './dashboard-actions.js';
import {keys, startTerminal} from './terminal.ts';

const mediaDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'media');

async function savePicture(name, svg) {
	await writeFile(path.join(mediaDirectory, `${name}.svg`), svg);
	let png = 'no PNG (install @resvg/resvg-js to get one)';
	try {
		const {Resvg} = await import('@resvg/resvg-js');
		const rendered = new Resvg(svg, {font: {loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans Mono'}, fitTo: {mode: 'zoom', value: 2}}).render();
		await writeFile(path.join(mediaDirectory, `${name}.png`), rendered.asPng());
		png = `media/${name}.png`;
	} catch {}

	process.stdout.write(`wrote media/${name}.svg, ${png}\n`);
}

async function record({name, columns, rows, title, script, args = ['--local'], ready = screen => screen.includes('Graph')}) {
	const terminal = startTerminal({args, columns, rows});
	try {
		await terminal.waitForScreen(ready, 20_000, 'the first screen');
		await script(terminal);
		await terminal.waitForQuiet(300, 5000);
		await savePicture(name, screenToSvg(terminal.term, {title}));
	} finally {
		terminal.type('q');
		await Promise.race([terminal.exited, new Promise(resolve => {
			setTimeout(resolve, 3000);
		})]);
		await terminal.close();
	}
}

await mkdir(mediaDirectory, {recursive: true});

// The main picture: a live execution, the active state highlighted, its logs streaming.
await record({
	name: 'dashboard',
	columns: 130,
	rows: 36,
	title: 'sfntop --local',
	async script(terminal) {
		await startExecution(terminal, '{"orderId":"4711","delayMs":4000}');
		await terminal.waitForScreen(screen => /ChargeCustomer\s+Task\s+\S RUNNING/.test(screen) && screen.includes('processing order 4711'), 30_000, 'ChargeCustomer running with its log lines');
	},
});

// A failure, as on-call sees it: the failed state in red, its error and cause.
await record({
	name: 'dashboard-failed',
	columns: 130,
	rows: 36,
	title: 'sfntop --local — a failed execution',
	async script(terminal) {
		await startExecution(terminal, '{"orderId":"4712","failAt":"charge-customer"}');
		await terminal.waitForScreen(screen => /ChargeCustomer\s+Task\s+\S FAILED/.test(screen) && screen.includes('● FAILED'), 30_000, 'the failure');
	},
});

// The small terminal: 80×24, compact graph.
await record({
	name: 'dashboard-80x24',
	columns: 80,
	rows: 24,
	title: 'sfntop --local at 80×24',
	async script(terminal) {
		await startExecution(terminal, '{"orderId":"4713","delayMs":4000}');
		await terminal.waitForScreen(screen => /ReserveInventory\s+Task\s+\S RUNNING/.test(screen), 30_000, 'ReserveInventory running');
	},
});

/**
 * Opens a running batch of the demo (one starts every 30 s and runs about 7 s) with its Map state selected.
 * @param terminal
 */
async function openRunningBatch(terminal) {
	await openMachine(terminal, 'NightlyBatch');
	await terminal.waitForScreen(screen => /^RUNNING\s+demo-/m.test(screen), 40_000, 'a running batch');
	terminal.type(keys.enter);
	await terminal.waitForScreen(screen => screen.includes('Map: ProcessBatch (distributed)'), 10_000, 'the batch');
	terminal.type(keys.up);
	await terminal.waitForScreen(screen => screen.includes('enter: child executions'), 10_000, 'the Map Run panel');
}

// A Distributed Map: the run's counts on the graph and the Map Run panel (progress, failures, tolerance).
await record({
	name: 'dashboard-map-run',
	columns: 130,
	rows: 36,
	title: 'sfntop --local — a Distributed Map and its map run',
	async script(terminal) {
		await openRunningBatch(terminal);
		await terminal.waitForScreen(screen => /progress +█+░+ [1-3]\d\/40/.test(screen), 15_000, 'the map run under way');
	},
});

// Its child executions, live, filterable by status.
await record({
	name: 'dashboard-map-run-children',
	columns: 130,
	rows: 36,
	title: 'sfntop --local — a map run\'s child executions',
	async script(terminal) {
		await openRunningBatch(terminal);
		terminal.type(keys.enter);
		await terminal.waitForScreen(screen => screen.includes('Child executions') && (screen.match(/^(?:RUNNING|SUCCEEDED|FAILED)\s+\S{8}-/gm) ?? []).length >= 8, 30_000, 'the children');
	},
});

// A nested execution: the parent's startExecution.sync:2 task opened, breadcrumbs on top, a JSONata state's variables.
await record({
	name: 'dashboard-nested',
	columns: 130,
	rows: 36,
	title: 'sfntop --local — a child execution, its JSONata and variables',
	async script(terminal) {
		await openMachine(terminal, 'OrderParentWorkflow');
		await startExecution(terminal, '{"orderId":"4714","items":[{"itemId":"A-1"},{"itemId":"B-2"},{"itemId":"C-3"}]}', screen => /child +OrderProcessingJsonata \/ \S{8}-/.test(screen));
		terminal.type(keys.enter);
		await terminal.waitForScreen(screen => screen.includes('› PlaceOrder › OrderProcessingJsonata') && screen.includes('● SUCCEEDED'), 30_000, 'the child, finished');
		terminal.type(keys.up);

		await terminal.waitForScreen(screen => /ChargeCustomer\s+Task\s+\S SUCCEEDED {2}JSONata/.test(screen) && screen.includes('in scope'), 10_000, 'ChargeCustomer with its variables');
	},
});

// Where the time went: the timeline (t) of a demo order with a Map of items, a
// Parallel with a Wait, and retries — iterations as lanes, the critical path marked.
await record({
	name: 'dashboard-timeline',
	columns: 130,
	rows: 36,
	title: 'sfntop --local — t: the timeline',
	args: ['--local', 'OrderFulfillmentStateMachine'],
	ready: screen => /SUCCEEDED +demo-/.test(screen),
	async script(terminal) {
		// The newest execution that succeeded: the rows are newest first.
		const rows = terminal.screen().split('\n').filter(line => /^\S+ +demo-/.test(line.trim()));
		const index = rows.findIndex(line => line.trimStart().startsWith('SUCCEEDED'));
		terminal.type(`${'j'.repeat(index)}\r`);
		await terminal.waitForScreen(screen => screen.includes('Graph'), 10_000, 'the execution');
		terminal.type('t');
		await terminal.waitForScreen(screen => screen.includes('Timeline') && screen.includes('NotifyAndShip'), 10_000, 'the timeline');
	},
});
