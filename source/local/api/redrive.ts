import {redriveBlock, type RedriveBlock} from '../../model/history/redrive-preview.js';
import {AwsError} from '../aws-error.js';
import type {StoredExecution} from '../store-types.js';
import {executionOf} from './lookups.js';
import {seconds, type ApiContext, type Operation} from './operation.js';

/** The AWS error for each reason RedriveExecution refuses (the rules themselves: model/history/redrive-preview.ts). */
const refusals: Record<RedriveBlock, (execution: StoredExecution) => AwsError> = {
	express: execution => new AwsError('ExecutionNotRedrivable', `Execution is not redrivable: Express executions cannot be redriven: '${execution.arn}'`),
	'not-ended-unsuccessfully': execution => new AwsError('ExecutionNotRedrivable', `Execution is ${execution.status} and cannot be redriven: '${execution.arn}'`),
	'stopped-over-14-days-ago': execution => new AwsError('ExecutionNotRedrivable', `Execution stopped more than 14 days ago and cannot be redriven: '${execution.arn}'`),
	'redriven-too-often': execution => new AwsError('ExecutionLimitExceeded', `Execution has been redriven 1000 times, the most allowed: '${execution.arn}'`),
};

/** RedriveExecution, with AWS's rules (what reruns is the engine's: it reads the history): FAILED, ABORTED or TIMED_OUT Standard executions, within 14 days, at most 1000 times. */
export function redriveOperations({store, runner}: ApiContext): Record<string, Operation> {
	return {
		RedriveExecution({body}) {
			const execution = executionOf(store, body.executionArn);
			const block = redriveBlock(execution, Date.now());
			if (block) {
				throw refusals[block](execution);
			}

			const redriven = runner.redrive(execution);
			return {redriveDate: seconds(redriven.redriveDate)};
		},
	};
}
