import {readFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateLogGroupCommand, FilterLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {
	CreateStateMachineCommand,
	DescribeExecutionCommand,
	DescribeStateMachineForExecutionCommand,
	GetExecutionHistoryCommand,
	ListExecutionsCommand,
	ListStateMachinesCommand,
	RedriveExecutionCommand,
	StartExecutionCommand,
	StartSyncExecutionCommand,
	StopExecutionCommand,
	ValidateStateMachineDefinitionCommand,
	type SFNClient,
} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import {normaliseEvent} from '../../source/model/history/history-event.js';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import type {RunningServer} from '../../source/local/server.js';
import {fullHistory, localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';
import {repoRoot} from '../helpers/run-cli.js';

const orderDefinition = readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8');
const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';

async function createOrderMachine(sfn: SFNClient, name = 'OrderProcessingStateMachine'): Promise<string> {
	const created = await sfn.send(new CreateStateMachineCommand({name, definition: orderDefinition, roleArn}));
	return created.stateMachineArn!;
}

describe('sfntop serve through @aws-sdk/client-sfn', () => {
	let server: RunningServer;
	let sfn: SFNClient;
	let machineArn: string;

	beforeAll(async () => {
		({server, sfn} = await localEndpoint());
		machineArn = await createOrderMachine(sfn);
	});

	afterAll(async () => {
		await server.close();
	});

	test('the order workflow runs with the event sequence AWS writes', async () => {
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, input: '{"orderId": "12345", "delayMs": 10}'}));
		expect(await waitForEnd(sfn, executionArn!)).toBe('SUCCEEDED');
		const events = await fullHistory(sfn, executionArn!);
		const perState = ['TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'TaskStateExited'];
		expect(events.map(event => event.type)).toEqual(['ExecutionStarted', ...perState, ...perState, ...perState, ...perState, 'ExecutionSucceeded']);
		expect(events.map(event => event.id)).toEqual(events.map((_, index) => index + 1));
		// AWS: the first state's entry points at 0 (LocalStack v2/services/test_lambda_task.snapshot.json), then each event at the one before.
		expect(events[1].previousEventId).toBe(0);
		for (const event of events.slice(2)) {
			expect(event.previousEventId).toBe(event.id! - 1);
		}

		expect(events[0].timestamp).toBeInstanceOf(Date);
		expect(events[2].lambdaFunctionScheduledEventDetails?.resource).toBe('arn:aws:lambda:us-east-1:123456789012:function:validate-order');
		expect(events[1].stateEnteredEventDetails!.name).toBe('ValidateOrder');
		expect(JSON.parse(events[1].stateEnteredEventDetails!.input!)).toEqual({orderId: '12345', delayMs: 10});
		expect(events[0].executionStartedEventDetails!.input).toBe('{"orderId": "12345", "delayMs": 10}');
	});

	test('failAt fails ChargeCustomer; a redrive reruns only from there and succeeds', async () => {
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, input: '{"orderId": "1", "delayMs": 5, "failAt": "charge-customer"}'}));
		expect(await waitForEnd(sfn, executionArn!)).toBe('FAILED');
		const failed = await sfn.send(new DescribeExecutionCommand({executionArn}));
		expect(failed).toMatchObject({error: 'PaymentDeclined', redriveStatus: 'REDRIVABLE', redriveCount: 0});
		expect(JSON.parse(failed.cause!)).toMatchObject({errorType: 'PaymentDeclined', errorMessage: 'The card was declined by the issuer'});
		const before = await fullHistory(sfn, executionArn!);
		expect(before.at(-2)!.type).toBe('LambdaFunctionFailed');
		expect(before.at(-1)!.type).toBe('ExecutionFailed');

		await sfn.send(new RedriveExecutionCommand({executionArn}));
		expect(await waitForEnd(sfn, executionArn!)).toBe('SUCCEEDED');
		const after = await fullHistory(sfn, executionArn!);
		const redriven = after.slice(before.length);
		expect(redriven[0]).toMatchObject({type: 'ExecutionRedriven', id: before.length + 1, executionRedrivenEventDetails: {redriveCount: 1}});
		const rerun = redriven.filter(event => event.type === 'TaskStateEntered').map(event => event.stateEnteredEventDetails!.name);
		expect(rerun).toEqual(['ChargeCustomer', 'ShipOrder']);
		expect((await sfn.send(new DescribeExecutionCommand({executionArn}))).redriveCount).toBe(1);

		// The fold (issue 4) reads this real history the way the console would.
		const graph = buildMachineGraph(JSON.parse(orderDefinition) as Record<string, unknown>);
		const snapshot = foldEvents(createSnapshot(graph), after.map((event, index) => normaliseEvent(event, index + 1)!));
		expect(snapshot.status).toBe('SUCCEEDED');
		expect(snapshot.redriveCount).toBe(1);
		expect(snapshot.states.get('ChargeCustomer')).toMatchObject({status: 'SUCCEEDED', attempts: 2});
		expect(snapshot.states.get('ValidateOrder')).toMatchObject({status: 'SUCCEEDED', attempts: 1});
	});

	test('StopExecution aborts a running execution', async () => {
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, input: '{"orderId": "2", "delayMs": 5000}'}));
		await sfn.send(new StopExecutionCommand({executionArn, error: 'Operator', cause: 'stopped by a test'}));
		expect(await waitForEnd(sfn, executionArn!)).toBe('ABORTED');
		const events = await fullHistory(sfn, executionArn!);
		expect(events.at(-1)).toMatchObject({type: 'ExecutionAborted', executionAbortedEventDetails: {error: 'Operator', cause: 'stopped by a test'}});
	});

	test('GetExecutionHistory pages, reverses, and can leave out data', async () => {
		const {executions} = await sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn, statusFilter: 'SUCCEEDED'}));
		const executionArn = executions![0].executionArn!;
		const all = await fullHistory(sfn, executionArn);
		const first = await sfn.send(new GetExecutionHistoryCommand({executionArn, maxResults: 5}));
		expect(first.events!.map(event => event.id)).toEqual([1, 2, 3, 4, 5]);
		const second = await sfn.send(new GetExecutionHistoryCommand({executionArn, maxResults: 5, nextToken: first.nextToken}));
		expect(second.events![0].id).toBe(6);
		const newest = await sfn.send(new GetExecutionHistoryCommand({executionArn, maxResults: 3, reverseOrder: true}));
		expect(newest.events!.map(event => event.id)).toEqual([all.length, all.length - 1, all.length - 2]);
		const bare = await sfn.send(new GetExecutionHistoryCommand({executionArn, maxResults: 2, includeExecutionData: false}));
		expect(bare.events![0].executionStartedEventDetails?.input).toBeUndefined();
		await expect(sfn.send(new GetExecutionHistoryCommand({executionArn, maxResults: 1001}))).rejects.toMatchObject({name: 'ValidationException'});
	});

	test('ListExecutions is newest first and filters by status', async () => {
		const {executions} = await sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn}));
		const starts = executions!.map(execution => execution.startDate!.getTime());
		expect(starts).toEqual(starts.toSorted((a, b) => b - a));
		const aborted = await sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn, statusFilter: 'ABORTED'}));
		expect(aborted.executions!.every(execution => execution.status === 'ABORTED')).toBe(true);
		expect(aborted.executions!.length).toBeGreaterThan(0);
	});

	test('DescribeStateMachineForExecution returns the definition it ran', async () => {
		const {executions} = await sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn, maxResults: 1}));
		const described = await sfn.send(new DescribeStateMachineForExecutionCommand({executionArn: executions![0].executionArn}));
		expect(described.definition).toBe(orderDefinition);
	});

	test('Choice, Parallel, Map, Retry and Catch produce their events', async () => {
		const definition = JSON.stringify({
			StartAt: 'Route',
			States: {
				Route: {Type: 'Choice', Choices: [{Variable: '$.go', BooleanEquals: true, Next: 'Items'}], Default: 'Nope'},
				Nope: {Type: 'Fail', Error: 'Nope'},
				Items: {Type: 'Map', ItemsPath: '$.items', ResultPath: '$.done', ItemProcessor: {StartAt: 'Each', States: {Each: {Type: 'Pass', End: true}}}, Next: 'Both'},
				Both: {Type: 'Parallel', ResultPath: null, Branches: [
					{StartAt: 'Left', States: {Left: {Type: 'Pass', End: true}}},
					{StartAt: 'Right', States: {Right: {Type: 'Wait', Seconds: 0, End: true}}},
				], Next: 'Charge'},
				Charge: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge-customer', Catch: [{ErrorEquals: ['PaymentDeclined'], Next: 'Handled'}], End: true},
				Handled: {Type: 'Pass', End: true},
			},
		});
		const created = await sfn.send(new CreateStateMachineCommand({name: 'Shapes', definition, roleArn}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: created.stateMachineArn, input: JSON.stringify({go: true, items: [1, 2, 3], delayMs: 5, failAt: 'charge-customer'})}));
		expect(await waitForEnd(sfn, executionArn!)).toBe('SUCCEEDED');
		const events = await fullHistory(sfn, executionArn!);
		const types = events.map(event => event.type);
		for (const type of ['ChoiceStateEntered', 'ChoiceStateExited', 'MapStateEntered', 'MapStateStarted', 'MapIterationStarted', 'MapIterationSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ParallelStateEntered', 'ParallelStateStarted', 'ParallelStateSucceeded', 'ParallelStateExited', 'WaitStateEntered', 'WaitStateExited', 'LambdaFunctionFailed', 'TaskStateExited', 'PassStateEntered']) {
			expect(types, type).toContain(type);
		}

		expect(events.find(event => event.type === 'MapStateStarted')!.mapStateStartedEventDetails!.length).toBe(3);
		expect(events.filter(event => event.type === 'MapIterationStarted').map(event => event.mapIterationStartedEventDetails!.index).toSorted((a, b) => a! - b!)).toEqual([0, 1, 2]);
		for (const event of events.slice(1)) {
			expect(event.previousEventId).toBeLessThan(event.id!);
		}

		const graph = buildMachineGraph(JSON.parse(definition) as Record<string, unknown>);
		const snapshot = foldEvents(createSnapshot(graph), events.map((event, index) => normaliseEvent(event, index + 1)!));
		expect(snapshot.states.get('Charge')!.status).toBe('CAUGHT');
		expect(snapshot.states.get('Items')!.iterations).toMatchObject({total: 3, succeeded: 3});
		expect(snapshot.states.get('Nope')!.status).toBe('NOT_STARTED');
	});

	test('an unknown function fails the task with Lambda.ResourceNotFoundException', async () => {
		const definition = JSON.stringify({StartAt: 'Call', States: {Call: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:does-not-exist', End: true}}});
		const created = await sfn.send(new CreateStateMachineCommand({name: 'Missing', definition, roleArn}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: created.stateMachineArn}));
		expect(await waitForEnd(sfn, executionArn!)).toBe('FAILED');
		expect((await sfn.send(new DescribeExecutionCommand({executionArn}))).error).toBe('Lambda.ResourceNotFoundException');
	});

	test.each([
		['DescribeExecution of a missing execution', async () => sfn.send(new DescribeExecutionCommand({executionArn: 'arn:aws:states:us-east-1:123456789012:execution:OrderProcessingStateMachine:missing'})), 'ExecutionDoesNotExist'],
		['DescribeExecution of a malformed ARN', async () => sfn.send(new DescribeExecutionCommand({executionArn: 'not-an-arn'})), 'InvalidArn'],
		['StartExecution of a missing machine', async () => sfn.send(new StartExecutionCommand({stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope'})), 'StateMachineDoesNotExist'],
		['StartExecution with input that is not JSON', async () => sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, input: '{nope'})), 'InvalidExecutionInput'],
		['CreateStateMachine with a broken definition', async () => sfn.send(new CreateStateMachineCommand({name: 'Broken', definition: '{"StartAt": "X", "States": {}}', roleArn})), 'InvalidDefinition'],
		['StartExecution with a name already used', async () => {
			await sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, name: 'twice', input: '{"delayMs": 1, "orderId": "t"}'}));
			return sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, name: 'twice'}));
		}, 'ExecutionAlreadyExists'],
	])('%s is an AWS error the SDK names', async (_name, call, errorName) => {
		await expect(call()).rejects.toMatchObject({name: errorName});
	});

	test('ValidateStateMachineDefinition reports problems as diagnostics', async () => {
		expect((await sfn.send(new ValidateStateMachineDefinitionCommand({definition: orderDefinition}))).result).toBe('OK');
		const bad = await sfn.send(new ValidateStateMachineDefinitionCommand({definition: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}'}));
		expect(bad.result).toBe('FAIL');
		expect(bad.diagnostics![0]).toMatchObject({severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'Missing \'Next\' target: B'});
	});

	test('ListStateMachines lists what was created', async () => {
		const {stateMachines} = await sfn.send(new ListStateMachinesCommand({}));
		expect(stateMachines!.map(machine => machine.name)).toContain('OrderProcessingStateMachine');
	});
});

