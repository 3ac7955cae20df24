import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import type {AslDefinition} from '../../../source/local/asl/index.js';
import {runExecution, type ExecutionOutcome, type LogRecord, type RunOptions, type WireEvent} from '../../../source/local/engine/run-execution.js';
import {builtInHandlers} from '../../../source/local/handlers/built-in.js';
import type {HandlerRegistry} from '../../../source/local/handlers/types.js';
import {repoRoot} from '../../helpers/run-cli.js';

const order = readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8');
const identity = {executionArn: 'arn:aws:states:us-east-1:123456789012:execution:O:e1', executionName: 'e1', machineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:O', machineName: 'O', roleArn: 'arn:aws:iam::123456789012:role/R', startTime: Date.now(), redriveCount: 0};
const where = {identity, region: 'us-east-1', accountId: '123456789012'};
const parsed = (text: string) => JSON.parse(text) as AslDefinition;

async function run(definition: string, input: string, options: Partial<RunOptions> = {}, handlers: HandlerRegistry = builtInHandlers): Promise<{events: WireEvent[]; logs: LogRecord[]; outcome: ExecutionOutcome}> {
	const events: WireEvent[] = [];
	const logs: LogRecord[] = [];
	const running = runExecution({definition: parsed(definition), input, ...where, handlers, onEvent(event) {
		events.push(event);
	}, onLog(record) {
		logs.push(record);
	}, ...options});
	return {events, logs, outcome: await running.outcome};
}

describe('the execution engine, without HTTP', () => {
	test('ids run 1..n and every previousEventId points back to an earlier event', async () => {
		const {events} = await run(order, '{"orderId": "1", "delayMs": 1}');
		expect(events.map(event => event.id)).toEqual(events.map((_, index) => index + 1));
		expect(events[0].previousEventId).toBe(0);
		// AWS: the first state's entry points at 0, not at ExecutionStarted (every recorded history).
		expect(events[1].previousEventId).toBe(0);
		for (const event of events.slice(2)) {
			expect(event.previousEventId).toBeGreaterThan(0);
			expect(event.previousEventId).toBeLessThan(event.id);
		}

		const times = events.map(event => event.timestamp);
		expect(times).toEqual(times.toSorted((a, b) => a - b));
	});

	test('detail fields are shaped as AWS writes them', async () => {
		const {events} = await run(order, '{"orderId": "1", "delayMs": 1}');
		// AWS writes {input, inputDetails, roleArn} — no stateMachineArn (LocalStack v2/base/test_base.snapshot.json, every test).
		expect(events[0]).toEqual({id: 1, previousEventId: 0, timestamp: events[0].timestamp, type: 'ExecutionStarted', executionStartedEventDetails: {input: '{"orderId": "1", "delayMs": 1}', inputDetails: {truncated: false}, roleArn: identity.roleArn}});
		expect(events[1]).toMatchObject({type: 'TaskStateEntered', stateEnteredEventDetails: {name: 'ValidateOrder', inputDetails: {truncated: false}}});
		expect(events[2]).toMatchObject({type: 'LambdaFunctionScheduled', lambdaFunctionScheduledEventDetails: {resource: 'arn:aws:lambda:us-east-1:123456789012:function:validate-order'}});
		expect(events[3]).toEqual({id: 4, previousEventId: 3, timestamp: events[3].timestamp, type: 'LambdaFunctionStarted'});
		expect(JSON.parse((events[4].lambdaFunctionSucceededEventDetails as {output: string}).output)).toMatchObject({orderId: '1', validated: true});
		expect(events.at(-1)).toMatchObject({type: 'ExecutionSucceeded', executionSucceededEventDetails: {outputDetails: {truncated: false}}});
	});

	test('lambda:invoke produces TaskScheduled/Started/Succeeded with the Invoke response and a request id', async () => {
		const definition = JSON.stringify({StartAt: 'Call', States: {Call: {Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:record-event', 'Payload.$': '$'}, End: true}}});
		const {events, logs} = await run(definition, '{"orderId": "9", "delayMs": 1}');
		expect(events.map(event => event.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
		expect(events[2].taskScheduledEventDetails).toMatchObject({resourceType: 'lambda', resource: 'invoke', region: 'us-east-1'});
		const output = JSON.parse((events[4].taskSucceededEventDetails as {output: string}).output) as {StatusCode: number; Payload: {recorded: boolean}; SdkResponseMetadata: {RequestId: string}};
		expect(output.StatusCode).toBe(200);
		expect(output.Payload.recorded).toBe(true);
		expect(logs[0].message).toBe(`START RequestId: ${output.SdkResponseMetadata.RequestId} Version: $LATEST`);
	});

	test('a Retry that succeeds shows one Lambda triple per attempt', async () => {
		let calls = 0;
		const handlers: HandlerRegistry = {
			async flaky() {
				calls++;
				if (calls < 3) {
					throw Object.assign(new Error('try again'), {name: 'Flaky'});
				}

				return {ok: true};
			},
		};
		const definition = JSON.stringify({StartAt: 'Call', States: {Call: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:flaky', Retry: [{ErrorEquals: ['Flaky'], IntervalSeconds: 0, MaxAttempts: 3}], End: true}}});
		const {events, outcome} = await run(definition, '{}', {}, handlers);
		expect(outcome.status).toBe('SUCCEEDED');
		expect(events.map(event => event.type)).toEqual([
			'ExecutionStarted',
			'TaskStateEntered',
			'LambdaFunctionScheduled',
			'LambdaFunctionStarted',
			'LambdaFunctionFailed',
			'LambdaFunctionScheduled',
			'LambdaFunctionStarted',
			'LambdaFunctionFailed',
			'LambdaFunctionScheduled',
			'LambdaFunctionStarted',
			'LambdaFunctionSucceeded',
			'TaskStateExited',
			'ExecutionSucceeded',
		]);
		expect(events[4].lambdaFunctionFailedEventDetails).toMatchObject({error: 'Flaky'});
	});

	test('stop() aborts: ExecutionAborted with the error and cause', async () => {
		const events: WireEvent[] = [];
		const running = runExecution({definition: parsed(order), input: '{"orderId": "1", "delayMs": 5000}', ...where, handlers: builtInHandlers, onEvent(event) {
			events.push(event);
		}, onLog() {/* Not needed here. */}});
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		running.stop('Operator', 'test');
		expect(await running.outcome).toEqual({status: 'ABORTED', error: 'Operator', cause: 'test'});
		expect(events.at(-1)).toMatchObject({type: 'ExecutionAborted', executionAbortedEventDetails: {error: 'Operator', cause: 'test'}});
	});

	test('redrive continues the ids after the old history and reruns from the given state only', async () => {
		const first = await run(order, '{"orderId": "1", "delayMs": 1, "failAt": "charge-customer"}');
		expect(first.outcome.status).toBe('FAILED');
		const charge = first.events.find(event => event.type === 'TaskStateEntered' && (event.stateEnteredEventDetails as {name: string}).name === 'ChargeCustomer')!;
		expect(charge).toBeDefined();
		const second = await run(order, '{"orderId": "1", "delayMs": 1, "failAt": "charge-customer"}', {identity: {...identity, redriveCount: 1}, redrive: {previousEvents: first.events}});
		expect(second.outcome.status).toBe('SUCCEEDED');
		expect(second.events[0]).toMatchObject({type: 'ExecutionRedriven', id: first.events.length + 1, previousEventId: first.events.length, executionRedrivenEventDetails: {redriveCount: 1}});
		const entered = second.events.filter(event => event.type === 'TaskStateEntered').map(event => (event.stateEnteredEventDetails as {name: string}).name);
		expect(entered).toEqual(['ChargeCustomer', 'ShipOrder']);
		expect(JSON.parse((second.events.at(-1)!.executionSucceededEventDetails as {output: string}).output)).toMatchObject({orderId: '1', validated: true, charged: true});
	});
});
