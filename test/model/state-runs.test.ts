import {describe, expect, test} from 'vitest';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import {StateRunLog} from '../../source/model/history/state-runs.js';
import type {HistoryEvent} from '../../source/model/types.js';
import {historyEvents} from '../fixtures/aws/aws-history.js';
import {mapStateRetryHistory, mapTaskRetryHistory, parallelStateRetryHistory} from '../fixtures/aws/container-retries.js';
import {loadEvents} from '../helpers/histories.js';
import {events, iteration, named} from '../helpers/event-builder.js';

const statuses = (log: StateRunLog) => Object.fromEntries(log.runs.map(run => [run.path, `${run.status}${run.attempts > 1 ? ` x${run.attempts}` : ''}`]));

describe('state runs: one run per state path', () => {
	test('a flat workflow: one run per state, in start order, with its time span', () => {
		const log = new StateRunLog().add(loadEvents('order-success.json'));
		expect(log.runs.map(run => run.path)).toEqual(['ValidateOrder', 'ReserveInventory', 'ChargeCustomer', 'ShipOrder']);
		expect(log.execution.status).toBe('SUCCEEDED');
		const validate = log.run('ValidateOrder')!;
		expect(validate.exitedAt! - validate.enteredAt!).toBeGreaterThan(0);
		expect(validate.segments).toEqual([{kind: 'run', start: validate.enteredAt, end: validate.exitedAt}]);
	});

	test('retries are separate segments with the backoff between them as waiting', () => {
		const log = new StateRunLog().add(loadEvents('order-retry-then-success.json'));
		const reserve = log.run('ReserveInventory')!;
		expect(reserve).toMatchObject({status: 'SUCCEEDED', attempts: 3});
		expect(reserve.segments.map(segment => segment.kind)).toEqual(['failed', 'wait', 'failed', 'wait', 'run']);
		// Each segment starts where the one before it ended: a continuous bar.
		for (let index = 1; index < reserve.segments.length; index++) {
			expect(reserve.segments[index].start).toBe(reserve.segments[index - 1].end);
		}
	});

	test('a Map: one run per iteration, the failed iteration FAILED, the Map failed with it', () => {
		const log = new StateRunLog().add(loadEvents('map-failed-iteration.json'));
		expect(statuses(log)).toEqual({
			ProcessItems: 'FAILED',
			'ProcessItems[0]/ProcessItem': 'SUCCEEDED',
			'ProcessItems[1]/ProcessItem': 'FAILED',
			'ProcessItems[2]/ProcessItem': 'SUCCEEDED',
		});
		expect(log.lanesOf('ProcessItems').map(lane => `${lane.key} ${lane.status}`)).toEqual(['ProcessItems[0] SUCCEEDED', 'ProcessItems[1] FAILED', 'ProcessItems[2] SUCCEEDED']);
		expect(log.run('ProcessItems[1]/ProcessItem')!.error).toBe('ItemInvalid');
	});

	test('Parallel branches are lanes; a branch state\'s path is the Parallel\'s and its own name', () => {
		const log = new StateRunLog().add(loadEvents('parallel-success.json'));
		expect(Object.keys(statuses(log))).toEqual(['FanOut', 'FanOut/NotifyWarehouse', 'FanOut/EmailCustomer']);
		expect(log.lanesOf('FanOut').map(lane => lane.key)).toEqual(['FanOut{0}', 'FanOut{1}']);
		expect(log.run('FanOut/EmailCustomer')!.lane!.key).toBe('FanOut{1}');
	});

	test('the branch index comes from the definition when it is known', () => {
		const log = new StateRunLog(name => ({NotifyWarehouse: 1, EmailCustomer: 0})[name]).add(loadEvents('parallel-success.json'));
		expect(log.run('FanOut/EmailCustomer')!.lane!.key).toBe('FanOut{0}');
	});

	// Shaped after AWS's recorded history of a Map inside a Map (LocalStack
	// tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.snapshot.json,
	// test_map_state_nested): iterations run one after another, so each
	// MapIterationStarted points at the previous iteration's last event, and
	// MapStateSucceeded/MapStateExited point at the last iteration's end.
	const nestedMaps = events([
		[1, 0, 'ExecutionStarted'],
		[2, 1, 'MapStateEntered', named('Outer')],
		[3, 2, 'MapStateStarted', {length: 2}],
		[4, 3, 'MapIterationStarted', iteration('Outer', 0)],
		[5, 4, 'MapStateEntered', named('Inner')],
		[6, 5, 'MapStateStarted', {length: 2}],
		[7, 6, 'MapIterationStarted', iteration('Inner', 0)],
		[8, 7, 'PassStateEntered', named('Leaf', {input: '1'})],
		[9, 8, 'PassStateExited', named('Leaf', {output: '1'})],
		[10, 9, 'MapIterationSucceeded', iteration('Inner', 0)],
		[11, 9, 'MapIterationStarted', iteration('Inner', 1)],
		[12, 11, 'PassStateEntered', named('Leaf', {input: '2'})],
		[13, 12, 'PassStateExited', named('Leaf', {output: '2'})],
		[14, 13, 'MapIterationSucceeded', iteration('Inner', 1)],
		[15, 14, 'MapStateSucceeded'],
		[16, 14, 'MapStateExited', named('Inner')],
		[17, 16, 'MapIterationSucceeded', iteration('Outer', 0)],
		[18, 16, 'MapIterationStarted', iteration('Outer', 1)],
		[19, 18, 'MapStateEntered', named('Inner')],
		[20, 19, 'MapStateStarted', {length: 1}],
		[21, 20, 'MapIterationStarted', iteration('Inner', 0)],
		[22, 21, 'PassStateEntered', named('Leaf', {input: '3'})],
		[23, 22, 'PassStateExited', named('Leaf', {output: '3'})],
		[24, 23, 'MapIterationSucceeded', iteration('Inner', 0)],
		[25, 24, 'MapStateSucceeded'],
		[26, 24, 'MapStateExited', named('Inner')],
		[27, 26, 'MapIterationSucceeded', iteration('Outer', 1)],
		[28, 27, 'MapStateSucceeded'],
		[29, 27, 'MapStateExited', named('Outer')],
		[30, 29, 'ExecutionSucceeded'],
	]);

	test('nested Maps: every iteration of every level is its own path', () => {
		const log = new StateRunLog().add(nestedMaps);
		expect(statuses(log)).toEqual({
			Outer: 'SUCCEEDED',
			'Outer[0]/Inner': 'SUCCEEDED',
			'Outer[0]/Inner[0]/Leaf': 'SUCCEEDED',
			'Outer[0]/Inner[1]/Leaf': 'SUCCEEDED',
			'Outer[1]/Inner': 'SUCCEEDED',
			'Outer[1]/Inner[0]/Leaf': 'SUCCEEDED',
		});
		expect(log.run('Outer[0]/Inner[1]/Leaf')!.input).toBe('2');
		expect(log.run('Outer[1]/Inner[0]/Leaf')!.lane!.depth).toBe(2);
	});

	test('the same answer however the history arrives in pieces', () => {
		const whole = statuses(new StateRunLog().add(nestedMaps));
		const pieces = new StateRunLog();
		for (let index = 0; index < nestedMaps.length; index += 4) {
			pieces.add(nestedMaps.slice(index, index + 4));
			pieces.add(nestedMaps.slice(0, index)); // Pages read twice change nothing
		}

		expect(statuses(pieces)).toEqual(whole);
	});

	// AWS retries a Map by starting it again: MapStateStarted points into the failed iteration
	// (test_base_scenarios: test_map_state_retry); a Parallel the same way (test_parallel_state_retry).
	test('a retried Map is one run with an attempt per start; the Fail state inside is what failed', () => {
		const log = new StateRunLog().add(events([
			[1, 0, 'ExecutionStarted'],
			[2, 1, 'MapStateEntered', named('Items')],
			[3, 2, 'MapStateStarted', {length: 1}],
			[4, 3, 'MapIterationStarted', iteration('Items', 0)],
			[5, 4, 'FailStateEntered', named('Boom')],
			[6, 5, 'MapIterationFailed', iteration('Items', 0)],
			[7, 5, 'MapStateStarted', {length: 1}],
			[8, 7, 'MapIterationStarted', iteration('Items', 0)],
			[9, 8, 'FailStateEntered', named('Boom')],
			[10, 9, 'MapIterationFailed', iteration('Items', 0)],
			[11, 9, 'MapStateFailed'],
			[12, 11, 'ExecutionFailed', {error: 'BoomError', cause: 'it broke'}],
		]));
		expect(statuses(log)).toEqual({Items: 'FAILED x2', 'Items[0]/Boom': 'FAILED x2'});
		expect(log.run('Items[0]/Boom')!.error).toBe('BoomError');
		expect(log.run('Items')!.segments.map(segment => segment.kind)).toEqual(['failed', 'failed']);
	});

	test('the critical path follows the slowest Parallel branch', () => {
		const log = new StateRunLog().add(events([
			[1, 0, 'ExecutionStarted'],
			[2, 1, 'ParallelStateEntered', named('Both')],
			[3, 2, 'ParallelStateStarted'],
			[4, 3, 'PassStateEntered', named('Quick')],
			[5, 3, 'TaskStateEntered', named('Slow')],
			[6, 4, 'PassStateExited', named('Quick')],
			[7, 5, 'TaskScheduled'],
			[8, 7, 'TaskSucceeded'],
			[9, 8, 'TaskStateExited', named('Slow')],
			[10, 9, 'ParallelStateSucceeded'],
			[11, 10, 'ParallelStateExited', named('Both')],
			[12, 11, 'PassStateEntered', named('After')],
			[13, 12, 'PassStateExited', named('After')],
			[14, 13, 'ExecutionSucceeded'],
		]));
		const critical = log.criticalPath();
		expect([...critical.runs].toSorted()).toEqual(['After', 'Both', 'Both/Slow']);
		expect([...critical.lanes]).toEqual(['Both{1}']);
	});

	test('a running execution: open runs have an open segment, and the critical path ends at the newest event', () => {
		const all = loadEvents('order-success.json');
		const log = new StateRunLog().add(all.slice(0, 9));
		const running = log.runs.filter(run => run.status === 'RUNNING');
		expect(running.map(run => run.path)).toEqual(['ReserveInventory']);
		expect(running[0].segments.at(-1)!.end).toBeUndefined();
		expect(log.criticalPath().runs.has('ReserveInventory')).toBe(true);
	});
});

