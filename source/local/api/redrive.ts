import {redriveBlock, type RedriveBlock} from '../../model/history/redrive-preview.js';
import {AwsError} from '../aws-error.js';
import type {Store} from '../store.js';
import type {StoredExecution} from '../store-types.js';
import {executionOf} from './lookups.js';
import {seconds, type ApiContext, type Operation} from './operation.js';

/** AWS's rules (model/history/redrive-preview.ts), and one that needs the store: the machine is being deleted, or is gone. */
type Block = RedriveBlock | 'machine-deleting';

/**
 * Why an execution cannot be redriven, in AWS's words (DescribeExecution's redriveStatusReason; recorded: "Execution
 * is SUCCEEDED and cannot be redriven"; "State machine is in DELETING status." from the API reference's list).
 */
const reasons: Record<Block, (execution: StoredExecution) => string> = {
	'machine-deleting': () => 'State machine is in DELETING status.',
	express: () => 'Express executions cannot be redriven',
	'not-ended-unsuccessfully': execution => `Execution is ${execution.status} and cannot be redriven`,
	'stopped-over-14-days-ago': () => 'Execution stopped more than 14 days ago and cannot be redriven',
	'redriven-too-often': () => 'Execution has been redriven 1000 times, the most allowed',
};

/** A Standard execution's machine (a Distributed Map child's: its parent's, `<machine ARN>/<label>`) being deleted or gone. */
function blockOf(store: Store, execution: StoredExecution, now: number): Block | undefined {
	if (execution.type === 'STANDARD') {
		const machine = store.machines.get(execution.machineArn.split('/', 1)[0]);
		if (!machine || machine.status === 'DELETING') {
			return 'machine-deleting';
		}
	}

	return redriveBlock(execution, now);
}

/** DescribeExecution's redriveStatusReason; undefined when the execution can be redriven now. */
export function redriveStatusReason(store: Store, execution: StoredExecution, now = Date.now()): string | undefined {
	const block = blockOf(store, execution, now);
	return block && reasons[block](execution);
}

/** The AWS error RedriveExecution answers for each reason. */
function refusal(block: Block, execution: StoredExecution): AwsError {
	const type = block === 'redriven-too-often' ? 'ExecutionLimitExceeded' : 'ExecutionNotRedrivable';
	return new AwsError(type, `${block === 'express' ? 'Execution is not redrivable: ' : ''}${reasons[block](execution).replace(/\.$/, '')}: '${execution.arn}'`);
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

			const block = blockOf(store, execution, now);
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
