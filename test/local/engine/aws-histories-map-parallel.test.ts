/*
 * Map and Parallel histories compared event for event (id, previousEventId,
 * type, details) with histories AWS recorded — our own definitions shaped like
 * the recorded scenarios, and our own statement of what AWS wrote. Checked
 * against LocalStack's snapshots (recorded on AWS):
 * tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.snapshot.json
 * (test_map_state, test_map_state_catch, test_map_state_retry, test_map_state_nested,
 * test_parallel_state_fail, _catch, _retry) and
 * v2/timeouts/test_timeouts.snapshot.json (test_service_lambda_map_timeout).
 */
import {describe, expect, test} from 'vitest';
import {details, failWith, handlersOf, lambdaArn, runEngine, shape} from './run-engine.js';

const pass = (extra: Record<string, unknown> = {}) => ({Type: 'Pass', End: true, ...extra});
const failItem = {Type: 'Fail', Error: 'ItemError', Cause: 'ItemCause'};

describe('inline Map, as AWS writes it', () => {
	test('MaxConcurrency 1: each MapIterationSucceeded and the next MapIterationStarted point at the same event; MapStateSucceeded and the exit at the last MapIterationSucceeded', async () => {
		const {events, outcome} = await runEngine({StartAt: 'Items', States: {Items: {Type: 'Map', MaxConcurrency: 1, ItemProcessor: {ProcessorConfig: {Mode: 'INLINE'}, StartAt: 'Each', States: {Each: pass()}}, End: true}}}, [1, 'two', {}]);
		expect(outcome).toEqual({status: 'SUCCEEDED', output: '[1,"two",{}]'});
		expect(shape(events)).toEqual([
			'1 0 ExecutionStarted',
			'2 0 MapStateEntered',
			'3 2 MapStateStarted',
			'4 3 MapIterationStarted',
			'5 4 PassStateEntered',
			'6 5 PassStateExited',
			'7 6 MapIterationSucceeded',
			'8 6 MapIterationStarted',
			'9 8 PassStateEntered',
			'10 9 PassStateExited',
			'11 10 MapIterationSucceeded',
			'12 10 MapIterationStarted',
			'13 12 PassStateEntered',
			'14 13 PassStateExited',
			'15 14 MapIterationSucceeded',
			'16 15 MapStateSucceeded',
			'17 15 MapStateExited',
			'18 17 ExecutionSucceeded',
		]);
		expect(details(events[2])).toEqual({length: 3});
		expect(details(events[7])).toEqual({name: 'Items', index: 1});
		expect(details(events[4])).toEqual({name: 'Each', input: '1', inputDetails: {truncated: false}});
		expect(details(events[16])).toEqual({name: 'Items', output: '[1,"two",{}]', outputDetails: {truncated: false}});
	});

	test('nested Maps keep their own iteration indices', async () => {
		const inner = {Type: 'Map', MaxConcurrency: 1, ItemProcessor: {StartAt: 'InnerPass', States: {InnerPass: pass()}}, End: true};
		const {events, outcome} = await runEngine({StartAt: 'Outer', States: {Outer: {Type: 'Map', MaxConcurrency: 1, ItemProcessor: {StartAt: 'Inner', States: {Inner: inner}}, End: true}}}, [[1, 2], [3]]);
		expect(outcome.output).toBe('[[1,2],[3]]');
		expect(shape(events)).toEqual([
			'1 0 ExecutionStarted',
			'2 0 MapStateEntered',
			'3 2 MapStateStarted',
			'4 3 MapIterationStarted',
			'5 4 MapStateEntered',
			'6 5 MapStateStarted',
			'7 6 MapIterationStarted',
			'8 7 PassStateEntered',
			'9 8 PassStateExited',
			'10 9 MapIterationSucceeded',
			'11 9 MapIterationStarted',
			'12 11 PassStateEntered',
			'13 12 PassStateExited',
			'14 13 MapIterationSucceeded',
			'15 14 MapStateSucceeded',
			'16 14 MapStateExited',
			'17 16 MapIterationSucceeded',
			'18 16 MapIterationStarted',
			'19 18 MapStateEntered',
			'20 19 MapStateStarted',
			'21 20 MapIterationStarted',
			'22 21 PassStateEntered',
			'23 22 PassStateExited',
			'24 23 MapIterationSucceeded',
			'25 24 MapStateSucceeded',
			'26 24 MapStateExited',
			'27 26 MapIterationSucceeded',
			'28 27 MapStateSucceeded',
			'29 27 MapStateExited',
			'30 29 ExecutionSucceeded',
		]);
		const indices = events.filter(event => event.type === 'MapIterationStarted').map(event => `${String(details(event).name)}#${String(details(event).index)}`);
		expect(indices).toEqual(['Outer#0', 'Inner#0', 'Inner#1', 'Outer#1', 'Inner#0']);
	});

	test('a caught Map writes MapStateFailed then MapStateExited — no Succeeded/Exited pair after it', async () => {
		const {events, outcome} = await runEngine({StartAt: 'Items', States: {
			Items: {Type: 'Map', ItemProcessor: {StartAt: 'Bad', States: {Bad: failItem}}, Catch: [{ErrorEquals: ['States.ALL'], Next: 'Caught'}], End: true},
			Caught: pass(),
		}}, [1]);
		expect(outcome).toEqual({status: 'SUCCEEDED', output: '{"Error":"ItemError","Cause":"ItemCause"}'});
		expect(shape(events)).toEqual([
			'1 0 ExecutionStarted',
			'2 0 MapStateEntered',
			'3 2 MapStateStarted',
			'4 3 MapIterationStarted',
			'5 4 FailStateEntered',
			'6 5 MapIterationFailed',
			'7 5 MapStateFailed',
			'8 7 MapStateExited',
			'9 8 PassStateEntered',
			'10 9 PassStateExited',
			'11 10 ExecutionSucceeded',
		]);
		expect(details(events[5])).toEqual({name: 'Items', index: 0});
		expect(events[6]).not.toHaveProperty('mapStateFailedEventDetails');
	});

	test('a retried Map writes MapStateStarted again per attempt and one MapStateFailed at the end', async () => {
		const {events, outcome} = await runEngine({StartAt: 'Items', States: {
			Items: {Type: 'Map', ItemProcessor: {StartAt: 'Bad', States: {Bad: failItem}}, Retry: [{ErrorEquals: ['ItemError'], IntervalSeconds: 0, MaxAttempts: 2}], End: true},
		}}, [1]);
		expect(outcome).toEqual({status: 'FAILED', error: 'ItemError', cause: 'ItemCause'});
		expect(shape(events)).toEqual([
			'1 0 ExecutionStarted',
			'2 0 MapStateEntered',
			'3 2 MapStateStarted',
			'4 3 MapIterationStarted',
			'5 4 FailStateEntered',
			'6 5 MapIterationFailed',
			'7 5 MapStateStarted',
			'8 7 MapIterationStarted',
			'9 8 FailStateEntered',
			'10 9 MapIterationFailed',
			'11 9 MapStateStarted',
			'12 11 MapIterationStarted',
			'13 12 FailStateEntered',
			'14 13 MapIterationFailed',
			'15 13 MapStateFailed',
			'16 15 ExecutionFailed',
		]);
		expect(details(events.at(-1))).toEqual({error: 'ItemError', cause: 'ItemCause'});
	});

	test('a Fail without Error or Cause fails the Map and the execution with empty details', async () => {
		const {events, outcome} = await runEngine({StartAt: 'Items', States: {Items: {Type: 'Map', ItemProcessor: {StartAt: 'Bad', States: {Bad: {Type: 'Fail'}}}, End: true}}}, [1]);
		expect(outcome).toEqual({status: 'FAILED'});
		expect(shape(events).slice(-3)).toEqual(['6 5 MapIterationFailed', '7 5 MapStateFailed', '8 7 ExecutionFailed']);
		expect(details(events.at(-1))).toEqual({});
	});

	test('concurrent iterations: every MapIterationStarted points at MapStateStarted; the first failure aborts the others, all chained to the failing event', async () => {
		let calls = 0;
		const handlers = handlersOf({
			async slow(event) {
				calls++;
				if ((event as {n: number}).n === 0) {
					failWith('Boom', 'first item fails');
				}

				await new Promise(resolve => {
					setTimeout(resolve, 200);
				});
				return event;
			},
		});
		const {events, outcome} = await runEngine({StartAt: 'Items', States: {Items: {Type: 'Map', ItemProcessor: {StartAt: 'Work', States: {Work: {Type: 'Task', Resource: lambdaArn('slow'), End: true}}}, End: true}}}, [{n: 0}, {n: 1}, {n: 2}], handlers);
		expect(calls).toBe(3);
		expect(outcome.status).toBe('FAILED');
		const started = events.filter(event => event.type === 'MapIterationStarted');
		expect(started.map(event => event.previousEventId)).toEqual([3, 3, 3]);
		const failing = events.find(event => event.type === 'LambdaFunctionFailed')!;
		const tail = events.slice(events.findIndex(event => event.type === 'MapIterationFailed'));
		expect(tail.map(event => `${event.previousEventId} ${event.type}`)).toEqual([
			`${failing.id} MapIterationFailed`,
			`${failing.id} TaskStateAborted`,
			`${failing.id} MapIterationAborted`,
			`${failing.id} TaskStateAborted`,
			`${failing.id} MapIterationAborted`,
			`${failing.id} MapStateFailed`,
			`${tail.at(-2)!.id} ExecutionFailed`,
		]);
		expect(tail.filter(event => event.type === 'MapIterationAborted').map(event => details(event).index)).toEqual([1, 2]);
		// Nothing from the aborted iterations after the failure.
		expect(events.filter(event => event.type === 'LambdaFunctionSucceeded')).toHaveLength(0);
	});
});

