/*
 * RedriveExecution and DescribeExecution's redrive fields as AWS answers them.
 * redriveStatusReason texts checked against LocalStack's recorded answers
 * (v2/test_sfn_api_aliasing.snapshot.json and others: "Execution is SUCCEEDED
 * and cannot be redriven", "Execution is RUNNING and cannot be redriven").
 * clientToken: AWS API reference, RedriveExecution — idempotent answers for
 * the last 10 tokens that redrove the execution, each valid 15 minutes.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateStateMachineCommand, DeleteStateMachineCommand, DescribeExecutionCommand, RedriveExecutionCommand, StartExecutionCommand, type SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';

const roleArn = 'arn:aws:iam::123456789012:role/R';

describe('redrive as AWS answers it', () => {
	let server: RunningServer;
	let sfn: SFNClient;
	let count = 0;

	beforeAll(async () => {
		({server, sfn} = await localEndpoint());
	});

	afterAll(async () => {
		await server.close();
	});

	const start = async (states: Record<string, unknown>, input = '{}') => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: `Redrive${++count}`, roleArn, definition: JSON.stringify({StartAt: 'S', States: states})}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input}));
		return executionArn!;
	};

	test('redriveStatusReason says why, in AWS\'s words', async () => {
		const running = await start({S: {Type: 'Wait', Seconds: 30, End: true}});
		expect(await sfn.send(new DescribeExecutionCommand({executionArn: running}))).toMatchObject({redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is RUNNING and cannot be redriven'});
		const succeeded = await start({S: {Type: 'Pass', End: true}});
		expect(await waitForEnd(sfn, succeeded)).toBe('SUCCEEDED');
		expect(await sfn.send(new DescribeExecutionCommand({executionArn: succeeded}))).toMatchObject({redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven'});
		const failed = await start({S: {Type: 'Fail', Error: 'E'}});
		expect(await waitForEnd(sfn, failed)).toBe('FAILED');
		const described = await sfn.send(new DescribeExecutionCommand({executionArn: failed}));
		expect(described.redriveStatus).toBe('REDRIVABLE');
		expect(described.redriveStatusReason).toBeUndefined();
	});

	test('the same clientToken answers the same redrive and does not redrive again; another token does', async () => {
		const executionArn = await start({S: {Type: 'Fail', Error: 'E'}});
		expect(await waitForEnd(sfn, executionArn)).toBe('FAILED');
		const first = await sfn.send(new RedriveExecutionCommand({executionArn, clientToken: 'retry-me'}));
		expect(await waitForEnd(sfn, executionArn)).toBe('FAILED');
		const retried = await sfn.send(new RedriveExecutionCommand({executionArn, clientToken: 'retry-me'}));
		expect(retried.redriveDate).toEqual(first.redriveDate);
		expect((await sfn.send(new DescribeExecutionCommand({executionArn}))).redriveCount).toBe(1);

		await sfn.send(new RedriveExecutionCommand({executionArn, clientToken: 'another'}));
		expect(await waitForEnd(sfn, executionArn)).toBe('FAILED');
		expect((await sfn.send(new DescribeExecutionCommand({executionArn}))).redriveCount).toBe(2);
	});

	test('a retried token answers while the redrive runs; a new token then is refused as RUNNING', async () => {
		const validate = 'arn:aws:lambda:us-east-1:123456789012:function:validate-order';
		const executionArn = await start({S: {Type: 'Task', Resource: validate, End: true}}, '{"orderId": "1", "delayMs": 1000, "failAt": "validate-order"}');
		expect(await waitForEnd(sfn, executionArn)).toBe('FAILED');
		const first = await sfn.send(new RedriveExecutionCommand({executionArn, clientToken: 'once'}));
		expect((await sfn.send(new RedriveExecutionCommand({executionArn, clientToken: 'once'}))).redriveDate).toEqual(first.redriveDate);
		await expect(sfn.send(new RedriveExecutionCommand({executionArn, clientToken: 'new'}))).rejects.toMatchObject({name: 'ExecutionNotRedrivable', message: expect.stringContaining('Execution is RUNNING and cannot be redriven') as unknown});
		expect(await waitForEnd(sfn, executionArn)).toBe('SUCCEEDED');
		expect((await sfn.send(new DescribeExecutionCommand({executionArn}))).redriveCount).toBe(1);
	});

	test('an execution of a machine being deleted, or deleted, cannot be redriven (AWS reason: "State machine is in DELETING status.")', async () => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'RedriveDoomed', roleArn, definition: JSON.stringify({StartAt: 'Hold', States: {Hold: {Type: 'Wait', SecondsPath: '$.wait', Next: 'F'}, F: {Type: 'Fail', Error: 'E'}}})}));
		const failed = (await sfn.send(new StartExecutionCommand({stateMachineArn, input: '{"wait": 0}'}))).executionArn!;
		expect(await waitForEnd(sfn, failed)).toBe('FAILED');
		const running = (await sfn.send(new StartExecutionCommand({stateMachineArn, input: '{"wait": 1}'}))).executionArn!;
		await sfn.send(new DeleteStateMachineCommand({stateMachineArn}));
		const reason = 'State machine is in DELETING status.';
		expect(await sfn.send(new DescribeExecutionCommand({executionArn: failed}))).toMatchObject({redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: reason});
		await expect(sfn.send(new RedriveExecutionCommand({executionArn: failed}))).rejects.toMatchObject({name: 'ExecutionNotRedrivable', message: `State machine is in DELETING status: '${failed}'`});
		await waitForEnd(sfn, running);
		await expect(sfn.send(new RedriveExecutionCommand({executionArn: running}))).rejects.toMatchObject({name: 'ExecutionNotRedrivable'});
	});
});

describe('a redrive clientToken with --data-dir', () => {
	test('is kept across a restart: a retry after it still answers the same redrive', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-redrive-'));
		try {
			const first = await localEndpoint({dataDir});
			const {stateMachineArn} = await first.sfn.send(new CreateStateMachineCommand({name: 'Kept', roleArn, definition: JSON.stringify({StartAt: 'F', States: {F: {Type: 'Fail', Error: 'E'}}})}));
			const {executionArn} = await first.sfn.send(new StartExecutionCommand({stateMachineArn}));
			expect(await waitForEnd(first.sfn, executionArn!)).toBe('FAILED');
			const answered = await first.sfn.send(new RedriveExecutionCommand({executionArn, clientToken: 'kept'}));
			expect(await waitForEnd(first.sfn, executionArn!)).toBe('FAILED');
			await first.server.close();
			const second = await localEndpoint({dataDir});
			try {
				expect((await second.sfn.send(new RedriveExecutionCommand({executionArn, clientToken: 'kept'}))).redriveDate).toEqual(answered.redriveDate);
				expect((await second.sfn.send(new DescribeExecutionCommand({executionArn}))).redriveCount).toBe(1);
			} finally {
				await second.server.close();
			}
		} finally {
			await rm(dataDir, {recursive: true, force: true});
		}
	});
});
