// `npm run media`: records a scripted `sfntop --local` session in a real
// pseudo-terminal and writes what the terminal showed to media/ as SVG (and
// PNG when @resvg/resvg-js is installed). The pictures in the README come
// from here, so they stay true as the program changes.
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {screenToSvg} from './screen-svg.js';
import {startExecution} from './dashboard-actions.js';
import {startTerminal} from './terminal.ts';

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
