import type {AwsApi} from '../aws/sfn.js';
import {qualifierOf} from '../model/arn.js';
import type {ExecutionStatus, ExecutionSummary, MachineQualifiers, MapRunDescription} from '../model/types.js';
import {mapRunCounts, summaryOfListItem} from './execution-summary.js';
import {followReads} from './read-follower.js';
import type {Follower} from './types.js';

/**
 * A Distributed Map run's progress: one DescribeMapRun per tick, however many
 * child executions it has (its counts are AWS's, not a count of listed
 * children). After the run ends, one final read and no more calls.
 */
export function followMapRun(shared: AwsApi, mapRunArn: string, intervalMs: number): Follower<MapRunDescription> {
	return followReads(shared, {
		intervalMs,
		call: 'DescribeMapRun',
		done: description => description.status !== 'RUNNING',
		reader: api => async (): Promise<MapRunDescription> => {
			const run = await api.describeMapRun(mapRunArn);
			return {
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
		},
	});
}

/** A map run's child executions, newest first: one ListExecutions (by mapRunArn) per tick, the newest 100. */
export function followMapRunExecutions(shared: AwsApi, mapRunArn: string, statusFilter: ExecutionStatus | undefined, intervalMs: number): Follower<ExecutionSummary[]> {
	return followReads(shared, {
		intervalMs: Math.max(intervalMs, 2000),
		call: 'ListExecutions',
		reader: api => async () => {
			const page = await api.listMapRunExecutions(mapRunArn, {...(statusFilter && {statusFilter}), maxResults: 100});
			return (page.executions ?? []).map(execution => summaryOfListItem(execution, ''));
		},
	});
}

/** A machine's versions and aliases: slow-moving, so polled at most every 30 s. */
export function followQualifiers(shared: AwsApi, machineArn: string, intervalMs: number): Follower<MachineQualifiers> {
	return followReads(shared, {
		intervalMs: Math.max(intervalMs, 30_000),
		call: 'ListStateMachineVersions',
		reader: api => async (): Promise<MachineQualifiers> => {
			const [versions, aliases] = await Promise.all([api.listStateMachineVersions(machineArn), api.listStateMachineAliases(machineArn)]);
			return {
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
		},
	});
}