describe('Parallel, as AWS writes it', () => {
	test('a failing branch: ParallelStateFailed points at the failing event, ExecutionFailed at it', async () => {
		const {events, outcome} = await runEngine({StartAt: 'Both', States: {Both: {Type: 'Parallel', Branches: [{StartAt: 'B1', States: {B1: {Type: 'Fail', Error: 'FailureType'}}}], End: true}}});
		expect(outcome).toEqual({status: 'FAILED', error: 'FailureType'});
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 ParallelStateEntered', '3 2 ParallelStateStarted', '4 3 FailStateEntered', '5 4 ParallelStateFailed', '6 5 ExecutionFailed']);
		expect(details(events[5])).toEqual({error: 'FailureType'});
	});

	test('caught: ParallelStateFailed then ParallelStateExited with the error output', async () => {
		const {events} = await runEngine({StartAt: 'Both', States: {
			Both: {Type: 'Parallel', Branches: [{StartAt: 'B1', States: {B1: {Type: 'Fail', Error: 'FailureType', Cause: 'Cause description'}}}], Catch: [{ErrorEquals: ['States.ALL'], Next: 'Caught'}], End: true},
			Caught: pass(),
		}});
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 ParallelStateEntered', '3 2 ParallelStateStarted', '4 3 FailStateEntered', '5 4 ParallelStateFailed', '6 5 ParallelStateExited', '7 6 PassStateEntered', '8 7 PassStateExited', '9 8 ExecutionSucceeded']);
		expect(details(events[5])).toEqual({name: 'Both', output: '{"Error":"FailureType","Cause":"Cause description"}', outputDetails: {truncated: false}});
	});

	test('retried: ParallelStateStarted per attempt, one ParallelStateFailed', async () => {
		const {events} = await runEngine({StartAt: 'Both', States: {Both: {Type: 'Parallel', Branches: [{StartAt: 'B1', States: {B1: {Type: 'Fail', Error: 'FailureType', Cause: 'Cause description'}}}], Retry: [{ErrorEquals: ['FailureType'], IntervalSeconds: 0, MaxAttempts: 2}], End: true}}});
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 ParallelStateEntered', '3 2 ParallelStateStarted', '4 3 FailStateEntered', '5 4 ParallelStateStarted', '6 5 FailStateEntered', '7 6 ParallelStateStarted', '8 7 FailStateEntered', '9 8 ParallelStateFailed', '10 9 ExecutionFailed']);
	});

	test('success: branches start at ParallelStateStarted; ParallelStateSucceeded and the exit point at the last branch event; outputs in branch order', async () => {
		const {events, outcome} = await runEngine({StartAt: 'Both', States: {Both: {Type: 'Parallel', Branches: [
			{StartAt: 'B0', States: {B0: pass({Result: {branch: 0}})}},
			{StartAt: 'B1', States: {B1: pass({Result: {branch: 1}})}},
		], End: true}}});
		expect(outcome.output).toBe('[{"branch":0},{"branch":1}]');
		const started = events.find(event => event.type === 'ParallelStateStarted')!;
		const entered = events.filter(event => event.type === 'PassStateEntered');
		expect(entered.map(event => event.previousEventId)).toEqual([started.id, started.id]);
		const succeeded = events.find(event => event.type === 'ParallelStateSucceeded')!;
		const exited = events.find(event => event.type === 'ParallelStateExited')!;
		const lastBranchEvent = events.findLast(event => event.type === 'PassStateExited')!;
		expect([succeeded.previousEventId, exited.previousEventId]).toEqual([lastBranchEvent.id, lastBranchEvent.id]);
	});
});
