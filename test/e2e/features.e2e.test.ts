// Issue 14's keys in a real terminal, on `sfntop serve` over HTTP: bulk
// selection (space, x, R), m/d (the diff view), t (the timeline) and c (OSC 52).
// Build first (npm run build).
import {Buffer} from 'node:buffer';
import {DescribeExecutionCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {waitForEnd} from '../helpers/local-endpoint.js';
import {orderEndpoint, orderMachine} from '../helpers/order-machine.js';
import {keys, startTerminal, type TerminalSession} from './terminal.js';

describe('the dashboard\'s compare, timeline, bulk and copy keys in a real terminal', () => {
	let endpoint: Awaited<ReturnType<typeof orderEndpoint>>;
	let terminal: TerminalSession | undefined;
	const arns: Record<string, string> = {};

	beforeAll(async () => {
		endpoint = await orderEndpoint();
		arns.good = await endpoint.run('good-1', {orderId: 'g'});
		arns.bad = await endpoint.run('bad-1', {orderId: 'b', failAt: 'charge-customer'});
		arns.slow1 = await endpoint.run('slow-1', {orderId: 's1', delayMs: 60_000}, false);
		arns.slow2 = await endpoint.run('slow-2', {orderId: 's2', delayMs: 60_000}, false);
	});

	afterAll(async () => {
		await terminal?.close();
		await endpoint.server.close();
	});

	test('space selects, x stops the selection; m, d compare; c copies; t shows the timeline; space and R redrive', async () => {
		terminal = startTerminal({args: [orderMachine, '--endpoint-url', endpoint.server.url], columns: 120, rows: 34, env: cliUserEnvironment});
		const session = terminal;
		await session.waitForScreen(screen => screen.includes('slow-2') && screen.includes('good-1'), 15_000, 'the executions list');

		// Bulk: the two running ones (newest first), stopped together after the preview.
		session.type(' ');
		await session.waitForScreen(screen => screen.includes('1 selected'), 5000, 'one selected');
		session.type(' ');
		await session.waitForScreen(screen => screen.includes('2 selected'), 5000, 'two selected');
		session.type('x');
		await session.waitForScreen(screen => screen.includes('2 of 2 executions can be stopped'), 10_000, 'the bulk preview');
		session.type('y');
		await session.waitForScreen(screen => screen.includes('stopped 2, skipped 0, failed 0'), 15_000, 'the bulk summary');
		for (const arn of [arns.slow1, arns.slow2]) {
			expect((await endpoint.sfn.send(new DescribeExecutionCommand({executionArn: arn}))).status).toBe('ABORTED');
		}

		// M on the failed run, d on the good one: the diff view.
		// Typed faster than the screen redraws: each key acts on the row the ones before it moved to.
		session.type('gjjm');
		await session.waitForScreen(screen => screen.includes('marked bad-1'), 5000, 'the mark');
		session.type('jd');
		await session.waitForScreen(screen => screen.includes('Diff') && /≠ ChargeCustomer +FAILED +SUCCEEDED/.test(screen), 15_000, 'the diff view');
		expect(session.screen()).toMatch(/≠ ShipOrder +- +SUCCEEDED/);

		// Back to the list; c copies the selected row's ARN with OSC 52.
		// The list's rows, not just its title: a list view opened again reads its executions anew.
		session.type(keys.escape);
		await session.waitForScreen(screen => screen.includes('Executions') && screen.includes('good-1'), 10_000, 'the list');
		session.type('c');
		await session.waitForScreen(screen => screen.includes('copied the ARN of good-1'), 5000, 'the copy message');
		expect(session.output()).toContain(`\u001B]52;c;${Buffer.from(arns.good).toString('base64')}\u0007`);

		// The failed run's timeline: t swaps the graph for it, t again brings the graph back.
		session.type(`k${keys.enter}`);
		await session.waitForScreen(screen => screen.includes('Graph') && screen.includes('bad-1'), 15_000, 'the failed execution');
		session.type('t');
		await session.waitForScreen(screen => screen.includes('Timeline') && /\*✗ +ChargeCustomer +[█▓]*▓/.test(screen), 10_000, 'the timeline');
		expect(session.screen()).toMatch(/\*✓ +ValidateOrder +█+/);
		session.type('t');
		await session.waitForScreen(screen => screen.includes('Graph') && !screen.includes('Timeline'), 5000, 'the graph again');

		// Back on the list, on the failed run: space selects it, R shows where it reruns from, y redrives it.
		session.type(keys.escape);
		await session.waitForScreen(screen => screen.includes('Executions') && screen.includes('◆'), 5000, 'the list again');
		session.type(' ');
		await session.waitForScreen(screen => screen.includes('1 selected'), 5000, 'the failed run selected');
		expect(session.screen()).toMatch(/●◆ FAILED +bad-1/);
		session.type('R');
		await session.waitForScreen(screen => screen.includes('1 of 1 execution can be redriven') && /1 {2}ChargeCustomer/.test(screen), 10_000, 'the redrive preview');
		session.type('y');
		await session.waitForScreen(screen => screen.includes('redriven 1, skipped 0, failed 0'), 15_000, 'the redrive summary');
		expect(await waitForEnd(endpoint.sfn, arns.bad)).toBe('SUCCEEDED');

		session.type('q');
		expect((await session.exited).exitCode).toBe(0);
	});
});
