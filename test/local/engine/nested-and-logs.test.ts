/*
 * Through serve and the SDK: nested executions (states:startExecution,
 * .sync, .sync:2 — output shapes recorded in LocalStack
 * v2/services/test_sfn_task_service.snapshot.json and v2/callback/test_callback.snapshot.json)
 * and handler console output going to the function's log group as on Lambda.
 */
import {FilterLogEventsCommand, type CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {CreateStateMachineCommand, DescribeExecutionCommand, ListExecutionsCommand, StartExecutionCommand, StopExecutionCommand, type SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../../source/local/server.js';
import {fullHistory, localEndpoint, waitForEnd} from '../../helpers/local-endpoint.js';

const roleArn = 'arn:aws:iam::123456789012:role/R';
const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

describe('nested executions and handler logs through serve', () => {
	let server: RunningServer;
	let sfn: SFNClient;
	let logs: CloudWatchLogsClient;
	let childArn: string;
	let slowChildArn: string;
	const printed: string[] = [];
	const originalLog = console.log;

	beforeAll(async () => {
		({server, sfn, logs} = await localEndpoint({handlers: {
			async chatty(event) {
				console.log('chatty got %s', JSON.stringify(event));
				console.error('chatty complains');
				return {said: true};
			},
		}}));
		console.log = (...parts: unknown[]) => {
			printed.push(parts.map(String).join(' '));
		};

		childArn = (await sfn.send(new CreateStateMachineCommand({name: 'Child', roleArn, definition: JSON.stringify({StartAt: 'Say', States: {Say: {Type: 'Pass', Parameters: {'got.$': '$', greeting: 'hi'}, End: true}}})}))).stateMachineArn!;
		slowChildArn = (await sfn.send(new CreateStateMachineCommand({name: 'SlowChild', roleArn, definition: JSON.stringify({StartAt: 'Sleep', States: {Sleep: {Type: 'Wait', Seconds: 3600, End: true}}})}))).stateMachineArn!;
	});

	afterAll(async () => {
		console.log = originalLog;
		await server.close();
	});

	const parent = async (name: string, resource: string, target: string, extraInput: Record<string, unknown> = {}) => {
		const definition = JSON.stringify({StartAt: 'Call', States: {Call: {Type: 'Task', Resource: resource, Parameters: {StateMachineArn: target, Input: {value: 1, 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id', ...extraInput}}, End: true}}});
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name, roleArn, definition}));
		return (await sfn.send(new StartExecutionCommand({stateMachineArn, input: '{}'}))).executionArn!;
	};

	test('.sync:2 waits for the child and returns its Output as JSON; the child got the parent\'s id in its input', async () => {
		const parentArn = await parent('ParentSync2', 'arn:aws:states:::states:startExecution.sync:2', childArn);
		expect(await waitForEnd(sfn, parentArn)).toBe('SUCCEEDED');
		const events = await fullHistory(sfn, parentArn);
		expect(events.map(event => event.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
		expect(events[2].taskScheduledEventDetails).toMatchObject({resourceType: 'states', resource: 'startExecution.sync:2'});
		const submitted = JSON.parse(events[4].taskSubmittedEventDetails!.output!) as Record<string, unknown>;
		expect(submitted).toMatchObject({ExecutionArn: expect.stringContaining(':execution:Child:') as string, StartDate: expect.any(Number) as number});
		const output = JSON.parse(events[5].taskSucceededEventDetails!.output!) as Record<string, unknown>;
		expect(output).toMatchObject({Status: 'SUCCEEDED', Name: expect.any(String) as string, StateMachineArn: childArn, InputDetails: {Included: true}, OutputDetails: {Included: true}});
		expect(output.Input).toEqual({value: 1, AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: parentArn});
		expect(output.Output).toEqual({got: {value: 1, AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: parentArn}, greeting: 'hi'});
		const child = await sfn.send(new DescribeExecutionCommand({executionArn: output.ExecutionArn as string}));
		expect(child.status).toBe('SUCCEEDED');
	});

	test('.sync returns Input and Output as JSON text; a failed child fails the task with States.TaskFailed', async () => {
		const okArn = await parent('ParentSync', 'arn:aws:states:::states:startExecution.sync', childArn);
		expect(await waitForEnd(sfn, okArn)).toBe('SUCCEEDED');
		const ok = JSON.parse((await sfn.send(new DescribeExecutionCommand({executionArn: okArn}))).output!) as Record<string, unknown>;
		expect(typeof ok.Input).toBe('string');
		expect(JSON.parse(ok.Output as string)).toMatchObject({greeting: 'hi'});

		const failing = (await sfn.send(new CreateStateMachineCommand({name: 'FailingChild', roleArn, definition: JSON.stringify({StartAt: 'No', States: {No: {Type: 'Fail', Error: 'SomeFailure', Cause: 'it failed'}}})}))).stateMachineArn!;
		const badArn = await parent('ParentOfFailing', 'arn:aws:states:::states:startExecution.sync', failing);
		expect(await waitForEnd(sfn, badArn)).toBe('FAILED');
		const described = await sfn.send(new DescribeExecutionCommand({executionArn: badArn}));
		expect(described.error).toBe('States.TaskFailed');
		expect(JSON.parse(described.cause!)).toMatchObject({Status: 'FAILED', Error: 'SomeFailure', Cause: 'it failed', StateMachineArn: failing});
	});

	test('fire and forget returns ExecutionArn and StartDate at once', async () => {
		const parentArn = await parent('ParentAsync', 'arn:aws:states:::states:startExecution', slowChildArn);
		expect(await waitForEnd(sfn, parentArn)).toBe('SUCCEEDED');
		const output = JSON.parse((await sfn.send(new DescribeExecutionCommand({executionArn: parentArn}))).output!) as Record<string, unknown>;
		expect(Object.keys(output).toSorted()).toEqual(['ExecutionArn', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StartDate']);
		expect((await sfn.send(new DescribeExecutionCommand({executionArn: output.ExecutionArn as string}))).status).toBe('RUNNING');
		await sfn.send(new StopExecutionCommand({executionArn: output.ExecutionArn as string}));
	});

	test('stopping a parent stops its .sync child', async () => {
		const parentArn = await parent('ParentOfSlow', 'arn:aws:states:::states:startExecution.sync', slowChildArn);
		let children: string[] = [];
		for (let tries = 0; tries < 100 && children.length === 0; tries++) {
			const {executions} = await sfn.send(new ListExecutionsCommand({stateMachineArn: slowChildArn, statusFilter: 'RUNNING'}));
			children = executions!.map(execution => execution.executionArn!);
			await new Promise(resolve => {
				setTimeout(resolve, 20);
			});
		}

		expect(children).toHaveLength(1);
		await sfn.send(new StopExecutionCommand({executionArn: parentArn}));
		expect(await waitForEnd(sfn, parentArn)).toBe('ABORTED');
		expect(await waitForEnd(sfn, children[0])).toBe('ABORTED');
	});

	test('a missing child machine fails the task', async () => {
		const parentArn = await parent('ParentOfNothing', 'arn:aws:states:::states:startExecution.sync', 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope');
		expect(await waitForEnd(sfn, parentArn)).toBe('FAILED');
		expect((await sfn.send(new DescribeExecutionCommand({executionArn: parentArn}))).error).toBe('StepFunctions.StateMachineDoesNotExistException');
	});

	test('a handler\'s console.log and console.error go to /aws/lambda/<function>, not to serve\'s stdout', async () => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Chatty', roleArn, definition: JSON.stringify({StartAt: 'Talk', States: {Talk: {Type: 'Task', Resource: fn('chatty'), End: true}}})}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input: '{"n": 7}'}));
		expect(await waitForEnd(sfn, executionArn!)).toBe('SUCCEEDED');
		const {events} = await logs.send(new FilterLogEventsCommand({logGroupName: '/aws/lambda/chatty'}));
		const messages = events!.map(event => event.message!);
		expect(messages.some(message => message.endsWith('\tINFO\tchatty got {"n":7}'))).toBe(true);
		expect(messages.some(message => message.endsWith('\tERROR\tchatty complains'))).toBe(true);
		expect(printed.filter(line => line.includes('chatty'))).toEqual([]);
	});
});