describe('Express workflows and CloudWatch Logs', () => {
	test('StartSyncExecution runs an Express machine; its records go to its log group, not to a history', async () => {
		const {server, sfn, logs} = await localEndpoint();
		try {
			// As on AWS, the log group must exist before a machine can log to it.
			await logs.send(new CreateLogGroupCommand({logGroupName: '/aws/vendedlogs/states/Quick'}));
			const created = await sfn.send(new CreateStateMachineCommand({
				name: 'Quick', roleArn, type: 'EXPRESS',
				definition: JSON.stringify({StartAt: 'Hello', States: {Hello: {Type: 'Pass', Result: {hi: true}, End: true}}}),
				loggingConfiguration: {level: 'ALL', includeExecutionData: true, destinations: [{cloudWatchLogsLogGroup: {logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/Quick:*'}}]},
			}));
			const result = await sfn.send(new StartSyncExecutionCommand({stateMachineArn: created.stateMachineArn, input: '{}'}));
			expect(result.status).toBe('SUCCEEDED');
			expect(JSON.parse(result.output!)).toEqual({hi: true});
			expect(result.executionArn).toContain(':express:Quick:');
			await expect(sfn.send(new GetExecutionHistoryCommand({executionArn: result.executionArn}))).rejects.toMatchObject({name: 'StateMachineTypeNotSupported'});
			const {events} = await logs.send(new FilterLogEventsCommand({logGroupName: '/aws/vendedlogs/states/Quick'}));
			const records = events!.map(event => JSON.parse(event.message!) as {type: string; execution_arn: string; id: string; event_timestamp: string});
			expect(records.map(record => record.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
			expect(records[0].execution_arn).toBe(result.executionArn);
			expect(typeof records[0].id).toBe('string');
			expect(Number(records[0].event_timestamp)).toBeGreaterThan(1_700_000_000_000);
		} finally {
			await server.close();
		}
	});

	test('each Lambda invocation writes START, its own lines, END and REPORT to /aws/lambda/<function>', async () => {
		const {server, sfn, logs} = await localEndpoint();
		try {
			const machineArn = await createOrderMachine(sfn);
			const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, input: '{"orderId": "777", "delayMs": 5}'}));
			await waitForEnd(sfn, executionArn!);
			const {events} = await logs.send(new FilterLogEventsCommand({logGroupName: '/aws/lambda/charge-customer'}));
			const messages = events!.map(event => event.message!);
			expect(messages[0]).toMatch(/^START RequestId: [\d\-a-f]{36} Version: \$LATEST$/);
			expect(messages.some(message => message.endsWith('\tINFO\tcharge-customer: processing order 777'))).toBe(true);
			expect(messages.some(message => message.startsWith('END RequestId: '))).toBe(true);
			expect(messages.at(-1)).toMatch(/^REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms/);
			expect(events![0].logStreamName).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][\da-f]{32}$/);
			const filtered = await logs.send(new FilterLogEventsCommand({logGroupName: '/aws/lambda/charge-customer', filterPattern: 'REPORT', startTime: Date.now() - 60_000}));
			expect(filtered.events!.every(event => event.message!.startsWith('REPORT'))).toBe(true);
		} finally {
			await server.close();
		}
	});
});

describe('--data-dir', () => {
	test('machines, executions and histories survive a restart; a running execution becomes FAILED and can be redriven', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-data-'));
		try {
			const first = await localEndpoint({dataDir});
			const machineArn = await createOrderMachine(first.sfn);
			const done = await first.sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, name: 'done', input: '{"orderId": "1", "delayMs": 5}'}));
			await waitForEnd(first.sfn, done.executionArn!);
			const doneHistory = await fullHistory(first.sfn, done.executionArn!);
			const slow = await first.sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, name: 'slow', input: '{"orderId": "2", "delayMs": 20000}'}));
			// Simulate a crash: drop the server without letting it stop executions cleanly.
			const second = await localEndpoint({dataDir});
			try {
				expect(await fullHistory(second.sfn, done.executionArn!)).toEqual(doneHistory);
				const slowNow = await second.sfn.send(new DescribeExecutionCommand({executionArn: slow.executionArn}));
				expect(slowNow).toMatchObject({status: 'FAILED', error: 'States.Runtime', redriveStatus: 'REDRIVABLE'});
				expect(slowNow.cause).toContain('redrive it to continue');
				await second.sfn.send(new RedriveExecutionCommand({executionArn: slow.executionArn}));
				expect((await second.sfn.send(new DescribeExecutionCommand({executionArn: slow.executionArn}))).status).toBe('RUNNING');
			} finally {
				await second.server.close();
				await first.server.close();
			}
		} finally {
			await rm(dataDir, {recursive: true, force: true});
		}
	});
});

