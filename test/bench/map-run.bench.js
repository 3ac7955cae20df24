// The Map Run panel's cost against a distributed map of 1,000 children:
// sfntop's map run follower (one DescribeMapRun per tick, whatever the number
// of children) beside a naive panel that counts the children by listing them
// all (ListExecutions by mapRunArn, 100 a page) every tick, over the same
// ticks in one run, against a real local endpoint.
import process from 'node:process';
import {CreateStateMachineCommand, DescribeMapRunCommand, ListMapRunsCommand, SFNClient, StartExecutionCommand, StopExecutionCommand} from '@aws-sdk/client-sfn';
import {startServer} from '../../dist/local/server.js';
import {AwsApi} from '../../dist/aws/sfn.js';
import {followMapRun} from '../../dist/sync/map-run-followers.js';

const credentials = {accessKeyId: 'local', secretAccessKey: 'local'};
const sleep = async ms => new Promise(resolve => {
	setTimeout(resolve, ms);
});

export default async function bench() {
	process.env.AWS_ACCESS_KEY_ID ??= 'local';
	process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
	const server = await startServer({port: 0});
	const sfn = new SFNClient({endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1, disableHostPrefix: true});
	let executionArn;
	try {
		// 1,000 children, all started, each waiting a minute: the run stays RUNNING while we measure, and
		// listing them takes every page a naive panel would read (ListExecutions lists started children only).
		const definition = {
			StartAt: 'Batch',
			States: {
				Batch: {Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 1000, ItemProcessor: {ProcessorConfig: {Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD'}, StartAt: 'Hold', States: {Hold: {Type: 'Wait', Seconds: 60, End: true}}}, End: true},
			},
		};
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Batch', definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::123456789012:role/R'}));
		({executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input: JSON.stringify({items: Array.from({length: 1000}, (_, index) => index)})})));
		let mapRunArn;
		for (let tries = 0; tries < 100 && !mapRunArn; tries++) {
			mapRunArn = (await sfn.send(new ListMapRunsCommand({executionArn}))).mapRuns?.[0]?.mapRunArn;
			await sleep(50);
		}

		for (let tries = 0; tries < 200; tries++) {
			const run = await sfn.send(new DescribeMapRunCommand({mapRunArn}));
			if (run.executionCounts?.running === 1000) {
				break;
			}

			await sleep(50);
		}

		const api = new AwsApi({sfn, logs: undefined, region: 'us-east-1', endpoint: server.url});
		const ticks = 10;
		const measure = async tick => {
			const before = server.requests.length;
			for (let index = 0; index < ticks; index++) {
				await tick();
			}

			const calls = server.requests.slice(before);
			return {calls: calls.length / ticks, bytes: calls.reduce((sum, call) => sum + call.bytes, 0) / ticks};
		};

		// The real follower, made to tick on demand: refresh() polls now; a tick is done when its call has been answered.
		const follower = followMapRun(api, mapRunArn, 60_000);
		await new Promise(resolve => {
			const unsubscribe = follower.subscribe(() => {
				unsubscribe();
				resolve();
			});
		});
		const panel = await measure(async () => {
			const before = server.requests.length;
			follower.refresh();
			while (server.requests.length === before) {
				await sleep(5);
			}
		});
		follower.stop();
		const naive = await measure(async () => {
			let nextToken;
			do {
				const page = await api.listMapRunExecutions(mapRunArn, {maxResults: 100, nextToken});
				nextToken = page.nextToken;
			} while (nextToken);
		});
		const total = follower.getState().data?.itemCounts.total;
		return [
			{name: `Map Run panel API calls per tick (${total} children; baseline: listing them, 100 a page)`, value: panel.calls, unit: 'calls', baseline: naive.calls, target: 'at most 1 DescribeMapRun per tick', met: panel.calls <= 1},
			{name: 'Map Run panel response bytes per tick', value: panel.bytes, unit: 'bytes', baseline: naive.bytes, target: 'less than listing the children', met: panel.bytes < naive.bytes},
		];
	} finally {
		if (executionArn) {
			await sfn.send(new StopExecutionCommand({executionArn})).catch(() => undefined);
		}

		await server.close();
	}
}
