import {CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {waitForEnd} from '../helpers/local-endpoint.js';
import {orderEndpoint, orderMachine} from '../helpers/order-machine.js';

describe('bulk redrive and stop against sfntop serve', () => {
	let endpoint: Awaited<ReturnType<typeof orderEndpoint>>;
	const failed: string[] = [];

	beforeAll(async () => {
		endpoint = await orderEndpoint();
		for (const [index, failAt] of ['charge-customer', 'charge-customer', 'reserve-inventory'].entries()) {
			failed.push(await endpoint.run(`bulk-fail-${index}`, {orderId: String(index), failAt}));
		}

		await endpoint.run('other-fail', {orderId: 'x', failAt: 'ship-order'});
		await endpoint.run('bulk-ok', {orderId: 'ok'});
	});

	afterAll(async () => {
		await endpoint.server.close();
	});

	const mutations = (since: number) => endpoint.server.requests.slice(since).filter(request => ['StopExecution', 'RedriveExecution'].includes(request.operation));

	test('the preview first; off a terminal without --yes it refuses (exit 2) and sends nothing', async () => {
		const mark = endpoint.server.requests.length;
		const result = await endpoint.sfntop('redrive', orderMachine, '--status', 'FAILED', '--name-prefix', 'bulk-', '--no-color');
		expect(result.code).toBe(2);
		expect(result.stdout.split('\n')).toEqual([
			'Redrive 3 FAILED executions of OrderProcessingStateMachine named bulk-…',
			'  3 of 3 executions can be redriven',
			'  a redrive reruns from the state each one stopped in:',
			'    2  ChargeCustomer',
			'    1  ReserveInventory',
			'',
		]);
		expect(result.stderr).toBe('sfntop: not redriving without confirmation: pass --yes when not on a terminal\n');
		expect(mutations(mark)).toEqual([]);
	});

	test('one match reads as one', async () => {
		const result = await endpoint.sfntop('redrive', orderMachine, '--status', 'FAILED', '--name-prefix', 'other-', '--no-color');
		expect(result.code).toBe(2);
		expect(result.stdout.split('\n').slice(0, 2)).toEqual(['Redrive 1 FAILED execution of OrderProcessingStateMachine named other-…', '  1 of 1 execution can be redriven']);
	});

	test('--read-only refuses before listing anything', async () => {
		const mark = endpoint.server.requests.length;
		const result = await endpoint.sfntop('redrive', orderMachine, '--status', 'FAILED', '--yes', '--read-only');
		expect(result).toMatchObject({code: 2, stderr: 'sfntop: --read-only: redriving an execution is disabled\n'});
		expect(endpoint.server.requests.slice(mark)).toEqual([]);
	});

	test('--since 0s matches nothing: nothing to do, exit 0', async () => {
		const result = await endpoint.sfntop('redrive', orderMachine, '--status', 'FAILED', '--since', '0s', '--yes');
		expect(result).toMatchObject({code: 0, stdout: 'no FAILED executions of OrderProcessingStateMachine started in the last 0s; nothing to redrive\n'});
	});

	test('with --yes every matching execution is redriven, once, and the summary line says so', async () => {
		const mark = endpoint.server.requests.length;
		const result = await endpoint.sfntop('redrive', orderMachine, '--status', 'FAILED', '--name-prefix', 'bulk-', '--yes', '--no-color');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout.trim().split('\n').at(-1)).toBe('redriven 3, skipped 0, failed 0');
		expect(mutations(mark).map(request => request.operation)).toEqual(['RedriveExecution', 'RedriveExecution', 'RedriveExecution']);
		for (const arn of failed) {
			expect(await waitForEnd(endpoint.sfn, arn)).toBe('SUCCEEDED');
		}

		// The one that did not match the prefix was left alone.
		const other = await endpoint.sfn.send(new DescribeExecutionCommand({executionArn: failed[0].replace('bulk-fail-0', 'other-fail')}));
		expect(other).toMatchObject({status: 'FAILED', redriveCount: 0});
	});

	test('stop --status RUNNING --yes stops the running ones with the error and cause; a finished one is not touched', async () => {
		const slow = await Promise.all([1, 2].map(async index => endpoint.run(`slow-${index}`, {orderId: `s${index}`, delayMs: 60_000}, false)));
		const result = await endpoint.sfntop('stop', orderMachine, '--status', 'RUNNING', '--yes', '--error', 'Operator', '--cause', 'bad deploy', '--no-color');
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')).toEqual(['Stop 2 RUNNING executions of OrderProcessingStateMachine', '  2 of 2 executions can be stopped', 'stopped 2, skipped 0, failed 0', '']);
		for (const arn of slow) {
			const {events = []} = await endpoint.sfn.send(new GetExecutionHistoryCommand({executionArn: arn, reverseOrder: true, maxResults: 1}));
			expect(events[0]).toMatchObject({type: 'ExecutionAborted', executionAbortedEventDetails: {error: 'Operator', cause: 'bad deploy'}});
		}
	});

	test('usage errors are one line, exit 2: a wrong status, a bad duration, an execution instead of a machine, an Express machine', async () => {
		const cases: Array<[string[], RegExp]> = [
			[['stop', orderMachine, '--status', 'FAILED'], /^sfntop: --status for stop takes RUNNING, not "FAILED"\n$/],
			[['redrive', orderMachine, '--status', 'RUNNING'], /^sfntop: --status for redrive takes FAILED, ABORTED, TIMED_OUT, not "RUNNING"\n$/],
			[['redrive', orderMachine, '--status', 'FAILED', '--since', 'yesterday'], /^sfntop: --since takes a duration such as 30m/],
			[['redrive', `${orderMachine}/bulk-ok`, '--status', 'FAILED'], /is one execution \(drop --status to redrive just it\)\n$/],
			[['redrive', orderMachine], /is a state machine; give an execution: .+, or --status FAILED to redrive its FAILED executions\n$/],
			[['stop', orderMachine], /, or --status RUNNING to stop its RUNNING executions\n$/],
		];
		await endpoint.sfn.send(new CreateStateMachineCommand({name: 'Fast', type: 'EXPRESS', roleArn: 'arn:aws:iam::123456789012:role/R', definition: JSON.stringify({StartAt: 'A', States: {A: {Type: 'Pass', End: true}}})}));
		cases.push(
			[['stop', 'Fast', '--status', 'RUNNING', '--yes'], /^sfntop: Fast is an Express state machine: Step Functions stops and redrives only Standard executions\n$/],
			[['redrive', 'Fast', '--status', 'FAILED'], /^sfntop: Fast is an Express state machine: Step Functions stops and redrives only Standard executions\n$/],
		);
		for (const [args, stderr] of cases) {
			const result = await endpoint.sfntop(...args);
			expect({args, code: result.code}).toEqual({args, code: 2});
			expect(result.stderr).toMatch(stderr);
		}
	});
});
