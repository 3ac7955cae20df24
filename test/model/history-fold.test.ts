import {describe, expect, test} from 'vitest';
import {branchStatuses} from '../../source/model/history/branch-statuses.js';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import type {HistoryEvent} from '../../source/model/types.js';
import {foldFixture, loadEvents, loadGraph, orderGraph, summary} from '../helpers/histories.js';

describe('history fold: what the console would show', () => {
	test('order workflow that succeeded', () => {
		const snapshot = foldFixture('order-success.json', orderGraph());
		expect(snapshot.status).toBe('SUCCEEDED');
		expect(summary(snapshot)).toEqual({ValidateOrder: 'SUCCEEDED', ReserveInventory: 'SUCCEEDED', ChargeCustomer: 'SUCCEEDED', ShipOrder: 'SUCCEEDED'});
		expect(snapshot.activeStates).toEqual([]);
		const validate = snapshot.states.get('ValidateOrder')!;
		expect(validate.attempts).toBe(1);
		expect(validate.resource).toBe('arn:aws:lambda:us-east-1:123456789012:function:validate-order');
		expect(validate.durationMs).toBeGreaterThan(0);
		expect(validate.input).toBe('{"orderId": "12345"}');
		expect(snapshot.startDate).toBeGreaterThan(1_700_000_000_000);
		expect(snapshot.stopDate).toBeGreaterThan(snapshot.startDate!);
	});

	test('failure at ChargeCustomer: that state FAILED with the error, the rest untouched', () => {
		const snapshot = foldFixture('order-failed-at-charge.json', orderGraph());
		expect(snapshot.status).toBe('FAILED');
		expect(snapshot.error).toBe('PaymentDeclined');
		expect(summary(snapshot)).toEqual({ValidateOrder: 'SUCCEEDED', ReserveInventory: 'SUCCEEDED', ChargeCustomer: 'FAILED PaymentDeclined', ShipOrder: 'NOT_STARTED'});
		expect(snapshot.states.get('ChargeCustomer')!.cause).toContain('Card declined');
	});

	test('a retry that later succeeds is SUCCEEDED with attempts > 1', () => {
		const snapshot = foldFixture('order-retry-then-success.json', orderGraph());
		expect(snapshot.states.get('ReserveInventory')).toMatchObject({status: 'SUCCEEDED', attempts: 3});
	});

	test('a state is RETRYING between a failed attempt and the next one', () => {
		const events = loadEvents('order-retry-then-success.json');
		const firstFailure = events.findIndex(event => event.type === 'LambdaFunctionFailed');
		const snapshot = foldEvents(createSnapshot(orderGraph()), events.slice(0, firstFailure + 1));
		expect(snapshot.states.get('ReserveInventory')!.status).toBe('RETRYING');
		expect(snapshot.activeStates).toEqual(['ReserveInventory']);
	});

	test('a caught failure is CAUGHT, and the Fail state that ended the execution is FAILED', () => {
		const snapshot = foldFixture('catch-then-fail.json', loadGraph('catch-definition.json'));
		expect(summary(snapshot)).toEqual({
			ValidateOrder: 'SUCCEEDED',
			ChargeCustomer: 'CAUGHT PaymentDeclined',
			ShipOrder: 'NOT_STARTED',
			Refund: 'SUCCEEDED',
			OrderFailed: 'FAILED OrderFailed',
		});
	});

	test('a task that timed out is TIMED_OUT', () => {
		const snapshot = foldFixture('task-timed-out.json', orderGraph());
		expect(snapshot.states.get('ValidateOrder')!.status).toBe('TIMED_OUT');
		expect(snapshot.status).toBe('FAILED');
	});

	test('an execution that timed out leaves its running state TIMED_OUT', () => {
		const snapshot = foldFixture('execution-timed-out.json');
		expect(snapshot.status).toBe('TIMED_OUT');
		expect(snapshot.states.get('WaitForPayment')!.status).toBe('TIMED_OUT');
	});

	test('an aborted execution leaves its running state ABORTED', () => {
		const snapshot = foldFixture('order-aborted.json', orderGraph());
		expect(snapshot.status).toBe('ABORTED');
		expect(summary(snapshot)).toMatchObject({ValidateOrder: 'SUCCEEDED', ReserveInventory: 'ABORTED', ChargeCustomer: 'NOT_STARTED'});
		expect(snapshot.error).toBe('Operator');
	});

	test('Map: iteration counts, and the failed iteration fails the Map', () => {
		const snapshot = foldFixture('map-failed-iteration.json', loadGraph('map-definition.json'));
		expect(snapshot.states.get('ProcessItems')!.iterations).toEqual({total: 3, running: 0, succeeded: 2, failed: 1, aborted: 0});
		expect(snapshot.states.get('ProcessItems')!.status).toBe('FAILED');
		expect(snapshot.states.get('ProcessItem')!.attempts).toBe(3);
	});

	test('Map while running counts running iterations', () => {
		const events = loadEvents('map-failed-iteration.json');
		const secondStart = events.filter(event => event.type === 'MapIterationStarted')[1];
		const snapshot = foldEvents(createSnapshot(loadGraph('map-definition.json')), events.filter(event => event.id <= secondStart.id));
		expect(snapshot.states.get('ProcessItems')!.iterations).toMatchObject({total: 3, running: 1, succeeded: 1});
		expect(snapshot.activeStates[0]).toBe('ProcessItems');
	});

	test('Parallel: per-branch status', () => {
		const graph = loadGraph('parallel-definition.json');
		const snapshot = foldFixture('parallel-success.json', graph);
		expect(snapshot.states.get('FanOut')!.status).toBe('SUCCEEDED');
		expect(branchStatuses(snapshot, graph, 'FanOut')).toEqual(['SUCCEEDED', 'SUCCEEDED']);
		const events = loadEvents('parallel-success.json');
		const partial = foldEvents(createSnapshot(graph), events.filter(event => ['ExecutionStarted', 'ParallelStateStarted'].includes(event.type) || (event.type !== 'TaskStateExited' && event.type !== 'LambdaFunctionSucceeded' && !event.type.startsWith('Parallel') && !event.type.startsWith('Execution'))));
		expect(branchStatuses(partial, graph, 'FanOut')).toEqual(['SUCCEEDED', 'RUNNING']);
	});

	test('redrive: the states that rerun update, the others keep their earlier result', () => {
		const snapshot = foldFixture('order-redriven.json', orderGraph());
		expect(snapshot.status).toBe('SUCCEEDED');
		expect(snapshot.redriveCount).toBe(1);
		expect(snapshot.error).toBeUndefined();
		expect(summary(snapshot)).toEqual({ValidateOrder: 'SUCCEEDED', ReserveInventory: 'SUCCEEDED', ChargeCustomer: 'SUCCEEDED x2', ShipOrder: 'SUCCEEDED'});
	});

	test('Express execution records from CloudWatch Logs fold the same way, request ids included', () => {
		const snapshot = foldFixture('express-records.jsonl');
		expect(snapshot.status).toBe('SUCCEEDED');
		expect(summary(snapshot)).toEqual({RecordEvent: 'SUCCEEDED', Publish: 'SUCCEEDED'});
		expect(snapshot.states.get('Publish')!.requestIds).toEqual(['8f0e2c1a-1111-2222-3333-444455556666']);
		expect(snapshot.states.get('Publish')!.resource).toBe('arn:aws:states:::lambda:invoke');
	});

	test('an unknown future event type is counted and never crashes', () => {
		const events = loadEvents('order-success.json');
		const withUnknown = [...events.slice(0, 3), {id: 999, previousEventId: 3, timestamp: undefined, type: 'QuantumStateEntangled', details: {weird: true}} satisfies HistoryEvent, ...events.slice(3)];
		const snapshot = foldEvents(createSnapshot(orderGraph()), withUnknown);
		expect(snapshot.status).toBe('SUCCEEDED');
		expect(snapshot.eventCount).toBe(events.length + 1);
	});

	test('unreadable timestamps are unknown, not fatal', () => {
		const events = loadEvents('order-success.json').map(event => ({...event, timestamp: undefined}));
		const snapshot = foldEvents(createSnapshot(orderGraph()), events);
		expect(snapshot.status).toBe('SUCCEEDED');
		expect(snapshot.startDate).toBeUndefined();
		expect(snapshot.states.get('ShipOrder')!.durationMs).toBeUndefined();
	});

	test('folding never changes the snapshot it was given', () => {
		const events = loadEvents('order-success.json');
		const first = foldEvents(createSnapshot(orderGraph()), events.slice(0, 5));
		const before = summary(first);
		const second = foldEvents(first, events.slice(5));
		expect(summary(first)).toEqual(before);
		expect(second).not.toBe(first);
		// Folding an older snapshot again still gives the right answer.
		expect(summary(foldEvents(first, events.slice(5)))).toEqual(summary(second));
	});
});

