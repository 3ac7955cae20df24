import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {
	CreateStateMachineAliasCommand,
	CreateStateMachineCommand,
	DeleteStateMachineAliasCommand,
	DeleteStateMachineCommand,
	DeleteStateMachineVersionCommand,
	DescribeExecutionCommand,
	DescribeStateMachineAliasCommand,
	DescribeStateMachineCommand,
	DescribeStateMachineForExecutionCommand,
	ListExecutionsCommand,
	ListStateMachineAliasesCommand,
	ListStateMachineVersionsCommand,
	PublishStateMachineVersionCommand,
	StartExecutionCommand,
	UpdateStateMachineAliasCommand,
	UpdateStateMachineCommand,
	type SFNClient,
} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {fullHistory, localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';

/*
 * Issue 13: versions and aliases, through the SDK. Expected answers state
 * what AWS answered in LocalStack's recorded
 * tests/aws/services/stepfunctions/v2/test_sfn_api_versioning.snapshot.json
 * and test_sfn_api_aliasing.snapshot.json (numbers, orders, error codes and
 * messages), in our own shapes.
 */

const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';
const pass = (comment: string) => JSON.stringify({Comment: comment, StartAt: 'P', States: {P: {Type: 'Pass', Result: {comment}, End: true}}});

let server: RunningServer;
let sfn: SFNClient;
let counter = 0;
const uniqueName = () => `Versioned${++counter}`;

beforeAll(async () => {
	({server, sfn} = await localEndpoint());
});

afterAll(async () => {
	await server.close();
});

describe('versions', () => {
	test('create with publish makes version 1; a description without publish is refused', async () => {
		const created = await sfn.send(new CreateStateMachineCommand({name: uniqueName(), definition: pass('r0'), roleArn, publish: true, versionDescription: 'first'}));
		expect(created.stateMachineVersionArn).toBe(`${created.stateMachineArn}:1`);
		const described = await sfn.send(new DescribeStateMachineCommand({stateMachineArn: created.stateMachineVersionArn}));
		expect(described).toMatchObject({stateMachineArn: created.stateMachineVersionArn, description: 'first', definition: pass('r0'), status: 'ACTIVE', tracingConfiguration: {enabled: false}});
		await expect(sfn.send(new CreateStateMachineCommand({name: uniqueName(), definition: pass('r0'), roleArn, versionDescription: 'no publish'}))).rejects.toMatchObject({name: 'ValidationException', message: 'Version description can only be set when publish is true'});
	});

	test('updates make revisions; publishing a revision twice gives the same version; a stale revisionId conflicts', async () => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: uniqueName(), definition: pass('r0'), roleArn}));
		const first = await sfn.send(new UpdateStateMachineCommand({stateMachineArn, definition: pass('r1')}));
		expect(first.revisionId).toMatch(/^[\d\-a-f]{36}$/);
		const v1 = await sfn.send(new PublishStateMachineVersionCommand({stateMachineArn, revisionId: first.revisionId}));
		expect(v1.stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
		expect((await sfn.send(new PublishStateMachineVersionCommand({stateMachineArn}))).stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
		const second = await sfn.send(new UpdateStateMachineCommand({stateMachineArn, definition: pass('r2'), publish: true, versionDescription: 'two'}));
		expect(second.stateMachineVersionArn).toBe(`${stateMachineArn}:2`);
		expect(second.revisionId).not.toBe(first.revisionId);
		await expect(sfn.send(new PublishStateMachineVersionCommand({stateMachineArn, revisionId: first.revisionId}))).rejects.toMatchObject({
			name: 'ConflictException',
			message: `Failed to publish the State Machine version for revision ${first.revisionId}. The current State Machine revision is ${second.revisionId}.`,
		});
		const described = await sfn.send(new DescribeStateMachineCommand({stateMachineArn: v1.stateMachineVersionArn}));
		expect(described).toMatchObject({definition: pass('r1'), revisionId: first.revisionId});
		expect((await sfn.send(new DescribeStateMachineCommand({stateMachineArn}))).revisionId).toBe(second.revisionId);
	});

	test('an update that changes nothing keeps the revision: publishing again returns version 1', async () => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: uniqueName(), definition: pass('same'), roleArn}));
		const once = await sfn.send(new UpdateStateMachineCommand({stateMachineArn, definition: pass('same'), publish: true}));
		const twice = await sfn.send(new UpdateStateMachineCommand({stateMachineArn, definition: pass('same'), publish: true}));
		expect([once.stateMachineVersionArn, twice.stateMachineVersionArn]).toEqual([`${stateMachineArn}:1`, `${stateMachineArn}:1`]);
		expect(once.revisionId).toBeUndefined();
	});

	test('versions list newest first and page; numbers are not reused after a delete; deleting twice is fine', async () => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: uniqueName(), definition: pass('r0'), roleArn, publish: true}));
		for (let revision = 1; revision <= 4; revision++) {
			await sfn.send(new UpdateStateMachineCommand({stateMachineArn, definition: pass(`r${revision}`), publish: true}));
		}

		const page1 = await sfn.send(new ListStateMachineVersionsCommand({stateMachineArn, maxResults: 3}));
		const page2 = await sfn.send(new ListStateMachineVersionsCommand({stateMachineArn, maxResults: 3, nextToken: page1.nextToken}));
		expect([...page1.stateMachineVersions!, ...page2.stateMachineVersions!].map(version => version.stateMachineVersionArn!.split(':').at(-1))).toEqual(['5', '4', '3', '2', '1']);
		await sfn.send(new DeleteStateMachineVersionCommand({stateMachineVersionArn: `${stateMachineArn}:5`}));
		await sfn.send(new DeleteStateMachineVersionCommand({stateMachineVersionArn: `${stateMachineArn}:5`}));
		await expect(sfn.send(new DescribeStateMachineCommand({stateMachineArn: `${stateMachineArn}:5`}))).rejects.toMatchObject({name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${stateMachineArn}:5'`});
		// The current revision lost its version: publishing it makes a new number.
		expect((await sfn.send(new PublishStateMachineVersionCommand({stateMachineArn}))).stateMachineVersionArn).toBe(`${stateMachineArn}:6`);
	});

	test('a start through a version runs that version and says so', async () => {
		const {stateMachineArn, stateMachineVersionArn} = await sfn.send(new CreateStateMachineCommand({name: uniqueName(), definition: pass('v1'), roleArn, publish: true}));
		await sfn.send(new UpdateStateMachineCommand({stateMachineArn, definition: pass('latest')}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: stateMachineVersionArn}));
		expect(executionArn).toMatch(/:execution:Versioned\d+:[\d\-a-f]+$/);
		await waitForEnd(sfn, executionArn!);
		const described = await sfn.send(new DescribeExecutionCommand({executionArn}));
		expect(described).toMatchObject({stateMachineArn, stateMachineVersionArn, status: 'SUCCEEDED', output: '{"comment":"v1"}'});
		expect(described.stateMachineAliasArn).toBeUndefined();
		const forExecution = await sfn.send(new DescribeStateMachineForExecutionCommand({executionArn}));
		expect(forExecution).toMatchObject({stateMachineArn, definition: pass('v1')});
		const listed = await sfn.send(new ListExecutionsCommand({stateMachineArn: stateMachineVersionArn}));
		expect(listed.executions!.map(execution => [execution.executionArn, execution.stateMachineVersionArn])).toEqual([[executionArn, stateMachineVersionArn]]);
	});

	test('PublishStateMachineVersion: no such machine, and text that is no ARN', async () => {
		await expect(sfn.send(new PublishStateMachineVersionCommand({stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope'}))).rejects.toMatchObject({name: 'StateMachineDoesNotExist'});
		await expect(sfn.send(new PublishStateMachineVersionCommand({stateMachineArn: 'invalid_arn'}))).rejects.toMatchObject({name: 'InvalidArn', message: 'Invalid Arn: \'Invalid ARN prefix: invalid_arn\''});
	});
});

describe('aliases', () => {
	async function twoVersions() {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: uniqueName(), definition: pass('one'), roleArn, publish: true}));
		await sfn.send(new UpdateStateMachineCommand({stateMachineArn, definition: pass('two'), publish: true}));
		return {stateMachineArn: stateMachineArn!, v1: `${stateMachineArn}:1`, v2: `${stateMachineArn}:2`};
	}

	test('create, start through it (it names itself and the version it picked), describe, list', async () => {
		const {stateMachineArn, v1} = await twoVersions();
		const {stateMachineAliasArn} = await sfn.send(new CreateStateMachineAliasCommand({name: 'live', description: 'prod traffic', routingConfiguration: [{stateMachineVersionArn: v1, weight: 100}]}));
		expect(stateMachineAliasArn).toBe(`${stateMachineArn}:live`);
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: stateMachineAliasArn}));
		await waitForEnd(sfn, executionArn!);
		expect(await sfn.send(new DescribeExecutionCommand({executionArn}))).toMatchObject({stateMachineArn, stateMachineVersionArn: v1, stateMachineAliasArn, output: '{"comment":"one"}'});
		// The engine writes what serve passed it into the first event, as AWS does (ExecutionStartedEventDetails in AWS's model).
		const [started] = await fullHistory(sfn, executionArn!);
		expect(started.executionStartedEventDetails).toMatchObject({stateMachineVersionArn: v1, stateMachineAliasArn, roleArn});
		const listed = await sfn.send(new ListExecutionsCommand({stateMachineArn}));
		expect(listed.executions![0]).toMatchObject({executionArn, stateMachineVersionArn: v1, stateMachineAliasArn});
		expect((await sfn.send(new ListExecutionsCommand({stateMachineArn: stateMachineAliasArn}))).executions!.map(execution => execution.executionArn)).toEqual([executionArn]);
		expect(await sfn.send(new DescribeStateMachineAliasCommand({stateMachineAliasArn}))).toMatchObject({name: 'live', description: 'prod traffic', routingConfiguration: [{stateMachineVersionArn: v1, weight: 100}]});
		expect((await sfn.send(new ListStateMachineAliasesCommand({stateMachineArn}))).stateMachineAliases!.map(alias => alias.stateMachineAliasArn)).toEqual([stateMachineAliasArn]);
	});

	test('routing by weight sends starts to both versions', async () => {
		const {v1, v2} = await twoVersions();
		const {stateMachineAliasArn} = await sfn.send(new CreateStateMachineAliasCommand({name: 'canary', routingConfiguration: [{stateMachineVersionArn: v1, weight: 50}, {stateMachineVersionArn: v2, weight: 50}]}));
		const versions = new Set<string>();
		for (let run = 0; run < 40 && versions.size < 2; run++) {
			const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: stateMachineAliasArn}));
			versions.add((await sfn.send(new DescribeExecutionCommand({executionArn}))).stateMachineVersionArn!);
		}

		expect([...versions].toSorted()).toEqual([v1, v2]);
	});

	test('routing configurations AWS refuses, with its words', async () => {
		const {stateMachineArn, v1, v2} = await twoVersions();
		const create = async (routingConfiguration: Array<{stateMachineVersionArn: string; weight: number}>, name = 'bad') => sfn.send(new CreateStateMachineAliasCommand({name, routingConfiguration}));
		await expect(create([{stateMachineVersionArn: stateMachineArn, weight: 100}])).rejects.toMatchObject({name: 'ValidationException', message: `Routing configuration must contain state machine version ARNs. Received: [${stateMachineArn}]`});
		await expect(create([{stateMachineVersionArn: v1, weight: 50}, {stateMachineVersionArn: v1, weight: 50}])).rejects.toMatchObject({message: `Routing configuration must contain distinct state machine version ARNs. Received: [${v1}, ${v1}]`});
		await expect(create([{stateMachineVersionArn: v1, weight: 70}, {stateMachineVersionArn: v2, weight: 29}])).rejects.toMatchObject({message: 'Sum of routing configuration weights must equal 100. Received: [70, 29]'});
		await expect(create([{stateMachineVersionArn: v1, weight: 101}])).rejects.toMatchObject({message: '1 validation error detected: Value \'101\' at \'routingConfiguration.1.member.weight\' failed to satisfy constraint: Member must have value less than or equal to 100'});
		await expect(create([{stateMachineVersionArn: v1, weight: 50}, {stateMachineVersionArn: v2, weight: 30}, {stateMachineVersionArn: `${stateMachineArn}:3`, weight: 20}])).rejects.toMatchObject({
			message: `1 validation error detected: Value '[RoutingConfigurationListItem(stateMachineVersionArn=${v1}, weight=50), RoutingConfigurationListItem(stateMachineVersionArn=${v2}, weight=30), RoutingConfigurationListItem(stateMachineVersionArn=${stateMachineArn}:3, weight=20)]' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2`,
		});
		await expect(create([{stateMachineVersionArn: v1, weight: 100}], '123')).rejects.toMatchObject({message: String.raw`1 validation error detected: Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$`});
	});

	test('create is idempotent only for the same request; update; a version an alias uses cannot be deleted; deletes are idempotent', async () => {
		const {stateMachineArn, v1, v2} = await twoVersions();
		const routingConfiguration = [{stateMachineVersionArn: v1, weight: 100}];
		const first = await sfn.send(new CreateStateMachineAliasCommand({name: 'same', routingConfiguration}));
		expect((await sfn.send(new CreateStateMachineAliasCommand({name: 'same', routingConfiguration}))).stateMachineAliasArn).toBe(first.stateMachineAliasArn);
		await expect(sfn.send(new CreateStateMachineAliasCommand({name: 'same', description: 'other', routingConfiguration}))).rejects.toMatchObject({name: 'ConflictException', message: 'Failed to create alias because an alias with the same name and a different routing configuration already exists.'});
		await expect(sfn.send(new DeleteStateMachineVersionCommand({stateMachineVersionArn: v1}))).rejects.toMatchObject({name: 'ConflictException', message: 'Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [same]'});
		await sfn.send(new UpdateStateMachineAliasCommand({stateMachineAliasArn: first.stateMachineAliasArn, routingConfiguration: [{stateMachineVersionArn: v1, weight: 50}, {stateMachineVersionArn: v2, weight: 50}]}));
		const described = await sfn.send(new DescribeStateMachineAliasCommand({stateMachineAliasArn: first.stateMachineAliasArn}));
		expect(described.routingConfiguration).toEqual([{stateMachineVersionArn: v1, weight: 50}, {stateMachineVersionArn: v2, weight: 50}]);
		expect(described.updateDate).toBeInstanceOf(Date);
		await sfn.send(new DeleteStateMachineAliasCommand({stateMachineAliasArn: first.stateMachineAliasArn}));
		await sfn.send(new DeleteStateMachineAliasCommand({stateMachineAliasArn: first.stateMachineAliasArn}));
		await expect(sfn.send(new UpdateStateMachineAliasCommand({stateMachineAliasArn: first.stateMachineAliasArn, description: 'gone'}))).rejects.toMatchObject({name: 'ResourceNotFound', message: 'Request references a resource that does not exist.'});
		await sfn.send(new DeleteStateMachineVersionCommand({stateMachineVersionArn: v1}));
		// Deleting the machine takes its versions and aliases with it.
		await sfn.send(new CreateStateMachineAliasCommand({name: 'left', routingConfiguration: [{stateMachineVersionArn: v2, weight: 100}]}));
		await sfn.send(new DeleteStateMachineCommand({stateMachineArn}));
		await expect(sfn.send(new DescribeStateMachineAliasCommand({stateMachineAliasArn: `${stateMachineArn}:left`}))).rejects.toMatchObject({name: 'ResourceNotFound'});
	});
});

