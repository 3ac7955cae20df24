import type {AwsApi} from '../aws/sfn.js';
import type {ExecutionSummary} from '../model/types.js';

type ListedExecution = NonNullable<Awaited<ReturnType<AwsApi['listExecutions']>>['executions']>[number];

/** A ListExecutions item as the model's ExecutionSummary. */
export function executionSummaryOf(execution: ListedExecution, machineArn: string): ExecutionSummary {
	return {
		arn: execution.executionArn ?? '',
		name: execution.name ?? '',
		machineArn: execution.stateMachineArn ?? machineArn,
		status: execution.status ?? 'RUNNING',
		...(execution.startDate && {startDate: execution.startDate.getTime()}),
		...(execution.stopDate && {stopDate: execution.stopDate.getTime()}),
		...(execution.redriveCount !== undefined && {redriveCount: execution.redriveCount}),
	};
}
