import {describe, expect, test} from 'vitest';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import {graphFromHistory} from '../../source/model/graph/graph-from-history.js';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import {historyEvents} from '../fixtures/aws/aws-history.js';
import {foldFixture, orderGraph} from '../helpers/histories.js';
import {mapStateRetryDefinition, mapStateRetryHistory, mapTaskRetryDefinition, mapTaskRetryHistory, parallelStateRetryDefinition, parallelStateRetryHistory} from '../fixtures/aws/container-retries.js';

describe('Map and Parallel states with Retry (issue 12 item 11)', () => {
	test('a Map state retried twice shows 3 attempts and the failure behind each retry', () => {
		const snapshot = foldEvents(createSnapshot(buildMachineGraph(mapStateRetryDefinition)), historyEvents(mapStateRetryHistory));
		const map = snapshot.states.get('MapState')!;
		expect(map).toMatchObject({status: 'FAILED', attempts: 3, error: 'HandleItemFailError', cause: 'HandleItemFailCause'});
		expect(map.retries).toEqual([
			{attempt: 1, error: 'HandleItemFailError', cause: 'HandleItemFailCause', failedAt: 1_764_000_000_700, retriedAt: 1_764_000_000_900},
			{attempt: 2, error: 'HandleItemFailError', cause: 'HandleItemFailCause', failedAt: 1_764_000_001_100, retriedAt: 1_764_000_001_300},
		]);
		expect(map.iterations).toEqual({total: 1, running: 0, succeeded: 0, failed: 1, aborted: 0});
		expect(snapshot.states.get('Final')!.status).toBe('NOT_STARTED');
	});

	test('between attempts the Map state is RETRYING, and RUNNING again once the next attempt starts', () => {
		const events = historyEvents(mapStateRetryHistory);
		const graph = buildMachineGraph(mapStateRetryDefinition);
		const afterFailure = foldEvents(createSnapshot(graph), events.filter(event => event.id <= 8));
		expect(afterFailure.states.get('MapState')).toMatchObject({status: 'RETRYING', attempts: 1, error: 'HandleItemFailError'});
		const retrying = foldEvents(createSnapshot(graph), events.filter(event => event.id <= 10));
		expect(retrying.states.get('MapState')).toMatchObject({status: 'RUNNING', attempts: 2});
		expect(retrying.states.get('MapState')!.iterations).toMatchObject({total: 1, running: 1, failed: 0});
		expect(retrying.activeStates).toContain('MapState');
	});

	test('a Parallel state retried twice shows 3 attempts', () => {
		const snapshot = foldEvents(createSnapshot(buildMachineGraph(parallelStateRetryDefinition)), historyEvents(parallelStateRetryHistory));
		const parallel = snapshot.states.get('ParallelState')!;
		expect(parallel).toMatchObject({status: 'FAILED', attempts: 3, error: 'FailureType'});
		expect(parallel.retries?.map(retry => [retry.attempt, retry.error, retry.cause])).toEqual([[1, 'FailureType', 'Cause description'], [2, 'FailureType', 'Cause description']]);
	});

	test('a task failure inside a retried Map is the failure named for that retry; a later success is SUCCEEDED with 2 attempts', () => {
		const snapshot = foldEvents(createSnapshot(buildMachineGraph(mapTaskRetryDefinition)), historyEvents(mapTaskRetryHistory));
		const map = snapshot.states.get('MapState')!;
		expect(map).toMatchObject({status: 'SUCCEEDED', attempts: 2});
		expect(map.error).toBeUndefined();
		expect(map.retries).toEqual([{attempt: 1, error: 'Boom', cause: '{"errorMessage":"disk full","errorType":"Boom"}', failedAt: 1_764_000_000_800, retriedAt: 1_764_000_001_000}]);
		expect(map.iterations).toEqual({total: 1, running: 0, succeeded: 1, failed: 0, aborted: 0});
	});

	test('without the definition (replay with no --definition) the attempts still count', () => {
		const events = historyEvents(mapStateRetryHistory);
		const snapshot = foldEvents(createSnapshot(graphFromHistory(events)), events);
		expect(snapshot.states.get('MapState')).toMatchObject({status: 'FAILED', attempts: 3});
		expect(snapshot.states.get('MapState')!.retries).toHaveLength(2);
	});

	test('a retried task lists its retries the same way; a task entered again by its Map\'s retry has none', () => {
		const order = foldFixture('order-retry-then-success.json', orderGraph());
		expect(order.states.get('ReserveInventory')!.retries?.map(retry => [retry.attempt, retry.error])).toEqual([[1, 'Lambda.TooManyRequestsException'], [2, 'Lambda.TooManyRequestsException']]);
		const map = foldEvents(createSnapshot(buildMachineGraph(mapTaskRetryDefinition)), historyEvents(mapTaskRetryHistory));
		expect(map.states.get('Work')!.retries).toBeUndefined();
	});

	test('any split into chunks gives the same attempts', () => {
		const events = historyEvents(mapStateRetryHistory);
		const graph = buildMachineGraph(mapStateRetryDefinition);
		const whole = foldEvents(createSnapshot(graph), events);
		for (let size = 1; size <= 5; size++) {
			let snapshot = createSnapshot(graph);
			for (let index = 0; index < events.length; index += size) {
				snapshot = foldEvents(snapshot, events.slice(index, index + size));
			}

			expect(snapshot.states.get('MapState')).toEqual(whole.states.get('MapState'));
		}
	});
});
