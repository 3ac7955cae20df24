/*
 * Issue 12 item 3: no execution is ever stuck. Whatever happens inside the
 * engine, the execution ends with its events written.
 */
import {describe, expect, test} from 'vitest';
import {maxHistoryEvents} from '../../../source/local/engine/history-writer.js';
import {runExecution, type WireEvent} from '../../../source/local/engine/run-execution.js';
import {details, handlersOf, identity, lambdaArn, runEngine, shape} from './run-engine.js';

/** A Pass loop that never ends by itself. */
const loop = {StartAt: 'Count', States: {
	Count: {Type: 'Pass', Next: 'Again'},
	Again: {Type: 'Choice', Choices: [{Variable: '$.stop', BooleanEquals: true, Next: 'Done'}], Default: 'Count'},
	Done: {Type: 'Succeed'},
}};

describe('no execution is ever stuck', () => {
	test('StopExecution ends it ABORTED at once, even while a handler never returns; nothing is written after', async () => {
		const events: WireEvent[] = [];
		const running = runExecution({
			definition: {StartAt: 'Hang', States: {Hang: {Type: 'Task', Resource: lambdaArn('hang'), End: true}}},
			input: '{}', identity, region: 'us-east-1', accountId: '123456789012',
			handlers: handlersOf({hang: async () => new Promise(() => {/* Never settles. */})}),
			onEvent(event) {
				events.push(event);
			},
			onLog() {/* Not needed. */},
		});
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		running.stop('Operator', 'stopped by a test');
		// AWS points ExecutionAborted at 0 (LocalStack v2/test_sfn_api.snapshot.json test_stop_execution).
		expect(events.at(-1)).toMatchObject({type: 'ExecutionAborted', previousEventId: 0, executionAbortedEventDetails: {error: 'Operator', cause: 'stopped by a test'}});
		expect(await running.outcome).toEqual({status: 'ABORTED', error: 'Operator', cause: 'stopped by a test'});
		const count = events.length;
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		expect(events).toHaveLength(count);
	});

	test('a history that reaches 25,000 events fails the execution with States.Runtime; the failure is event 25,000', async () => {
		const {events, outcome} = await runEngine(loop, {stop: false});
		expect(events).toHaveLength(maxHistoryEvents);
		expect(events.at(-1)).toMatchObject({id: maxHistoryEvents, type: 'ExecutionFailed'});
		expect(outcome.status).toBe('FAILED');
		expect(outcome.error).toBe('States.Runtime');
		expect(outcome.cause).toContain('25000');
	});

	test('a redrive of an execution that reached the limit fails again at once, with its failure written', async () => {
		const first = await runEngine(loop, {stop: false});
		const second = await runEngine(loop, {stop: false}, {}, {identity: {...identity, redriveCount: 1}, redrive: {previousEvents: first.events}});
		expect(second.outcome).toMatchObject({status: 'FAILED', error: 'States.Runtime'});
		expect(second.events).toEqual([expect.objectContaining({id: maxHistoryEvents + 1, type: 'ExecutionFailed'})]);
	});

	test('a long run of Pass states gives the event loop turns while it runs', async () => {
		let turns = 0;
		let running = true;
		const tick = () => {
			if (running) {
				turns++;
				setImmediate(tick);
			}
		};

		setImmediate(tick);
		await runEngine(loop, {stop: false});
		running = false;
		// 25,000 events of pure computation: without fairTurn() the loop gets no turn at all until the end.
		expect(turns).toBeGreaterThan(3);
	});

	test('an input nested 5,000 deep runs through and is written as it came', async () => {
		const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
		const {events, outcome} = await runEngine({StartAt: 'Through', States: {Through: {Type: 'Pass', End: true}}}, deep);
		expect(outcome).toEqual({status: 'SUCCEEDED', output: deep});
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 PassStateEntered', '3 2 PassStateExited', '4 3 ExecutionSucceeded']);
	});

	test('a handler that throws something that is not an Error still fails only its task', async () => {
		const {events, outcome} = await runEngine({StartAt: 'Odd', States: {Odd: {Type: 'Task', Resource: lambdaArn('odd'), End: true}}}, {}, handlersOf({
			odd() {
				// eslint-disable-next-line @typescript-eslint/only-throw-error
				throw 'a string';
			},
		}));
		expect(outcome.status).toBe('FAILED');
		// Lambda's Node.js runtime names a thrown non-Error by its typeof, with its text as the message.
		expect(details(events.at(-2))).toEqual({error: 'string', cause: JSON.stringify({errorType: 'string', errorMessage: 'a string', trace: []})});
	});

	test('an execution TimeoutSeconds ends it TIMED_OUT while a state still runs', async () => {
		const {events, outcome} = await runEngine({TimeoutSeconds: 1, StartAt: 'Hang', States: {Hang: {Type: 'Wait', Seconds: 3600, End: true}}});
		expect(outcome).toEqual({status: 'TIMED_OUT', error: 'States.Timeout'});
		expect(events.at(-1)).toMatchObject({type: 'ExecutionTimedOut', executionTimedOutEventDetails: {error: 'States.Timeout'}});
	});
});

describe('resources serve cannot run', () => {
	test('an activity task fails the execution at once, saying why, instead of waiting forever', async () => {
		const {outcome} = await runEngine({StartAt: 'Work', States: {Work: {Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:Worker', End: true}}});
		expect(outcome.status).toBe('FAILED');
		expect(outcome.error).toBe('States.Runtime');
		expect(outcome.cause).toContain('does not run activities');
	});
});
