// The dashboard in a real pseudo-terminal (`sfntop --local`): launch to first
// graph, terminal bytes per second while an execution runs and while idle
// (baseline: the same with Ink's incremental rendering off, SFNTOP_FULL_REDRAW=1),
// and RSS with a 25,000-event execution open (baseline: a 10-event one).
import {execFileSync, spawnSync} from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {startExecution} from '../e2e/dashboard-actions.js';
import {startTerminal} from '../e2e/terminal.ts';

const directory = path.dirname(fileURLToPath(import.meta.url));

const sleep = async ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

/**
 * Launch time, and bytes/s active and idle, for one rendering mode.
 * @param fullRedraw
 */
async function session(fullRedraw) {
	const started = performance.now();
	const terminal = startTerminal({args: ['--local'], columns: 120, rows: 34, env: fullRedraw ? {SFNTOP_FULL_REDRAW: '1'} : {}});
	try {
		await terminal.waitForScreen(screen => screen.includes('sfntop'), 20_000, 'the first frame');
		const firstFrameMs = performance.now() - started;
		await terminal.waitForScreen(screen => screen.includes('Graph'), 20_000, 'the graph');
		const firstGraphMs = performance.now() - started;
		await startExecution(terminal, '{"orderId":"bench","delayMs":2500}', screen => screen.includes('RUNNING'));
		let before = terminal.bytes();
		let at = performance.now();
		await sleep(5000);
		const activeBytesPerSecond = (terminal.bytes() - before) / ((performance.now() - at) / 1000);
		await terminal.waitForScreen(screen => screen.includes('● SUCCEEDED'), 20_000, 'the execution finished');
		await terminal.waitForQuiet(1000, 10_000);
		before = terminal.bytes();
		at = performance.now();
		await sleep(3000);
		const idleBytesPerSecond = (terminal.bytes() - before) / ((performance.now() - at) / 1000);
		return {firstFrameMs, firstGraphMs, activeBytesPerSecond, idleBytesPerSecond};
	} finally {
		terminal.type('q');
		await Promise.race([terminal.exited, sleep(3000)]);
		await terminal.close();
	}
}

function nodeStartupMs() {
	const started = performance.now();
	spawnSync(process.execPath, ['-e', ''], {stdio: 'ignore'});
	return performance.now() - started;
}

function rssMb(events) {
	const output = execFileSync(process.execPath, ['--expose-gc', path.join(directory, 'dashboard-rss-child.js'), String(events)], {encoding: 'utf8', env: {...process.env, CI: ''}});
	return JSON.parse(output.trim().split('\n').at(-1)).rss / 1024 / 1024;
}

export default async function dashboardBench() {
	const incremental = await session(false);
	const full = await session(true);
	const startup = nodeStartupMs();
	const afterNode = incremental.firstFrameMs - startup;
	const graphAfterNode = incremental.firstGraphMs - startup;
	const bigRss = rssMb(25_000);
	const smallRss = rssMb(10);
	return [
		{name: 'dashboard: launch to first frame (sfntop --local), after Node starts', value: afterNode, unit: 'ms', baseline: startup, target: '< 400 ms (baseline: Node startup alone)', met: afterNode < 400},
		{name: 'dashboard: launch to the live graph (endpoint + demo up, history read)', value: graphAfterNode, unit: 'ms', baseline: startup, target: null, met: null},
		{name: 'dashboard: terminal bytes/s, execution running', value: incremental.activeBytesPerSecond, unit: 'B/s', baseline: full.activeBytesPerSecond, target: '< 2048 B/s (baseline: full redraws)', met: incremental.activeBytesPerSecond < 2048},
		{name: 'dashboard: terminal bytes/s, finished execution open', value: incremental.idleBytesPerSecond, unit: 'B/s', baseline: full.idleBytesPerSecond, target: '0 B/s', met: incremental.idleBytesPerSecond === 0},
		{name: 'dashboard: RSS with a 25,000-event execution open', value: bigRss, unit: 'MB', baseline: smallRss, target: '< 200 MB (baseline: 10 events)', met: bigRss < 200},
	];
}
