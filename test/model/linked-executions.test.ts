import {describe, expect, test} from 'vitest';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import {historyEvents} from '../fixtures/aws/aws-history.js';
import {childArn, distributedMapDefinition, distributedMapHistory, failedChildHistory, failedMapRunHistory, mapRunArn, nestedParentDefinition, nestedParentHistory} from '../fixtures/aws/linked-executions.js';

describe('Distributed Map: the map run in the parent\'s history', () => {
	test('MapRunStarted names the run; MapRunSucceeded ends it; the Map state succeeds', () => {
		const graph = buildMachineGraph(distributedMapDefinition);
		const events = historyEvents(distributedMapHistory);
		const running = foldEvents(createSnapshot(graph), events.slice(0, 4));
		expect(running.states.get('ProcessBatch')).toMatchObject({status: 'RUNNING', mapRun: {arn: mapRunArn, status: 'RUNNING'}});
		const done = foldEvents(createSnapshot(graph), events);
		expect(done.states.get('ProcessBatch')).toMatchObject({status: 'SUCCEEDED', attempts: 1, mapRun: {arn: mapRunArn, status: 'SUCCEEDED'}});
		// No iteration events in a Distributed Map's history: no iteration counts that would read 0/3.
		expect(done.states.get('ProcessBatch')!.iterations).toBeUndefined();
	});

	test('MapRunFailed: the run and the Map state fail with its error and cause', () => {
		const snapshot = foldEvents(createSnapshot(buildMachineGraph(distributedMapDefinition)), historyEvents(failedMapRunHistory));
		expect(snapshot.states.get('ProcessBatch')).toMatchObject({
			status: 'FAILED',
			error: 'States.ItemReaderFailed',
			cause: 'Attempting to map over non-iterable node.',
			mapRun: {arn: mapRunArn, status: 'FAILED', error: 'States.ItemReaderFailed'},
		});
	});
});

describe('nested executions: the child a startExecution task started', () => {
	test('.sync:2: the child is known from TaskSubmitted, while the parent waits', () => {
		const events = historyEvents(nestedParentHistory);
		const waiting = foldEvents(createSnapshot(buildMachineGraph(nestedParentDefinition)), events.slice(0, 5));
		expect(waiting.states.get('PlaceOrder')).toMatchObject({status: 'RUNNING', childExecutions: [childArn], resource: 'arn:aws:states:::states:startExecution.sync:2'});
		const done = foldEvents(createSnapshot(buildMachineGraph(nestedParentDefinition)), events);
		expect(done.states.get('PlaceOrder')).toMatchObject({status: 'SUCCEEDED', childExecutions: [childArn]});
	});

	test('a failed child: TaskFailed\'s cause names it', () => {
		const events = historyEvents(failedChildHistory).filter(event => event.type !== 'TaskSubmitted');
		const snapshot = foldEvents(createSnapshot(buildMachineGraph(nestedParentDefinition)), events);
		expect(snapshot.states.get('PlaceOrder')).toMatchObject({status: 'FAILED', error: 'States.TaskFailed', childExecutions: [childArn]});
	});
});