describe('StartExecution is idempotent as on AWS', () => {
	test('the same name and input while RUNNING answers the same execution; other input or a finished execution is ExecutionAlreadyExists', async () => {
		const definition = JSON.stringify({StartAt: 'Hold', States: {Hold: {Type: 'Wait', Seconds: 1, End: true}}});
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: uniqueName(), definition, roleArn}));
		const first = await sfn.send(new StartExecutionCommand({stateMachineArn, name: 'retry-me', input: '{"a": 1}'}));
		const again = await sfn.send(new StartExecutionCommand({stateMachineArn, name: 'retry-me', input: '{"a": 1}'}));
		expect(again).toMatchObject({executionArn: first.executionArn, startDate: first.startDate});
		await expect(sfn.send(new StartExecutionCommand({stateMachineArn, name: 'retry-me', input: '{"a": 2}'}))).rejects.toMatchObject({name: 'ExecutionAlreadyExists', message: `Execution Already Exists: '${first.executionArn}'`});
		await waitForEnd(sfn, first.executionArn!);
		await expect(sfn.send(new StartExecutionCommand({stateMachineArn, name: 'retry-me', input: '{"a": 1}'}))).rejects.toMatchObject({name: 'ExecutionAlreadyExists'});
		expect((await sfn.send(new ListExecutionsCommand({stateMachineArn}))).executions).toHaveLength(1);
	});
});

