/*
 * DeleteStateMachine, the engine's part. AWS (DeleteStateMachine API reference;
 * re:Post "step functions stuck deleting status"): the machine is DELETING until
 * its executions end; a running one is ended at its next state transition with
 * ExecutionFailed {error: States.Runtime, cause: "State machine NAME has been
 * deleted."} — a state that is waiting is not cut short. No LocalStack recording.
 */
import {afterEach, expect, test} from 'vitest';
import {ExecutionRunner} from '../../../source/local/execution-runner.js';
import {Store} from '../../../source/local/store.js';
import type {StoredMachine} from '../../../source/local/store-types.js';
import {details, identity, shape} from './run-engine.js';

const stores: Store[] = [];
afterEach(() => {
	for (const store of stores.splice(0)) {
		store.close();
	}
});

function setUp(definition: unknown, name = 'Doomed', type: 'STANDARD' | 'EXPRESS' = 'STANDARD') {
	const store = new Store();
	stores.push(store);
	const runner = new ExecutionRunner(store, () => Object.create(null) as Record<string, never>, () => 'us-east-1');
	const machine: StoredMachine = {arn: `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`, name, definition: JSON.stringify(definition), roleArn: identity.roleArn, type, creationDate: Date.now()};
	store.putMachine(machine);
	let count = 0;
	const start = async (input = '{}') => runner.start(machine, `arn:aws:states:us-east-1:123456789012:${type === 'STANDARD' ? 'execution' : 'express'}:${name}:run-${++count}`, `run-${count}`, input);
	return {store, runner, machine, start};
}

const waitThenPass = {StartAt: 'Hold', States: {Hold: {Type: 'Wait', Seconds: 0.3, Next: 'After'}, After: {Type: 'Pass', End: true}}};

test('a running execution is not cut short: its Wait ends, then it fails at the transition with AWS\'s words', async () => {
	const {store, runner, start} = setUp(waitThenPass);
	const execution = await start();
	const started = Date.now();
	await runner.deleteMachine(execution.machineArn);
	expect(Date.now() - started).toBeGreaterThanOrEqual(250);
	expect(execution.status).toBe('FAILED');
	const events = store.eventsOf(execution);
	expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 WaitStateEntered', '3 2 WaitStateExited', '4 3 ExecutionFailed']);
	expect(details(events[3])).toEqual({error: 'States.Runtime', cause: 'State machine Doomed has been deleted.'});
});

test('the last state ending is a transition too: a one-state machine fails instead of succeeding', async () => {
	const {store, runner, start} = setUp({StartAt: 'Hold', States: {Hold: {Type: 'Wait', Seconds: 0.2, End: true}}});
	const execution = await start();
	await runner.deleteMachine(execution.machineArn);
	expect(shape(store.eventsOf(execution))).toEqual(['1 0 ExecutionStarted', '2 0 WaitStateEntered', '3 2 WaitStateExited', '4 3 ExecutionFailed']);
});

test('inside a Map iteration too, and no Catch takes it', async () => {
	const {runner, start} = setUp({StartAt: 'Each', States: {
		Each: {Type: 'Map', ItemsPath: '$.items', ItemProcessor: {StartAt: 'Hold', States: {Hold: {Type: 'Wait', Seconds: 0.2, Next: 'Then'}, Then: {Type: 'Pass', End: true}}}, Catch: [{ErrorEquals: ['States.ALL'], Next: 'Caught'}], End: true},
		Caught: {Type: 'Pass', End: true},
	}});
	const execution = await start('{"items":[1,2]}');
	await runner.deleteMachine(execution.machineArn);
	expect(execution).toMatchObject({status: 'FAILED', error: 'States.Runtime', cause: 'State machine Doomed has been deleted.'});
});

test('the promise resolves when the last running execution of the machine has ended; other machines go on', async () => {
	const doomed = setUp(waitThenPass);
	const first = await doomed.start();
	const second = await doomed.start();
	const other = await doomed.runner.start({...doomed.machine, arn: `${doomed.machine.arn}Other`, name: 'DoomedOther'}, 'arn:aws:states:us-east-1:123456789012:execution:DoomedOther:x', 'x', '{}');
	await doomed.runner.deleteMachine(doomed.machine.arn);
	expect([first.status, second.status]).toEqual(['FAILED', 'FAILED']);
	await doomed.runner.finished(other.arn);
	expect(other.status).toBe('SUCCEEDED');
});

test('with nothing running it resolves at once', async () => {
	const {runner, machine} = setUp(waitThenPass);
	await expect(runner.deleteMachine(machine.arn)).resolves.toBeUndefined();
});