describe('--faults', () => {
	test('inject throttling and server errors the SDK recognises, without changing stored state', async () => {
		const {server, sfn} = await localEndpoint({faults: 'throttle=0.5,5xx=0.3,seed=3'});
		try {
			const seen = new Set<string>();
			for (let attempt = 0; attempt < 30; attempt++) {
				try {
					await sfn.send(new ListStateMachinesCommand({}));
					seen.add('ok');
				} catch (error: unknown) {
					seen.add((error as Error).name);
				}
			}

			expect(seen).toContain('ThrottlingException');
			expect([...seen].some(name => name === 'InternalFailure' || name === 'ServiceUnavailable')).toBe(true);
			expect(seen).toContain('ok');
			expect(server.requests.filter(request => request.operation === 'ListStateMachines').length).toBe(30);
		} finally {
			await server.close();
		}
	});
});

describe('redriving a failed Map', () => {
	test('reruns only the unsuccessful iterations; the results keep their order; the fold counts every iteration', async () => {
		const {server, sfn} = await localEndpoint();
		try {
			const definition = JSON.stringify({StartAt: 'Items', States: {Items: {Type: 'Map', ItemsPath: '$.items', ItemProcessor: {StartAt: 'Record', States: {Record: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:record-event', End: true}}}, End: true}}});
			const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'MapRedrive', definition, roleArn}));
			const input = JSON.stringify({items: [{itemId: 0, delayMs: 1}, {itemId: 1, delayMs: 100, failAt: 'record-event'}, {itemId: 2, delayMs: 1}]});
			const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input}));
			expect(await waitForEnd(sfn, executionArn!)).toBe('FAILED');
			const before = await fullHistory(sfn, executionArn!);
			expect(before.filter(event => event.type === 'MapIterationSucceeded').map(event => event.mapIterationSucceededEventDetails!.index).toSorted((a, b) => a! - b!)).toEqual([0, 2]);

			await sfn.send(new RedriveExecutionCommand({executionArn}));
			expect(await waitForEnd(sfn, executionArn!)).toBe('SUCCEEDED');
			const after = await fullHistory(sfn, executionArn!);
			const redriven = after.slice(before.length);
			expect(redriven.filter(event => event.type === 'MapIterationStarted').map(event => event.mapIterationStartedEventDetails!.index)).toEqual([1]);
			expect(redriven.filter(event => event.type === 'LambdaFunctionScheduled')).toHaveLength(1);
			const output = JSON.parse((await sfn.send(new DescribeExecutionCommand({executionArn}))).output!) as Array<{itemId: number; recorded: boolean}>;
			expect(output.map(item => item.itemId)).toEqual([0, 1, 2]);
			expect(output.every(item => item.recorded)).toBe(true);

			const snapshot = foldEvents(createSnapshot(buildMachineGraph(JSON.parse(definition) as Record<string, unknown>)), after.map((event, index) => normaliseEvent(event, index + 1)!));
			expect(snapshot.states.get('Items')).toMatchObject({status: 'SUCCEEDED', iterations: {total: 3, succeeded: 3, failed: 0, running: 0}});
		} finally {
			await server.close();
		}
	});
});

