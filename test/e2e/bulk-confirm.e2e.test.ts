// `sfntop redrive MACHINE --status FAILED` on a terminal: the preview, the
// question, a progress line while it works, then the summary. Build first.
import {afterAll, beforeAll, expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {waitForEnd} from '../helpers/local-endpoint.js';
import {orderEndpoint, orderMachine} from '../helpers/order-machine.js';
import {keys, startTerminal, type TerminalSession} from './terminal.js';

let endpoint: Awaited<ReturnType<typeof orderEndpoint>>;
let terminal: TerminalSession | undefined;
const failed: string[] = [];

beforeAll(async () => {
	endpoint = await orderEndpoint();
	for (const index of [1, 2, 3]) {
		failed.push(await endpoint.run(`tty-fail-${index}`, {orderId: String(index), failAt: 'charge-customer'}));
	}
});

afterAll(async () => {
	await terminal?.close();
	await endpoint.server.close();
});

test('on a terminal it asks; y redrives them all and prints the summary, exit 0', async () => {
	terminal = startTerminal({args: ['redrive', orderMachine, '--status', 'FAILED', '--since', '1h', '--endpoint-url', endpoint.server.url], columns: 100, rows: 20, env: cliUserEnvironment});
	await terminal.waitForScreen(screen => screen.includes('Redrive 3 executions now? [y/N]'), 15_000, 'the question');
	expect(terminal.screen()).toMatch(/Redrive 3 FAILED executions of OrderProcessingStateMachine started in the last 1h\n {2}3 of 3 executions can be redriven\n {2}a redrive reruns from the state each one stopped in:\n {4}3 {2}ChargeCustomer/);
	terminal.type(`y${keys.enter}`);
	await terminal.waitForScreen(screen => screen.includes('redriven 3, skipped 0, failed 0'), 15_000, 'the summary');
	// The progress line was written on the terminal (stderr, rewritten in place) and cleared before the summary.
	expect(terminal.output()).toContain('\r\u001B[Kredriving 3/3…\r\u001B[K');
	expect(terminal.screen()).not.toContain('redriving');
	expect((await terminal.exited).exitCode).toBe(0);
	for (const arn of failed) {
		expect(await waitForEnd(endpoint.sfn, arn)).toBe('SUCCEEDED');
	}
});