describe('versions and aliases in the --data-dir journal', () => {
	test('they come back after a restart, and version numbers go on from where they were', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-versions-'));
		try {
			const first = await localEndpoint({dataDir});
			const {stateMachineArn} = await first.sfn.send(new CreateStateMachineCommand({name: 'Kept', definition: pass('one'), roleArn, publish: true}));
			await first.sfn.send(new UpdateStateMachineCommand({stateMachineArn, definition: pass('two'), publish: true}));
			await first.sfn.send(new DeleteStateMachineVersionCommand({stateMachineVersionArn: `${stateMachineArn}:2`}));
			const {stateMachineAliasArn} = await first.sfn.send(new CreateStateMachineAliasCommand({name: 'live', routingConfiguration: [{stateMachineVersionArn: `${stateMachineArn}:1`, weight: 100}]}));
			await first.server.close();

			const second = await localEndpoint({dataDir});
			try {
				expect((await second.sfn.send(new ListStateMachineVersionsCommand({stateMachineArn}))).stateMachineVersions!.map(version => version.stateMachineVersionArn)).toEqual([`${stateMachineArn}:1`]);
				expect((await second.sfn.send(new DescribeStateMachineAliasCommand({stateMachineAliasArn}))).routingConfiguration).toEqual([{stateMachineVersionArn: `${stateMachineArn}:1`, weight: 100}]);
				expect((await second.sfn.send(new PublishStateMachineVersionCommand({stateMachineArn}))).stateMachineVersionArn).toBe(`${stateMachineArn}:3`);
			} finally {
				await second.server.close();
			}
		} finally {
			await rm(dataDir, {recursive: true, force: true});
		}
	});
});
