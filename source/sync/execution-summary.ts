import type {AwsApi} from '../aws/sfn.js';
import type {ExecutionSummary, MapRunCounts} from '../model/types.js';

// The SDK's shapes as AwsApi hands them over (sync/ names no SDK type itself).
type ExecutionListItem = NonNullable<Awaited<ReturnType<AwsApi['listExecutions']>>['executions']>[number];
type MapRunItemCounts = Awaited<ReturnType<AwsApi['describeMapRun']>>['itemCounts'];

/** A ListExecutions item as the model's ExecutionSummary (the version or alias it ran under included). */
export function summaryOfListItem(item: ExecutionListItem, machineArn: string): ExecutionSummary {
	return {
		arn: item.executionArn ?? '',
		name: item.name ?? '',
		machineArn: item.stateMachineArn ?? machineArn,
		status: item.status ?? 'RUNNING',
		...(item.startDate && {startDate: item.startDate.getTime()}),
		...(item.stopDate && {stopDate: item.stopDate.getTime()}),
		...(item.redriveCount !== undefined && {redriveCount: item.redriveCount}),
		...(item.stateMachineVersionArn && {versionArn: item.stateMachineVersionArn}),
		...(item.stateMachineAliasArn && {aliasArn: item.stateMachineAliasArn}),
	};
}

export function mapRunCounts(counts: Partial<Record<keyof MapRunCounts, number>> | MapRunItemCounts | undefined): MapRunCounts {
	return {
		pending: counts?.pending ?? 0,
		running: counts?.running ?? 0,
		succeeded: counts?.succeeded ?? 0,
		failed: counts?.failed ?? 0,
		timedOut: counts?.timedOut ?? 0,
		aborted: counts?.aborted ?? 0,
		total: counts?.total ?? 0,
		resultsWritten: counts?.resultsWritten ?? 0,
		failuresNotRedrivable: counts?.failuresNotRedrivable ?? 0,
		pendingRedrive: counts?.pendingRedrive ?? 0,
	};
}
