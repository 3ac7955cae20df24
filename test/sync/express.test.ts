import process from 'node:process';
import {CreateLogGroupCommand} from '@aws-sdk/client-cloudwatch-logs';
import {CreateStateMachineCommand, StartExecutionCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {createSession} from '../../source/sync/session.js';
import type {Follower, SfnSession} from '../../source/sync/types.js';
import {localEndpoint} from '../helpers/local-endpoint.js';

process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

async function until<T>(follower: Follower<T>, done: (data: T) => boolean, timeoutMs = 15_000): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error(`timed out: ${JSON.stringify(follower.getState()).slice(0, 300)}`));
		}, timeoutMs);
		const check = () => {
			const {data} = follower.getState();
			if (data !== undefined && done(data)) {
				clearTimeout(timer);
				unsubscribe();
				resolve(data);
			}
		};

		const unsubscribe = follower.subscribe(check);
		check();
	});
}

describe('Express executions come from their CloudWatch Logs records', () => {
	let server: RunningServer;
	let session: SfnSession;
	let machineArn: string;
	let executionArn: string;

	beforeAll(async () => {
		const endpoint = await localEndpoint();
		server = endpoint.server;
		// As on AWS, the log group must exist before a machine can log to it.
		await endpoint.logs.send(new CreateLogGroupCommand({logGroupName: '/aws/vendedlogs/states/Events'}));
		const created = await endpoint.sfn.send(new CreateStateMachineCommand({
			name: 'Events', type: 'EXPRESS', roleArn: 'arn:aws:iam::123456789012:role/R',
			definition: JSON.stringify({StartAt: 'Record', States: {Record: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:record-event', Next: 'Done'}, Done: {Type: 'Succeed'}}}),
			loggingConfiguration: {level: 'ALL', includeExecutionData: true, destinations: [{cloudWatchLogsLogGroup: {logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/Events:*'}}]},
		}));
		machineArn = created.stateMachineArn!;
		({executionArn} = await endpoint.sfn.send(new StartExecutionCommand({stateMachineArn: machineArn, input: '{"orderId": "7", "delayMs": 300}'})) as {executionArn: string});
		session = await createSession({endpointUrl: server.url, region: 'us-east-1', readOnly: true, intervalMs: 200});
	});

	afterAll(async () => {
		session.close();
		await server.close();
	});

	test('following an Express execution folds its records: status and per-state progress', async () => {
		const data = await until(session.execution(executionArn), data => data.snapshot.status === 'SUCCEEDED');
		expect(data.snapshot.states.get('Record')).toMatchObject({status: 'SUCCEEDED', attempts: 1});
		expect(data.snapshot.states.get('Done')!.status).toBe('SUCCEEDED');
		expect(data.graph.states.map(state => state.name)).toEqual(['Record', 'Done']);
	});

	test('the executions list of an Express machine is read from its records', async () => {
		const list = await until(session.executions(machineArn), executions => executions.some(execution => execution.arn === executionArn && execution.status === 'SUCCEEDED'));
		expect(list[0]).toMatchObject({arn: executionArn, status: 'SUCCEEDED'});
		expect(list[0].startDate).toBeGreaterThan(0);
	});
});