describe('redriving a failed Parallel', () => {
	test('reruns only the failed branch; the branch results keep their order', async () => {
		const {server, sfn} = await localEndpoint();
		try {
			const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
			const definition = JSON.stringify({StartAt: 'Both', States: {Both: {Type: 'Parallel', End: true, Branches: [
				{StartAt: 'Quick', States: {Quick: {Type: 'Task', Resource: fn('record-event'), Parameters: {'orderId.$': '$.orderId', delayMs: 1}, End: true}}},
				{StartAt: 'Slow', States: {Slow: {Type: 'Task', Resource: fn('charge-customer'), Parameters: {'orderId.$': '$.orderId', delayMs: 150, 'failAt.$': '$.failAt'}, End: true}}},
			]}}});
			const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'ParallelRedrive', definition, roleArn}));
			const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input: '{"orderId": "5", "failAt": "charge-customer"}'}));
			expect(await waitForEnd(sfn, executionArn!)).toBe('FAILED');
			const before = await fullHistory(sfn, executionArn!);
			expect(before.some(event => event.type === 'TaskStateExited' && event.stateExitedEventDetails!.name === 'Quick')).toBe(true);

			await sfn.send(new RedriveExecutionCommand({executionArn}));
			expect(await waitForEnd(sfn, executionArn!)).toBe('SUCCEEDED');
			const redriven = (await fullHistory(sfn, executionArn!)).slice(before.length);
			const entered = redriven.filter(event => event.type?.endsWith('StateEntered')).map(event => event.stateEnteredEventDetails!.name);
			expect(entered).toEqual(['Both', 'Slow']);
			const output = JSON.parse((await sfn.send(new DescribeExecutionCommand({executionArn}))).output!) as Array<Record<string, unknown>>;
			expect(output[0]).toMatchObject({orderId: '5', recorded: true});
			expect(output[1]).toMatchObject({orderId: '5', charged: true});
		} finally {
			await server.close();
		}
	});
});

describe('the demo stays bounded', () => {
	test('trimLogs keeps the newest events per stream and the newest streams per group', async () => {
		const {Store} = await import('../../source/local/store.js');
		const store = new Store();
		for (let stream = 0; stream < 30; stream++) {
			for (let event = 0; event < 50; event++) {
				store.addLog('/g', `s${String(stream).padStart(2, '0')}`, (stream * 1000) + event, `m${event}`);
			}
		}

		store.trimLogs(20);
		const group = store.logGroups.get('/g')!;
		expect(group.streams.size).toBe(2);
		for (const stream of group.streams.values()) {
			expect(stream.events.map(event => event.message)).toEqual(Array.from({length: 20}, (_, index) => `m${index + 30}`));
		}
	});
});
