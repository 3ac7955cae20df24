import {redriveBlock, type RedriveBlock} from '../../model/history/redrive-preview.js';
import {AwsError} from '../aws-error.js';
import type {StoredExecution} from '../store-types.js';
import {executionOf} from './lookups.js';
import {seconds, type ApiContext, type Operation} from './operation.js';

/** Why an execution cannot be redriven, in AWS's words (DescribeExecution's redriveStatusReason; recorded: "Execution is SUCCEEDED and cannot be redriven"). */
const reasons: Record<RedriveBlock, (execution: StoredExecution) => string> = {
	express: () => 'Express executions cannot be redriven',
	'not-ended-unsuccessfully': execution => `Execution is ${execution.status} and cannot be redriven`,
	'stopped-over-14-days-ago': () => 'Execution stopped more than 14 days ago and cannot be redriven',
	'redriven-too-often': () => 'Execution has been redriven 1000 times, the most allowed',
};

/** DescribeExecution's redriveStatusReason; undefined when the execution can be redriven now. */
export function redriveStatusReason(execution: StoredExecution, now = Date.now()): string | undefined {
	const block = redriveBlock(execution, now);
	return block && reasons[block](execution);
}

/** The AWS error RedriveExecution answers for each reason (the rules themselves: model/history/redrive-preview.ts). */
function refusal(block: RedriveBlock, execution: StoredExecution): AwsError {
	const type = block === 'redriven-too-often' ? 'ExecutionLimitExceeded' : 'ExecutionNotRedrivable';
	return new AwsError(type, `${block === 'express' ? 'Execution is not redrivable: ' : ''}${reasons[block](execution)}: '${execution.arn}'`);
}

/** AWS keeps a RedriveExecution clientToken for 15 minutes, and the last 10 per execution (API reference). */
const tokenLifetimeMs = 15 * 60 * 1000;
const tokensKept = 10;

/**
 * RedriveExecution, with AWS's rules (what reruns is the engine's: it reads the history): FAILED, ABORTED or TIMED_OUT
 * Standard executions, within 14 days, at most 1000 times. A clientToken already used answers that redrive again,
 * so a client's retry never redrives twice.
 */
export function redriveOperations({store, runner}: ApiContext): Record<string, Operation> {
	return {
		RedriveExecution({body}) {
			const execution = executionOf(store, body.executionArn);
			const now = Date.now();
			const token = typeof body.clientToken === 'string' ? body.clientToken : undefined;
			const recent = (execution.redriveTokens ?? []).filter(entry => now - entry.firstUsed < tokenLifetimeMs);
			const answered = recent.find(entry => entry.token === token);
			if (answered) {
				return {redriveDate: seconds(answered.redriveDate)};
			}

			const block = redriveBlock(execution, now);
			if (block) {
				throw refusal(block, execution);
			}

			const redriven = runner.redrive(execution);
			if (token !== undefined) {
				redriven.redriveTokens = [...recent, {token, firstUsed: now, redriveDate: redriven.redriveDate!}].slice(-tokensKept);
				store.putExecution(redriven, true);
			}

			return {redriveDate: seconds(redriven.redriveDate)};
		},
	};
}
