/*
 * Distributed Map through serve and the SDK. The parent's events as AWS
 * writes them (checked against LocalStack v2/scenarios/test_base_scenarios.snapshot.json
 * test_map_state_tolerated_failure_values, test_map_state_config_distributed_*:
 * MapStateStarted, MapRunStarted, MapRunSucceeded, MapStateSucceeded and the
 * exit both pointing at MapRunSucceeded; no iteration events), and
 * DescribeMapRun's fields as recorded in v2/test_sfn_api_map_run.snapshot.json.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateStateMachineCommand, DescribeExecutionCommand, DescribeMapRunCommand, GetExecutionHistoryCommand, ListMapRunsCommand, RedriveExecutionCommand, StartExecutionCommand, StopExecutionCommand, UpdateMapRunCommand, type SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../../source/local/server.js';
import {fullHistory, localEndpoint, waitForEnd} from '../../helpers/local-endpoint.js';

const roleArn = 'arn:aws:iam::123456789012:role/R';
const record = 'arn:aws:lambda:us-east-1:123456789012:function:record-event';

function distributed(extra: Record<string, unknown> = {}, processor: Record<string, unknown> = {}) {
	return JSON.stringify({StartAt: 'Fan', States: {Fan: {
		Type: 'Map',
		ItemsPath: '$.items',
		ItemProcessor: {ProcessorConfig: {Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD'}, StartAt: 'Work', States: {Work: {Type: 'Task', Resource: record, End: true}}, ...processor},
		End: true,
		...extra,
	}}});
}

describe('Distributed Map', () => {
	let server: RunningServer;
	let sfn: SFNClient;
	let count = 0;

	beforeAll(async () => {
		({server, sfn} = await localEndpoint());
	});

	afterAll(async () => {
		await server.close();
	});

	const start = async (definition: string, input: unknown) => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: `Distributed${++count}`, roleArn, definition}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input: JSON.stringify(input)}));
		return {stateMachineArn: stateMachineArn!, executionArn: executionArn!};
	};

	const onlyMapRun = async (executionArn: string) => {
		const {mapRuns} = await sfn.send(new ListMapRunsCommand({executionArn}));
		expect(mapRuns).toHaveLength(1);
		return mapRuns![0];
	};

	test('each item is a child execution; the parent writes map run events and no iteration events', async () => {
		const items = [{itemId: 1, delayMs: 1}, {itemId: 2, delayMs: 1}, {itemId: 3, delayMs: 1}];
		const {stateMachineArn, executionArn} = await start(distributed({MaxConcurrency: 1}), {items});
		expect(await waitForEnd(sfn, executionArn)).toBe('SUCCEEDED');
		const events = await fullHistory(sfn, executionArn);
		expect(events.map(event => `${event.id} ${event.previousEventId} ${event.type}`)).toEqual([
			'1 0 ExecutionStarted',
			'2 0 MapStateEntered',
			'3 2 MapStateStarted',
			'4 3 MapRunStarted',
			'5 4 MapRunSucceeded',
			'6 5 MapStateSucceeded',
			'7 5 MapStateExited',
			'8 7 ExecutionSucceeded',
		]);
		expect(events[2].mapStateStartedEventDetails).toEqual({length: 3});
		const output = JSON.parse((await sfn.send(new DescribeExecutionCommand({executionArn}))).output!) as Array<{itemId: number; recorded: boolean}>;
		expect(output.map(item => [item.itemId, item.recorded])).toEqual([[1, true], [2, true], [3, true]]);

		const listed = await onlyMapRun(executionArn);
		expect(events[3].mapRunStartedEventDetails!.mapRunArn).toBe(listed.mapRunArn);
		expect(listed.mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:Distributed\d+\/Fan:[\d\-a-f]{36}$/);
		expect(listed.stateMachineArn).toBe(`${stateMachineArn}/Fan`);
		const described = await sfn.send(new DescribeMapRunCommand({mapRunArn: listed.mapRunArn}));
		expect(described).toMatchObject({executionArn, status: 'SUCCEEDED', maxConcurrency: 1, toleratedFailurePercentage: 0, toleratedFailureCount: 0, redriveCount: 0});
		const counts = {pending: 0, running: 0, succeeded: 3, failed: 0, timedOut: 0, aborted: 0, total: 3, resultsWritten: 3};
		expect(described.itemCounts).toMatchObject(counts);
		expect(described.executionCounts).toMatchObject(counts);
		expect(described.stopDate).toBeInstanceOf(Date);
	});

	test('ItemBatcher: one child per batch of items; item and execution counts differ', async () => {
		const items = [1, 2, 3, 4, 5].map(itemId => ({itemId, delayMs: 1}));
		const definition = JSON.stringify({StartAt: 'Fan', States: {Fan: {
			Type: 'Map', ItemsPath: '$.items', ItemBatcher: {MaxItemsPerBatch: 2, BatchInput: {run: 'r1'}},
			ItemProcessor: {ProcessorConfig: {Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS'}, StartAt: 'Count', States: {Count: {Type: 'Pass', Parameters: {'n.$': 'States.ArrayLength($.Items)', 'run.$': '$.BatchInput.run'}, End: true}}},
			End: true,
		}}});
		const {executionArn} = await start(definition, {items});
		expect(await waitForEnd(sfn, executionArn)).toBe('SUCCEEDED');
		expect(JSON.parse((await sfn.send(new DescribeExecutionCommand({executionArn}))).output!)).toEqual([{n: 2, run: 'r1'}, {n: 2, run: 'r1'}, {n: 1, run: 'r1'}]);
		const described = await sfn.send(new DescribeMapRunCommand({mapRunArn: (await onlyMapRun(executionArn)).mapRunArn}));
		expect(described.itemCounts).toMatchObject({total: 5, succeeded: 5});
		expect(described.executionCounts).toMatchObject({total: 3, succeeded: 3});
	});

	test('failures within ToleratedFailureCount: the run succeeds and the failed child\'s error output takes its place', async () => {
		const items = [{itemId: 1, delayMs: 1}, {itemId: 2, delayMs: 1, failAt: 'record-event'}];
		const {executionArn} = await start(distributed({ToleratedFailureCount: 1}), {items});
		expect(await waitForEnd(sfn, executionArn)).toBe('SUCCEEDED');
		const output = JSON.parse((await sfn.send(new DescribeExecutionCommand({executionArn}))).output!) as unknown[];
		expect(output[0]).toMatchObject({itemId: 1, recorded: true});
		expect(output[1]).toMatchObject({Error: 'TaskFailed'});
		const described = await sfn.send(new DescribeMapRunCommand({mapRunArn: (await onlyMapRun(executionArn)).mapRunArn}));
		expect(described).toMatchObject({status: 'SUCCEEDED', toleratedFailureCount: 1, itemCounts: {succeeded: 1, failed: 1, total: 2}});
	});

	test('over the tolerance: MapRunFailed with States.ExceedToleratedFailureThreshold; a redrive reruns only the failed child', async () => {
		const items = [{itemId: 1, delayMs: 1}, {itemId: 2, delayMs: 50, failAt: 'record-event'}, {itemId: 3, delayMs: 1}];
		const {executionArn} = await start(distributed(), {items});
		expect(await waitForEnd(sfn, executionArn)).toBe('FAILED');
		const before = await fullHistory(sfn, executionArn);
		expect(before.slice(-3).map(event => event.type)).toEqual(['MapRunFailed', 'MapStateFailed', 'ExecutionFailed']);
		expect(before.at(-3)!.mapRunFailedEventDetails).toEqual({error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded'});
		const {mapRunArn} = await onlyMapRun(executionArn);
		expect(await sfn.send(new DescribeMapRunCommand({mapRunArn}))).toMatchObject({status: 'FAILED', itemCounts: {succeeded: 2, failed: 1}});

		await sfn.send(new RedriveExecutionCommand({executionArn}));
		expect(await waitForEnd(sfn, executionArn)).toBe('SUCCEEDED');
		const after = (await fullHistory(sfn, executionArn)).slice(before.length);
		expect(after.map(event => event.type)).toEqual(['ExecutionRedriven', 'MapStateEntered', 'MapStateStarted', 'MapRunRedriven', 'MapRunSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded']);
		expect(after[3].mapRunRedrivenEventDetails).toEqual({mapRunArn, redriveCount: 1});
		const output = JSON.parse((await sfn.send(new DescribeExecutionCommand({executionArn}))).output!) as Array<{itemId: number; recorded: boolean}>;
		expect(output.map(item => [item.itemId, item.recorded])).toEqual([[1, true], [2, true], [3, true]]);
		expect(await sfn.send(new DescribeMapRunCommand({mapRunArn}))).toMatchObject({status: 'SUCCEEDED', redriveCount: 1, itemCounts: {succeeded: 3, failed: 0, total: 3}});
		expect((await sfn.send(new ListMapRunsCommand({executionArn}))).mapRuns).toHaveLength(1);
	});

	test('UpdateMapRun changes the concurrency of a running map run; stopping the parent aborts the run and its children', async () => {
		const items = Array.from({length: 4}, (_, itemId) => ({itemId, delayMs: 3000}));
		const {executionArn} = await start(distributed({MaxConcurrency: 1}), {items});
		let mapRunArn: string | undefined;
		for (let tries = 0; tries < 100 && !mapRunArn; tries++) {
			mapRunArn = (await sfn.send(new ListMapRunsCommand({executionArn}))).mapRuns?.[0]?.mapRunArn;
			await new Promise(resolve => {
				setTimeout(resolve, 20);
			});
		}

		expect((await sfn.send(new DescribeMapRunCommand({mapRunArn}))).executionCounts).toMatchObject({running: 1, pending: 3});
		await sfn.send(new UpdateMapRunCommand({mapRunArn, maxConcurrency: 3}));
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		expect(await sfn.send(new DescribeMapRunCommand({mapRunArn}))).toMatchObject({maxConcurrency: 3, executionCounts: {running: 3, pending: 1}});
		await sfn.send(new StopExecutionCommand({executionArn}));
		expect(await waitForEnd(sfn, executionArn)).toBe('ABORTED');
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		expect(await sfn.send(new DescribeMapRunCommand({mapRunArn}))).toMatchObject({status: 'ABORTED', executionCounts: {running: 0, aborted: 4}});
		const events = await fullHistory(sfn, executionArn);
		expect(events.slice(-2).map(event => event.type)).toEqual(['MapRunAborted', 'ExecutionAborted']);
	});

	test('ItemReader needs S3, which serve has not: the Map fails with one clear error', async () => {
		const {executionArn} = await start(distributed({ItemReader: {Resource: 'arn:aws:states:::s3:getObject', Parameters: {Bucket: 'b', Key: 'k'}}}), {items: []});
		expect(await waitForEnd(sfn, executionArn)).toBe('FAILED');
		const described = await sfn.send(new DescribeExecutionCommand({executionArn}));
		expect(described.error).toBe('States.ItemReaderFailed');
		expect(described.cause).toContain('sfntop serve has no S3');
		const {events} = await sfn.send(new GetExecutionHistoryCommand({executionArn}));
		expect(events!.map(event => event.type)).toEqual(['ExecutionStarted', 'MapStateEntered', 'MapStateFailed', 'ExecutionFailed']);
	});
});

describe('a map run across a restart (--data-dir)', () => {
	test('the map run is kept; a run cut by a crash reads FAILED, and a redrive reruns only the children that did not finish', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-maprun-'));
		try {
			const first = await localEndpoint({dataDir});
			const {stateMachineArn} = await first.sfn.send(new CreateStateMachineCommand({name: 'Batch', roleArn, definition: distributed()}));
			const items = [{itemId: 1, delayMs: 1}, {itemId: 2, delayMs: 1500}];
			const executionArn = (await first.sfn.send(new StartExecutionCommand({stateMachineArn, input: JSON.stringify({items})}))).executionArn!;
			let counts: {succeeded?: number} | undefined;
			for (let tries = 0; tries < 200 && counts?.succeeded !== 1; tries++) {
				const mapRunArn = (await first.sfn.send(new ListMapRunsCommand({executionArn}))).mapRuns?.[0]?.mapRunArn;
				counts = mapRunArn ? (await first.sfn.send(new DescribeMapRunCommand({mapRunArn}))).itemCounts : undefined;
				await new Promise(resolve => {
					setTimeout(resolve, 20);
				});
			}

			// A crash: a second serve on the same journal, the first never stopped cleanly.
			const second = await localEndpoint({dataDir});
			try {
				const {mapRunArn} = (await second.sfn.send(new ListMapRunsCommand({executionArn}))).mapRuns![0];
				expect(await second.sfn.send(new DescribeMapRunCommand({mapRunArn}))).toMatchObject({status: 'FAILED', itemCounts: {succeeded: 1, failed: 1, total: 2}});
				expect((await second.sfn.send(new DescribeExecutionCommand({executionArn}))).status).toBe('FAILED');
				await second.sfn.send(new RedriveExecutionCommand({executionArn}));
				await second.sfn.send(new UpdateMapRunCommand({mapRunArn, maxConcurrency: 5}));
				expect(await waitForEnd(second.sfn, executionArn, 30_000)).toBe('SUCCEEDED');
				expect(await second.sfn.send(new DescribeMapRunCommand({mapRunArn}))).toMatchObject({status: 'SUCCEEDED', redriveCount: 1, maxConcurrency: 5, itemCounts: {succeeded: 2}});
				const output = JSON.parse((await second.sfn.send(new DescribeExecutionCommand({executionArn}))).output!) as Array<{itemId: number}>;
				expect(output.map(item => item.itemId)).toEqual([1, 2]);
			} finally {
				await second.server.close();
				await first.server.close();
			}
		} finally {
			await rm(dataDir, {recursive: true, force: true});
		}
	}, 60_000);
});
