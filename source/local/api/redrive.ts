import {buildMachineGraph} from '../../model/graph/asl-graph.js';
import {createSnapshot, foldEvents} from '../../model/history/history-fold.js';
import {normaliseEvent} from '../../model/history/history-event.js';
import {keepsResultOnRedrive, redriveBlock, type RedriveBlock} from '../../model/history/redrive-preview.js';
import {AwsError} from '../aws-error.js';
import type {WireEvent} from '../engine/wire-event.js';
import type {StoredExecution} from '../store-types.js';
import {executionOf} from './lookups.js';
import {seconds, type ApiContext, type Operation} from './operation.js';

/** The state a redrive restarts from, and its input: the top-level state that did not finish (a CAUGHT state did finish). */
export function redrivePoint(execution: StoredExecution, events: WireEvent[]): {startAt: string; input: string} {
	const graph = buildMachineGraph(JSON.parse(execution.definition) as Record<string, unknown>);
	const snapshot = foldEvents(createSnapshot(graph), events.map((event, index) => normaliseEvent(event, index + 1)!).filter(Boolean));
	const unfinished = graph.states.find(state => {
		const status = snapshot.states.get(state.name)?.status;
		return state.parent === null && status !== undefined && status !== 'NOT_STARTED' && !keepsResultOnRedrive(status);
	});
	return unfinished ? {startAt: unfinished.name, input: snapshot.states.get(unfinished.name)?.input ?? execution.input} : {startAt: graph.startAt, input: execution.input};
}

/** The AWS error for each reason RedriveExecution refuses (the rules themselves: model/history/redrive-preview.ts). */
const refusals: Record<RedriveBlock, (execution: StoredExecution) => AwsError> = {
	express: execution => new AwsError('ExecutionNotRedrivable', `Execution is not redrivable: Express executions cannot be redriven: '${execution.arn}'`),
	'not-ended-unsuccessfully': execution => new AwsError('ExecutionNotRedrivable', `Execution is ${execution.status} and cannot be redriven: '${execution.arn}'`),
	'stopped-over-14-days-ago': execution => new AwsError('ExecutionNotRedrivable', `Execution stopped more than 14 days ago and cannot be redriven: '${execution.arn}'`),
	'redriven-too-often': execution => new AwsError('ExecutionLimitExceeded', `Execution has been redriven 1000 times, the most allowed: '${execution.arn}'`),
};

/** RedriveExecution, with AWS's rules: FAILED, ABORTED or TIMED_OUT Standard executions, within 14 days, at most 1000 times. */
export function redriveOperations({store, runner}: ApiContext): Record<string, Operation> {
	return {
		RedriveExecution({body}) {
			const execution = executionOf(store, body.executionArn);
			const block = redriveBlock(execution, Date.now());
			if (block) {
				throw refusals[block](execution);
			}

			const redriven = runner.redrive(execution, redrivePoint(execution, store.eventsOf(execution)));
			return {redriveDate: seconds(redriven.redriveDate)};
		},
	};
}