describe('state runs agree with the fold', () => {
	const fixtures = ['order-success.json', 'order-failed-at-charge.json', 'order-retry-then-success.json', 'order-aborted.json', 'order-redriven.json', 'catch-then-fail.json', 'execution-timed-out.json', 'task-timed-out.json', 'map-failed-iteration.json', 'parallel-success.json'];
	const aws = {mapStateRetryHistory, parallelStateRetryHistory, mapTaskRetryHistory};
	const cases: Array<[string, HistoryEvent[]]> = [...fixtures.map((name): [string, HistoryEvent[]] => [name, loadEvents(name)]), ...Object.entries(aws).map(([name, specs]): [string, HistoryEvent[]] => [name, historyEvents(specs)])];

	test.each(cases)('%s: every top-level state has the fold\'s status and attempts', (_, history) => {
		const snapshot = foldEvents(createSnapshot(), history);
		const log = new StateRunLog().add(history);
		const topLevel = log.runs.filter(run => !run.lane);
		expect(topLevel.length).toBeGreaterThan(0);
		for (const run of topLevel) {
			const state = snapshot.states.get(run.name)!;
			expect({name: run.name, status: run.status, attempts: run.attempts}).toEqual({name: run.name, status: state.status, attempts: state.attempts});
		}

		expect(log.execution.status).toBe(snapshot.status);
	});
});
