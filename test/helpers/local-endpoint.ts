import {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, type HistoryEvent} from '@aws-sdk/client-sfn';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import {normaliseEvent} from '../../source/model/history/history-event.js';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import type {ExecutionSnapshot} from '../../source/model/types.js';
import {startServer, type RunningServer, type ServerOptions} from '../../source/local/server.js';

export const credentials = {accessKeyId: 'local', secretAccessKey: 'local'};

/** A real listening endpoint on a free loopback port, and SDK clients pointed at it. */
export async function localEndpoint(options: ServerOptions = {}): Promise<{server: RunningServer; sfn: SFNClient; logs: CloudWatchLogsClient}> {
	const server = await startServer({port: 0, ...options});
	const sfn = new SFNClient({endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1, disableHostPrefix: true});
	const logs = new CloudWatchLogsClient({endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1, disableHostPrefix: true});
	return {server, sfn, logs};
}

/** Polls DescribeExecution until the execution is no longer RUNNING (bounded). */
export async function waitForEnd(sfn: SFNClient, executionArn: string, timeoutMs = 15_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const {status} = await sfn.send(new DescribeExecutionCommand({executionArn}));
		if (status !== 'RUNNING') {
			return status!;
		}

		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}

	throw new Error(`${executionArn} still running after ${timeoutMs} ms`);
}

export async function fullHistory(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
	const events: HistoryEvent[] = [];
	let nextToken: string | undefined;
	do {
		const page = await sfn.send(new GetExecutionHistoryCommand({executionArn, maxResults: 1000, nextToken}));
		events.push(...(page.events ?? []));
		nextToken = page.nextToken;
	} while (nextToken);

	return events;
}

/** A one-shot full read of a history, folded: what a follower must end up equal to. */
export async function foldFullHistory(sfn: SFNClient, executionArn: string, definition: string): Promise<ExecutionSnapshot> {
	const events = await fullHistory(sfn, executionArn);
	return foldEvents(createSnapshot(buildMachineGraph(JSON.parse(definition) as Record<string, unknown>)), events.map((event, index) => normaliseEvent(event, index + 1)!));
}

/** What two folds must agree on: status, event count, last id, and every state's status, attempts and iterations. */
export function snapshotSummary(snapshot: ExecutionSnapshot) {
	return {
		status: snapshot.status,
		eventCount: snapshot.eventCount,
		lastEventId: snapshot.lastEventId,
		states: Object.fromEntries([...snapshot.states].map(([name, state]) => [name, {status: state.status, attempts: state.attempts, iterations: state.iterations}])),
	};
}
