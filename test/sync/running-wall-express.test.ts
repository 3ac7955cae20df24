// Express machines have no ListExecutions and no GetExecutionHistory (AWS
// answers StateMachineTypeNotSupported): the running wall says so in one line
// instead of calling them, and the wall of machines marks them n/a.
import {CreateLogGroupCommand} from '@aws-sdk/client-cloudwatch-logs';
import {CreateStateMachineCommand, StartExecutionCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {AwsApi} from '../../source/aws/sfn.js';
import type {RunningServer} from '../../source/local/server.js';
import type {FollowerState} from '../../source/sync/types.js';
import {createWalls} from '../../source/sync/walls.js';
import {localEndpoint} from '../helpers/local-endpoint.js';

let endpoint: Awaited<ReturnType<typeof localEndpoint>>;
let server: RunningServer;
let expressArn: string;
const logging = {level: 'ALL' as const, includeExecutionData: true, destinations: [{cloudWatchLogsLogGroup: {logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/Quick:*'}}]};

beforeAll(async () => {
	endpoint = await localEndpoint();
	({server} = endpoint);
	// As on AWS, the log group must exist before a machine can log to it.
	await endpoint.logs.send(new CreateLogGroupCommand({logGroupName: '/aws/vendedlogs/states/Quick'}));
	const definition = JSON.stringify({StartAt: 'Hold', States: {Hold: {Type: 'Wait', Seconds: 60, End: true}}});
	({stateMachineArn: expressArn} = await endpoint.sfn.send(new CreateStateMachineCommand({name: 'Quick', type: 'EXPRESS', roleArn: 'arn:aws:iam::123456789012:role/R', definition, loggingConfiguration: logging})) as {stateMachineArn: string});
	await endpoint.sfn.send(new StartExecutionCommand({stateMachineArn: expressArn, name: 'holding'}));
});

afterAll(async () => {
	await server?.close();
});

const operations = (mark: number) => server.requests.slice(mark).map(request => request.operation);

test('r on an Express machine: one clear line (the wall is for Standard machines, where its executions are instead), no ListExecutions or history call, and none again on later ticks', async () => {
	const api = new AwsApi({sfn: endpoint.sfn, logs: endpoint.logs, region: 'us-east-1', endpoint: server.url});
	const walls = createWalls(api, {}, {intervalMs: 2000});
	const mark = server.requests.length;
	const follower = walls.running(expressArn);
	const state = await new Promise<FollowerState<unknown>>((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error('no error in 10 s'));
		}, 10_000);
		follower.subscribe(() => {
			if (follower.getState().error) {
				clearTimeout(timer);
				resolve(follower.getState());
			}
		});
	});
	// Another tick (as a user pressing a key would cause): the answer is kept, nothing is asked again.
	follower.refresh();
	await new Promise(resolve => {
		setTimeout(resolve, 300);
	});
	follower.stop();
	expect(state.error).toBe('Quick is an Express machine: the running wall is for Standard machines; its executions list reads them from its logs');
	expect(state.error).not.toContain('\n');
	expect(operations(mark)).toEqual(['DescribeStateMachine']);
});
