import {readFileSync} from 'node:fs';
import {DescribeMapRunCommand, GetExecutionHistoryCommand, ListExecutionsCommand, ListMapRunsCommand, type SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {validateDefinition} from '../../source/local/asl/index.js';
import {nightlyBatch, orderJsonata, orderParent} from '../../source/local/demo/machines.js';
import type {RunningServer} from '../../source/local/server.js';
import {localEndpoint} from '../helpers/local-endpoint.js';

/* Issue 13: `--demo` (and so `npm start`) shows JSONata with variables, an alias, a Distributed Map and a nested execution. */

const machine = (name: string) => `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`;

describe('the demo\'s machines of today\'s Step Functions', () => {
	test.each([
		['the JSONata order workflow', orderJsonata],
		['the nightly batch (Distributed Map)', nightlyBatch],
		['the parent (startExecution.sync:2)', orderParent(`${machine('OrderProcessingJsonata')}:prod`)],
	])('%s is valid as AWS validates it', async (_, definition) => {
		expect((await validateDefinition(JSON.stringify(definition))).diagnostics).toEqual([]);
	});

	test('the JSONata order workflow is examples/order-jsonata.json exactly', () => {
		expect(orderJsonata).toEqual(JSON.parse(readFileSync('examples/order-jsonata.json', 'utf8')));
	});
});

describe('serve --demo runs them', () => {
	let server: RunningServer;
	let sfn: SFNClient;
	beforeAll(async () => {
		({server, sfn} = await localEndpoint({demo: true}));
	});

	afterAll(async () => {
		await server.close();
	});

	const executionsOf = async (name: string) => (await sfn.send(new ListExecutionsCommand({stateMachineArn: machine(name)}))).executions ?? [];

	test('the batch runs a map run of 40 children; JSONata orders run through the prod alias; the parent starts a JSONata order as its child', async () => {
		await expect.poll(async () => (await executionsOf('NightlyBatch')).length, {timeout: 10_000}).toBeGreaterThan(0);
		const [batch] = await executionsOf('NightlyBatch');
		await expect.poll(async () => (await sfn.send(new ListMapRunsCommand({executionArn: batch.executionArn}))).mapRuns?.length, {timeout: 10_000}).toBe(1);
		const [run] = (await sfn.send(new ListMapRunsCommand({executionArn: batch.executionArn}))).mapRuns!;
		expect((await sfn.send(new DescribeMapRunCommand({mapRunArn: run.mapRunArn}))).itemCounts?.total).toBe(40);

		await expect.poll(async () => (await executionsOf('OrderProcessingJsonata')).some(execution => execution.stateMachineAliasArn === `${machine('OrderProcessingJsonata')}:prod`), {timeout: 10_000}).toBe(true);

		await expect.poll(async () => (await executionsOf('OrderParentWorkflow')).length, {timeout: 10_000}).toBeGreaterThan(0);
		const [parent] = await executionsOf('OrderParentWorkflow');
		await expect.poll(async () => {
			const {events} = await sfn.send(new GetExecutionHistoryCommand({executionArn: parent.executionArn}));
			const submitted = events?.find(event => event.type === 'TaskSubmitted')?.taskSubmittedEventDetails?.output;
			return submitted ? (JSON.parse(submitted) as {ExecutionArn: string}).ExecutionArn : undefined;
		}, {timeout: 10_000}).toMatch(/:execution:OrderProcessingJsonata:/);
	}, 30_000);
});