/** Seeded PRNG (mulberry32) so a failing split can be reproduced. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		// eslint-disable-next-line unicorn/prefer-math-trunc -- `| 0` wraps to 32 bits (mulberry32), it does not truncate
		state = (state + 0x6D_2B_79_F5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

describe('history fold: incremental and idempotent', () => {
	const fixtures = ['order-success.json', 'order-redriven.json', 'catch-then-fail.json', 'map-failed-iteration.json', 'parallel-success.json', 'order-aborted.json'];
	test.each(fixtures)('%s: any split into chunks, and repeated pages, give the same snapshot', fixture => {
		const events = loadEvents(fixture);
		const whole = foldEvents(createSnapshot(), events);
		for (let seed = 1; seed <= 25; seed++) {
			const next = random(seed);
			let snapshot = createSnapshot();
			let index = 0;
			while (index < events.length) {
				const size = 1 + Math.floor(next() * 6);
				const chunk = events.slice(index, index + size);
				snapshot = foldEvents(snapshot, chunk);
				if (next() < 0.4) {
					// A follower re-reading an overlapping page.
					snapshot = foldEvents(snapshot, events.slice(Math.max(0, index - 3), index + size));
				}

				index += size;
			}

			expect(summary(snapshot)).toEqual(summary(whole));
			expect(snapshot.eventCount).toBe(whole.eventCount);
			expect(snapshot.status).toBe(whole.status);
			expect(snapshot.lastEventId).toBe(whole.lastEventId);
		}
	});

	test('events whose ids repeat across concurrent branches still count', () => {
		const events = loadEvents('parallel-success.json').map(event => (event.type.endsWith('StateEntered') || event.type.endsWith('StateExited') ? {...event, id: 100} : event));
		const snapshot = foldEvents(createSnapshot(), events);
		expect(snapshot.states.get('NotifyWarehouse')!.status).toBe('SUCCEEDED');
		expect(snapshot.states.get('EmailCustomer')!.status).toBe('SUCCEEDED');
	});
});

describe('Map and Parallel progress events belong to their container', () => {
	test('ParallelStateSucceeded whose previous event is in a branch is the Parallel state\'s, not the branch state\'s', async () => {
		const {EventOwners} = await import('../../source/model/history/event-owners.js');
		const events = loadEvents('parallel-success.json');
		const owners = new EventOwners();
		const byType = new Map(events.map(event => [event.type, owners.stateOf(event)]));
		expect(byType.get('ParallelStateStarted')).toBe('FanOut');
		expect(byType.get('ParallelStateSucceeded')).toBe('FanOut');
		expect(byType.get('ExecutionSucceeded')).toBeUndefined();
	});

	test('a ParallelStateFailed after a branch failure fails the Parallel state, not the branch state twice', () => {
		const graph = loadGraph('parallel-definition.json');
		const events = loadEvents('parallel-success.json').filter(event => !['ParallelStateSucceeded', 'ParallelStateExited', 'ExecutionSucceeded', 'TaskStateExited', 'LambdaFunctionSucceeded'].includes(event.type));
		const last = events.at(-1)!;
		const failed: HistoryEvent[] = [
			...events,
			{id: 100, previousEventId: last.id, timestamp: undefined, type: 'LambdaFunctionFailed', details: {error: 'Boom', cause: 'x'}},
			{id: 101, previousEventId: 100, timestamp: undefined, type: 'ParallelStateFailed', details: {}},
			{id: 102, previousEventId: 101, timestamp: undefined, type: 'ExecutionFailed', details: {error: 'Boom', cause: 'x'}},
		];
		const snapshot = foldEvents(createSnapshot(graph), failed);
		expect(snapshot.states.get('EmailCustomer')).toMatchObject({status: 'FAILED', error: 'Boom'});
		expect(snapshot.states.get('FanOut')!.status).toBe('FAILED');
		expect(snapshot.states.get('NotifyWarehouse')!.status).toBe('SUCCEEDED');
	});
});
