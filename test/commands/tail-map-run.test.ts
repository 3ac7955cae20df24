import {describe, expect, test} from 'vitest';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import type {ExecutionData, MapRunDescription} from '../../source/model/types.js';
import {tailExecution} from '../../source/commands/tail-runner.js';
import {historyEvents, type EventSpec} from '../fixtures/aws/aws-history.js';
import {distributedMapDefinition, distributedMapHistory, failedMapRunHistory, mapRunArn, parentArn} from '../fixtures/aws/linked-executions.js';
import {fakeSession, fixedFollower} from '../ui/fake-session.js';

/* `sfntop tail` of a parent with a Distributed Map prints the map run's progress (DescribeMapRun), which its history does not hold. */

function data(specs: EventSpec[]): ExecutionData {
	const graph = buildMachineGraph(distributedMapDefinition);
	const events = historyEvents(specs);
	const snapshot = foldEvents(createSnapshot(graph), events);
	return {description: {arn: parentArn, name: 'nightly', machineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:BatchMachine', machineName: 'BatchMachine', status: snapshot.status, redriveCount: 0}, graph, snapshot, events};
}

const run = (succeeded: number, running: number, status: MapRunDescription['status'] = 'RUNNING'): MapRunDescription => {
	const counts = {pending: 3 - succeeded - running, running, succeeded, failed: 0, timedOut: 0, aborted: 0, total: 3, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0};
	return {arn: mapRunArn, executionArn: parentArn, status, maxConcurrency: 5, toleratedFailurePercentage: 0, toleratedFailureCount: 0, itemCounts: counts, executionCounts: counts};
};

function capture() {
	let text = '';
	const stdout = {
		write(chunk: string) {
			text += chunk;
			return true;
		},
	};
	return {stdout: stdout as unknown as NodeJS.WriteStream, text: () => text};
}

describe('tail: map run progress lines', () => {
	test('a line whenever the run\'s counts change, the last one when it ends; then the parent\'s end', async () => {
		const execution = fixedFollower(data(distributedMapHistory.slice(0, 4)));
		const mapRun = fixedFollower(run(0, 2));
		const session = fakeSession({execution, mapRun});
		const out = capture();
		const ended = tailExecution(session, parentArn, {json: false, logs: false, color: false, width: Infinity}, out.stdout);
		mapRun.push({data: run(0, 2)});
		mapRun.push({data: run(1, 2)});
		mapRun.push({data: run(3, 0, 'SUCCEEDED'), done: true});
		execution.push({data: data(distributedMapHistory), done: true});
		expect(await ended).toBe(0);
		const lines = out.text().trim().split('\n').map(line => line.slice(14));
		expect(lines.filter(line => line.includes('MapRunProgress'))).toEqual([
			'ProcessBatch                  MapRunProgress  0/3 succeeded, 0 failed, 2 running, 1 pending, 0 aborted',
			'ProcessBatch                  MapRunProgress  1/3 succeeded, 0 failed, 2 running, 0 pending, 0 aborted',
			'ProcessBatch                  MapRunProgress  SUCCEEDED: 3/3 succeeded, 0 failed, 0 running, 0 pending, 0 aborted',
		]);
		expect(lines.at(-1)).toMatch(/ExecutionSucceeded/);
		expect(mapRun.stopped).toBe(true);
		expect(session.requests.filter(request => request.startsWith('mapRun'))).toHaveLength(1);
	});

	test('the final counts go right under the event that ended the run, though DescribeMapRun said so a poll earlier', async () => {
		const execution = fixedFollower(data(distributedMapHistory.slice(0, 4)));
		const mapRun = fixedFollower(run(1, 2));
		const session = fakeSession({execution, mapRun});
		const out = capture();
		const ended = tailExecution(session, parentArn, {json: false, logs: false, color: false, width: Infinity}, out.stdout);
		mapRun.push({data: run(3, 0, 'SUCCEEDED'), done: true});
		expect(out.text()).not.toContain('SUCCEEDED: 3/3');
		execution.push({data: data(distributedMapHistory), done: true});
		expect(await ended).toBe(0);
		const types = out.text().trim().split('\n').map(line => / {2}(\w+)(?: {2}|$)/.exec(line.slice(14))?.[1]);
		expect(types.slice(3)).toEqual(['MapRunStarted', 'MapRunProgress', 'MapRunSucceeded', 'MapRunProgress', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded']);
		expect(out.text()).toMatch(/MapRunSucceeded\n.*MapRunProgress {2}SUCCEEDED: 3\/3 succeeded/);
	});

	test('a parent that had ended: its map run\'s final counts are read once and printed under MapRunFailed', async () => {
		const execution = fixedFollower(data(failedMapRunHistory), {done: true});
		const mapRun = fixedFollower<MapRunDescription>(undefined);
		const session = fakeSession({execution, mapRun});
		const out = capture();
		const ended = tailExecution(session, parentArn, {json: false, logs: false, color: false, width: Infinity}, out.stdout);
		expect(out.text()).toBe('');
		const failedRun = {...run(0, 0, 'FAILED'), itemCounts: {...run(0, 0).itemCounts, pending: 0, failed: 3}};
		mapRun.push({data: failedRun, done: true, loading: false});
		expect(await ended).toBe(1);
		expect(out.text()).toMatch(/MapRunFailed {2}States\.ItemReaderFailed.*\n.*ProcessBatch +MapRunProgress {2}FAILED: 0\/3 succeeded, 3 failed/);
		expect(session.requests.filter(request => request.startsWith('mapRun'))).toHaveLength(1);
	});

	test('--json: one MapRunProgress object per change', async () => {
		const execution = fixedFollower(data(distributedMapHistory.slice(0, 4)));
		const mapRun = fixedFollower(run(1, 1));
		const out = capture();
		const ended = tailExecution(fakeSession({execution, mapRun}), parentArn, {json: true, logs: false, color: false, width: Infinity}, out.stdout);
		mapRun.push({data: run(3, 0, 'SUCCEEDED'), done: true});
		execution.push({data: data(distributedMapHistory), done: true});
		await ended;
		const objects = out.text().trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		expect(objects.filter(object => object.type === 'MapRunProgress')).toMatchObject([
			{state: 'ProcessBatch', mapRunArn, status: 'RUNNING', itemCounts: {succeeded: 1, running: 1, total: 3}},
			{state: 'ProcessBatch', mapRunArn, status: 'SUCCEEDED', itemCounts: {succeeded: 3, running: 0, total: 3}},
		]);
	});
});
