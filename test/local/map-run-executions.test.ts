/*
 * ListExecutions with `mapRunArn`: the only way to list a Distributed Map's
 * child executions (AWS API reference, ListExecutions: "either a mapRunArn or
 * a stateMachineArn, but not both"; the items then carry `mapRunArn` and
 * `itemCount`, which a stateMachineArn listing never returns — botocore's
 * ExecutionListItem). Through the SDK and the AWS CLI.
 */
import process from 'node:process';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {CreateStateMachineCommand, ListExecutionsCommand, ListMapRunsCommand, StartExecutionCommand, type SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';

// eslint-disable-next-line @typescript-eslint/strict-void-return
const run = promisify(execFile);
const roleArn = 'arn:aws:iam::123456789012:role/R';
const record = 'arn:aws:lambda:us-east-1:123456789012:function:record-event';

const fanOut = (batch?: number) => JSON.stringify({StartAt: 'Fan', States: {Fan: {
	Type: 'Map',
	ItemsPath: '$.items',
	...(batch && {ItemBatcher: {MaxItemsPerBatch: batch}}),
	ItemProcessor: {ProcessorConfig: {Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD'}, StartAt: 'Work', States: {Work: batch ? {Type: 'Pass', End: true} : {Type: 'Task', Resource: record, End: true}}},
	End: true,
}}});

describe('ListExecutions of a map run', () => {
	let server: RunningServer;
	let sfn: SFNClient;
	let machineArn: string;
	let mapRunArn: string;
	let parentArn: string;

	beforeAll(async () => {
		({server, sfn} = await localEndpoint());
		({stateMachineArn: machineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Fans', roleArn, definition: fanOut()})) as {stateMachineArn: string});
		const items = [1, 2, 3].map(itemId => ({itemId, delayMs: 1}));
		({executionArn: parentArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, name: 'parent', input: JSON.stringify({items})})) as {executionArn: string});
		expect(await waitForEnd(sfn, parentArn)).toBe('SUCCEEDED');
		mapRunArn = (await sfn.send(new ListMapRunsCommand({executionArn: parentArn}))).mapRuns![0].mapRunArn!;
	});

	afterAll(async () => {
		await server.close();
	});

	test('lists the children, each with mapRunArn and itemCount; the machine\'s listing has only the parent', async () => {
		const {executions} = await sfn.send(new ListExecutionsCommand({mapRunArn}));
		expect(executions).toHaveLength(3);
		for (const child of executions!) {
			expect(child).toMatchObject({mapRunArn, itemCount: 1, status: 'SUCCEEDED', stateMachineArn: `${machineArn}/Fan`, redriveCount: 0});
			expect(child.executionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:execution:Fans\/Fan:/);
		}

		const byMachine = await sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn}));
		expect(byMachine.executions!.map(execution => execution.executionArn)).toEqual([parentArn]);
		expect(byMachine.executions![0]).not.toHaveProperty('mapRunArn');
		expect(byMachine.executions![0]).not.toHaveProperty('itemCount');
	});

	test('pages by cursor and filters by status', async () => {
		const first = await sfn.send(new ListExecutionsCommand({mapRunArn, maxResults: 2}));
		expect(first.executions).toHaveLength(2);
		const second = await sfn.send(new ListExecutionsCommand({mapRunArn, maxResults: 2, nextToken: first.nextToken}));
		expect(second.executions).toHaveLength(1);
		expect(second.nextToken).toBeUndefined();
		expect(new Set([...first.executions!, ...second.executions!].map(execution => execution.executionArn)).size).toBe(3);
		expect((await sfn.send(new ListExecutionsCommand({mapRunArn, statusFilter: 'FAILED'}))).executions).toEqual([]);
		await expect(sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn, nextToken: first.nextToken}))).rejects.toMatchObject({name: 'InvalidToken'});
	});

	test('a batch child counts its items', async () => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Batches', roleArn, definition: fanOut(2)}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input: JSON.stringify({items: [1, 2, 3, 4, 5]})}));
		expect(await waitForEnd(sfn, executionArn!)).toBe('SUCCEEDED');
		const batchRun = (await sfn.send(new ListMapRunsCommand({executionArn}))).mapRuns![0].mapRunArn!;
		const {executions} = await sfn.send(new ListExecutionsCommand({mapRunArn: batchRun}));
		expect(executions!.map(execution => execution.itemCount).toSorted((a, b) => a! - b!)).toEqual([1, 2, 2]);
	});

	test('AWS\'s refusals: both ARNs, neither, an unknown map run, a malformed one, PENDING_REDRIVE for a machine', async () => {
		await expect(sfn.send(new ListExecutionsCommand({mapRunArn, stateMachineArn: machineArn}))).rejects.toMatchObject({name: 'ValidationException'});
		await expect(sfn.send(new ListExecutionsCommand({}))).rejects.toMatchObject({name: 'ValidationException'});
		const unknown = mapRunArn.replace(/:[\d\-a-f]{36}$/, ':00000000-0000-0000-0000-000000000000');
		await expect(sfn.send(new ListExecutionsCommand({mapRunArn: unknown}))).rejects.toMatchObject({name: 'ResourceNotFound'});
		await expect(sfn.send(new ListExecutionsCommand({mapRunArn: 'not-an-arn'}))).rejects.toMatchObject({name: 'InvalidArn'});
		await expect(sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn, statusFilter: 'PENDING_REDRIVE'}))).rejects.toMatchObject({name: 'ValidationException'});
	});

	test('the AWS CLI lists a map run\'s children with --map-run-arn', async context => {
		const environment = {...process.env, AWS_REGION: undefined, ...cliUserEnvironment, AWS_PAGER: ''};
		let stdout: string;
		try {
			({stdout} = await run('aws', ['stepfunctions', 'list-executions', '--map-run-arn', mapRunArn, '--endpoint-url', server.url, '--output', 'json'], {env: environment}));
		} catch (error: unknown) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
				context.skip();
				return;
			}

			throw error;
		}

		const {executions} = JSON.parse(stdout) as {executions: Array<{mapRunArn: string; itemCount: number}>};
		expect(executions.map(execution => [execution.mapRunArn, execution.itemCount])).toEqual([[mapRunArn, 1], [mapRunArn, 1], [mapRunArn, 1]]);
	});
});
