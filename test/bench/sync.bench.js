// API calls and response bytes per idle tick while following a RUNNING
// execution with a 25,000-event history: sfntop's follower (newest first,
// stop at the last known id) beside a naive poller that re-reads every page,
// over the same ticks in one run, against a real local endpoint.
import process from 'node:process';
import {CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand} from '@aws-sdk/client-sfn';
import {startServer} from '../../dist/local/server.js';
import {AwsApi} from '../../dist/aws/sfn.js';
import {HistorySync} from '../../dist/sync/history-sync.js';

const credentials = {accessKeyId: 'local', secretAccessKey: 'local'};

export default async function bench() {
	process.env.AWS_ACCESS_KEY_ID ??= 'local';
	process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
	const server = await startServer({port: 0});
	try {
		const sfn = new SFNClient({endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1, disableHostPrefix: true});
		// 3,570 Map iterations × 7 events, then a long Wait: ~25,000 events, still RUNNING.
		const definition = {
			StartAt: 'Items',
			States: {
				Items: {Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 200, ResultPath: null, ItemProcessor: {StartAt: 'Record', States: {Record: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:record-event', End: true}}}, Next: 'Hold'},
				Hold: {Type: 'Wait', Seconds: 600, End: true},
			},
		};
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Big', definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::123456789012:role/R'}));
		const items = Array.from({length: 3570}, (_, index) => ({itemId: index, delayMs: 0}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input: JSON.stringify({items})}));
		const api = new AwsApi({sfn, logs: undefined, region: 'us-east-1', endpoint: server.url});
		const sync = new HistorySync(api, executionArn);
		// Wait until the Map is done and the execution sits in the Wait state.
		for (let tries = 0; tries < 600; tries++) {
			await sync.update();
			if (sync.snapshot.activeStates.includes('Hold')) {
				break;
			}

			await new Promise(resolve => {
				setTimeout(resolve, 100);
			});
		}

		const {status} = await sfn.send(new DescribeExecutionCommand({executionArn}));
		const ticks = 10;
		const measure = async tick => {
			const before = server.requests.length;
			for (let index = 0; index < ticks; index++) {
				await tick();
			}

			const calls = server.requests.slice(before);
			return {calls: calls.length / ticks, bytes: calls.reduce((sum, call) => sum + call.bytes, 0) / ticks};
		};

		const follower = await measure(async () => sync.update());
		const naive = await measure(async () => {
			let nextToken;
			do {
				const page = await api.getHistoryPage(executionArn, {maxResults: 1000, nextToken});
				nextToken = page.nextToken;
			} while (nextToken);
		});
		const events = sync.events.length;
		return [
			{name: `follower API calls per idle tick (${events} events, ${status})`, value: follower.calls, unit: 'calls', baseline: naive.calls, target: '1 call per idle tick', met: follower.calls === 1},
			{name: 'follower response bytes per idle tick', value: follower.bytes, unit: 'bytes', baseline: naive.bytes, target: '>= 25x fewer than naive', met: naive.bytes / follower.bytes >= 25},
		];
	} finally {
		await server.close();
	}
}
