import type {AwsApi} from '../aws/sfn.js';
import {qualifierOf} from '../model/arn.js';
import type {ExecutionStatus, ExecutionSummary, MachineQualifiers, MapRunDescription} from '../model/types.js';
import {mapRunCounts, summaryOfListItem} from './execution-summary.js';
import {followerCalls} from './follower-calls.js';
import {createPoller} from './poller.js';
import type {Follower} from './types.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A Distributed Map run's progress: one DescribeMapRun per tick, however many
 * child executions it has (its counts are AWS's, not a count of listed
 * children). After the run ends, one final read and no more calls.
 */
export function followMapRun(shared: AwsApi, mapRunArn: string, intervalMs: number): Follower<MapRunDescription> {
	const calls = followerCalls();
	const api = shared.scoped(calls.scope);
	let last: MapRunDescription | undefined;
	return createPoller({
		intervalMs,
		calls,
		describe: (error, call) => api.describe(error, call ?? 'DescribeMapRun'),
		async tick() {
			const run = await api.describeMapRun(mapRunArn);
			const description: MapRunDescription = {
				arn: run.mapRunArn ?? mapRunArn,
				executionArn: run.executionArn ?? '',
				status: run.status ?? 'RUNNING',
				...(run.startDate && {startDate: run.startDate.getTime()}),
				...(run.stopDate && {stopDate: run.stopDate.getTime()}),
				maxConcurrency: run.maxConcurrency ?? 0,
				toleratedFailurePercentage: run.toleratedFailurePercentage ?? 0,
				toleratedFailureCount: run.toleratedFailureCount ?? 0,
				itemCounts: mapRunCounts(run.itemCounts),
				executionCounts: mapRunCounts(run.executionCounts),
				...(run.redriveCount !== undefined && {redriveCount: run.redriveCount}),
			};
			const changed = !same(description, last);
			last = description;
			return {data: description, changed, done: description.status !== 'RUNNING'};
		},
	});
}

/** A map run's child executions, newest first: one ListExecutions (by mapRunArn) per tick, the newest 100. */
export function followMapRunExecutions(shared: AwsApi, mapRunArn: string, statusFilter: ExecutionStatus | undefined, intervalMs: number): Follower<ExecutionSummary[]> {
	const calls = followerCalls();
	const api = shared.scoped(calls.scope);
	let last: ExecutionSummary[] | undefined;
	return createPoller({
		intervalMs: Math.max(intervalMs, 2000),
		calls,
		describe: (error, call) => api.describe(error, call ?? 'ListExecutions'),
		async tick() {
			const page = await api.listMapRunExecutions(mapRunArn, {...(statusFilter && {statusFilter}), maxResults: 100});
			const executions = (page.executions ?? []).map(execution => summaryOfListItem(execution, ''));
			const changed = !same(executions, last);
			last = executions;
			return {data: executions, changed};
		},
	});
}

/** A machine's versions and aliases: slow-moving, so polled at most every 30 s. */
export function followQualifiers(shared: AwsApi, machineArn: string, intervalMs: number): Follower<MachineQualifiers> {
	const calls = followerCalls();
	const api = shared.scoped(calls.scope);
	let last: MachineQualifiers | undefined;
	return createPoller({
		intervalMs: Math.max(intervalMs, 30_000),
		calls,
		describe: (error, call) => api.describe(error, call ?? 'ListStateMachineVersions'),
		async tick() {
			const [versions, aliases] = await Promise.all([api.listStateMachineVersions(machineArn), api.listStateMachineAliases(machineArn)]);
			const qualifiers: MachineQualifiers = {
				versions: (versions.stateMachineVersions ?? []).map(version => ({
					arn: version.stateMachineVersionArn ?? '',
					version: qualifierOf(version.stateMachineVersionArn ?? ''),
					...(version.creationDate && {creationDate: version.creationDate.getTime()}),
				})),
				aliases: (aliases.stateMachineAliases ?? []).map(alias => ({
					arn: alias.stateMachineAliasArn ?? '',
					name: qualifierOf(alias.stateMachineAliasArn ?? ''),
					...(alias.creationDate && {creationDate: alias.creationDate.getTime()}),
				})),
			};
			const changed = !same(qualifiers, last);
			last = qualifiers;
			return {data: qualifiers, changed};
		},
	});
}
