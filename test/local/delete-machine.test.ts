/*
 * DeleteStateMachine as AWS does it (API reference, DeleteStateMachine: "sets the
 * state machine's status to DELETING ... deleted only when all its executions
 * are completed"; StateMachineDeleting is the error of StartExecution,
 * UpdateStateMachine, PublishStateMachineVersion and the alias operations
 * meanwhile, per botocore's model). Board qa line 67: serve removed the
 * machine at once, so its running executions could no longer be found.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateStateMachineCommand, DeleteStateMachineCommand, DescribeExecutionCommand, DescribeStateMachineCommand, ListExecutionsCommand, PublishStateMachineVersionCommand, StartExecutionCommand, UpdateStateMachineCommand, type SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';

const roleArn = 'arn:aws:iam::123456789012:role/R';
const waitThenPass = (seconds: number) => JSON.stringify({StartAt: 'Hold', States: {Hold: {Type: 'Wait', Seconds: seconds, Next: 'After'}, After: {Type: 'Pass', End: true}}});

describe('DeleteStateMachine', () => {
	let server: RunningServer;
	let sfn: SFNClient;

	beforeAll(async () => {
		({server, sfn} = await localEndpoint());
	});

	afterAll(async () => {
		await server.close();
	});

	test('while an execution runs the machine is DELETING: described, its executions listed, new starts refused; it goes when the last one ends', async () => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Doomed', roleArn, definition: waitThenPass(1)}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, name: 'running'}));
		await sfn.send(new DeleteStateMachineCommand({stateMachineArn}));
		expect((await sfn.send(new DescribeStateMachineCommand({stateMachineArn}))).status).toBe('DELETING');
		const {executions} = await sfn.send(new ListExecutionsCommand({stateMachineArn}));
		expect(executions!.map(execution => [execution.name, execution.status])).toEqual([['running', 'RUNNING']]);
		const deleting = {name: 'StateMachineDeleting', message: `State Machine is being deleted: '${stateMachineArn}'`};
		await expect(sfn.send(new StartExecutionCommand({stateMachineArn}))).rejects.toMatchObject(deleting);
		await expect(sfn.send(new UpdateStateMachineCommand({stateMachineArn, definition: waitThenPass(2)}))).rejects.toMatchObject(deleting);
		await expect(sfn.send(new PublishStateMachineVersionCommand({stateMachineArn}))).rejects.toMatchObject(deleting);
		await expect(sfn.send(new CreateStateMachineCommand({name: 'Doomed', roleArn, definition: waitThenPass(1)}))).rejects.toMatchObject(deleting);
		// A second delete while DELETING is accepted, as the first was.
		await sfn.send(new DeleteStateMachineCommand({stateMachineArn}));

		// AWS ends it at its next state transition: the Wait is not cut short, then States.Runtime.
		expect(await waitForEnd(sfn, executionArn!)).toBe('FAILED');
		expect(await sfn.send(new DescribeExecutionCommand({executionArn}))).toMatchObject({error: 'States.Runtime', cause: 'State machine Doomed has been deleted.'});
		let gone = false;
		for (let attempt = 0; attempt < 50 && !gone; attempt++) {
			gone = await sfn.send(new DescribeStateMachineCommand({stateMachineArn})).then(() => false, (error: unknown) => (error as Error).name === 'StateMachineDoesNotExist');
			await new Promise(resolve => {
				setTimeout(resolve, 20);
			});
		}

		expect(gone).toBe(true);
		// The execution is still there to describe, as on AWS.
		expect((await sfn.send(new DescribeExecutionCommand({executionArn}))).name).toBe('running');
		await sfn.send(new CreateStateMachineCommand({name: 'Doomed', roleArn, definition: waitThenPass(0)}));
	});

	test('with nothing running it is gone at once', async () => {
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Idle', roleArn, definition: waitThenPass(0)}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn}));
		await waitForEnd(sfn, executionArn!);
		await sfn.send(new DeleteStateMachineCommand({stateMachineArn}));
		await expect(sfn.send(new DescribeStateMachineCommand({stateMachineArn}))).rejects.toMatchObject({name: 'StateMachineDoesNotExist'});
	});
});

describe('DeleteStateMachine with --data-dir', () => {
	test('a machine DELETING when serve stopped is gone after the restart (its running execution ended FAILED by the restart)', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-delete-'));
		try {
			const first = await localEndpoint({dataDir});
			const {stateMachineArn} = await first.sfn.send(new CreateStateMachineCommand({name: 'Doomed', roleArn, definition: waitThenPass(30)}));
			const {executionArn} = await first.sfn.send(new StartExecutionCommand({stateMachineArn}));
			await first.sfn.send(new DeleteStateMachineCommand({stateMachineArn}));
			// A crash: the second serve opens the same folder while the first never finished.
			const second = await localEndpoint({dataDir});
			try {
				await expect(second.sfn.send(new DescribeStateMachineCommand({stateMachineArn}))).rejects.toMatchObject({name: 'StateMachineDoesNotExist'});
				expect((await second.sfn.send(new DescribeExecutionCommand({executionArn}))).status).toBe('FAILED');
			} finally {
				await second.server.close();
				await first.server.close();
			}
		} finally {
			await rm(dataDir, {recursive: true, force: true});
		}
	});
});
