/*
 * RedriveExecution and DescribeExecution's redrive fields as AWS answers them.
 * redriveStatusReason texts checked against LocalStack's recorded answers
 * (v2/test_sfn_api_aliasing.snapshot.json and others: "Execution is SUCCEEDED
 * and cannot be redriven", "Execution is RUNNING and cannot be redriven").
 * clientToken: AWS API reference, RedriveExecution — idempotent answers for
 * the last 10 tokens that redrove the execution, each valid 15 minutes.
 */
import {CreateStateMachineCommand, DescribeExecutionCommand, RedriveExecutionCommand, StartExecutionCommand, type SFNClient} from '@aws-sdk/client-sfn';
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
});
