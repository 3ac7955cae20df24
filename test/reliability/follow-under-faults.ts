import {readFileSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {CreateStateMachineCommand, SFNClient, StartExecutionCommand} from '@aws-sdk/client-sfn';
import {type ExecutionSnapshot, type ExecutionData} from '../../source/model/types.js';
import {createSession} from '../../source/sync/session.js';
import type {Follower, FollowerState} from '../../source/sync/types.js';
import {credentials, foldFullHistory} from '../helpers/local-endpoint.js';
import {repoRoot} from '../helpers/run-cli.js';

/*
 * Shared by the reliability tests (short runs, in `npm test`) and the soak
 * runs (`npm run test:soak`, bigger shapes and more seeds): follow an
 * execution through a faulty endpoint and check that the folded state equals
 * a fault-free read of the same history.
 */

export const faultSpec = (seed: number) => `throttle=0.3,5xx=0.1,reset=0.05,latency=20-200,seed=${seed}`;

const order = readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8');

export type Shape = {name: string; definition: string; input: string};

export const orderShape: Shape = {name: 'order workflow', definition: order, input: '{"orderId": "1", "delayMs": 50}'};

export function mapShape(items: number, delayMs = 5, concurrency = 50): Shape {
	return {
		name: `Map over ${items} items`,
		definition: JSON.stringify({StartAt: 'Each', States: {Each: {Type: 'Map', ItemsPath: '$.items', MaxConcurrency: concurrency, ResultPath: null, ItemProcessor: {StartAt: 'Record', States: {Record: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:record-event', End: true}}}, End: true}}}),
		input: JSON.stringify({items: Array.from({length: items}, (_, index) => ({itemId: index, delayMs}))}),
	};
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => {
				resolve(port);
			});
		});
		server.on('error', reject);
	});
}

export {serveProcess as serve} from '../helpers/serve-process.js';

/** SDK client that retries through the injected faults (for setup and the clean read). */
export function patientClient(url: string): SFNClient {
	return new SFNClient({endpoint: url, region: 'us-east-1', credentials, maxAttempts: 25, retryMode: 'standard'});
}

export async function startShape(url: string, shape: Shape): Promise<string> {
	const sfn = patientClient(url);
	const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: `S${Math.random().toString(36).slice(2, 10)}`, definition: shape.definition, roleArn: 'arn:aws:iam::123456789012:role/R'}));
	const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input: shape.input}));
	return executionArn!;
}

export {snapshotSummary as summary} from '../helpers/local-endpoint.js';

export async function cleanFold(url: string, executionArn: string, definition: string): Promise<ExecutionSnapshot> {
	return foldFullHistory(patientClient(url), executionArn, definition);
}

export type FollowReport = {data: ExecutionData; sawStale: boolean; states: Array<FollowerState<ExecutionData>>};

/** Follows until done, recording whether the data went stale on the way; `onData` runs once data is on screen. */
export async function follow(url: string, executionArn: string, timeoutMs: number, onData?: () => void): Promise<FollowReport> {
	const session = await createSession({endpointUrl: url, region: 'us-east-1', readOnly: true, intervalMs: 200});
	const follower: Follower<ExecutionData> = session.execution(executionArn);
	const states: Array<FollowerState<ExecutionData>> = [];
	try {
		return await new Promise<FollowReport>((resolve, reject) => {
			const timer = setTimeout(() => {
				reject(new Error(`not done after ${timeoutMs} ms; last: ${JSON.stringify({...follower.getState(), data: undefined})}`));
			}, timeoutMs);
			const check = () => {
				const state = follower.getState();
				states.push(state);
				if (state.data && onData) {
					onData();
					onData = undefined;
				}

				if (state.done && state.data) {
					clearTimeout(timer);
					resolve({data: state.data, sawStale: states.some(seen => seen.stale), states});
				}
			};

			follower.subscribe(check);
			check();
		});
	} finally {
		session.close();
	}
}
