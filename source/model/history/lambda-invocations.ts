import {lambdaFunctionOf} from '../arn.js';
import {isRecord} from '../text/json-text.js';
import type {ExecutionData} from '../types.js';
import {EventOwners} from './event-owners.js';

/*
 * Which Lambda invocations, and so which log lines, belong to one Task state of
 * an execution. Pure: the log follower (sync/log-follower.ts) polls, this decides.
 */

/** The Lambda function a Task state calls: a direct function ARN, or lambda:invoke's FunctionName. */
export function functionOfState(data: ExecutionData, stateName: string): string | undefined {
	const state = data.graph.states.find(candidate => candidate.name === stateName);
	const resource = data.snapshot.states.get(stateName)?.resource ?? state?.resource ?? '';
	const direct = lambdaFunctionOf(resource);
	if (direct) {
		return direct;
	}

	if (resource.includes(':lambda:invoke')) {
		const given = state?.definition.Parameters ?? state?.definition.Arguments;
		const parameters = isRecord(given) ? given : undefined;
		const name = parameters?.FunctionName ?? parameters?.['FunctionName.$'];
		if (typeof name === 'string' && !name.startsWith('$') && !name.startsWith('{%')) {
			return lambdaFunctionOf(name) ?? name.split(':', 1)[0];
		}
	}

	return undefined;
}

/** The Lambda request id in a log line (`START RequestId: …`, or the tab-separated id of a line the function logged). */
export const requestIdIn = (message: string) => /RequestId: ([\d\-a-f]{36})/.exec(message)?.[1] ?? /^\S+\t([\d\-a-f]{36})\t/.exec(message)?.[1];

/** When each attempt of a state started (LambdaFunctionStarted / TaskStarted), from the history. */
export function attemptStarts(data: ExecutionData, stateName: string): number[] {
	const owners = new EventOwners();
	const starts: number[] = [];
	for (const event of data.events) {
		if (owners.stateOf(event) === stateName && (event.type === 'LambdaFunctionStarted' || event.type === 'TaskStarted') && event.timestamp !== undefined) {
			starts.push(event.timestamp);
		}
	}

	return starts;
}

/**
 * Direct Lambda integrations leave no request id in the history, and other
 * executions may run the same function at the same time. So each attempt is
 * matched to the invocation whose START line is nearest its start event;
 * only those invocations' lines belong to the state.
 */
export function pickInvocations(starts: readonly number[], invocations: ReadonlyMap<string, number>): Set<string> {
	const chosen = new Set<string>();
	for (const start of starts) {
		let best: string | undefined;
		let bestDistance = Infinity;
		for (const [requestId, time] of invocations) {
			const distance = Math.abs(time - start);
			if (!chosen.has(requestId) && distance < bestDistance) {
				best = requestId;
				bestDistance = distance;
			}
		}

		if (best && bestDistance < 2000) {
			chosen.add(best);
		}
	}

	return chosen;
}
