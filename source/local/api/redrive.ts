import {buildMachineGraph} from '../../model/graph/asl-graph.js';
import {createSnapshot, foldEvents} from '../../model/history/history-fold.js';
import {normaliseEvent} from '../../model/history/history-event.js';
import {AwsError} from '../aws-error.js';
import type {WireEvent} from '../engine/wire-event.js';
import type {StoredExecution} from '../store-types.js';
import {executionOf} from './lookups.js';
import {seconds, type ApiContext, type Operation} from './operation.js';

const fourteenDays = 14 * 24 * 3600 * 1000;
const unfinishedStatuses = new Set(['FAILED', 'ABORTED', 'TIMED_OUT', 'RUNNING', 'RETRYING']);

/** The state a redrive restarts from, and its input: the top-level state that did not finish (a CAUGHT state did finish). */
export function redrivePoint(execution: StoredExecution, events: WireEvent[]): {startAt: string; input: string} {
	const graph = buildMachineGraph(JSON.parse(execution.definition) as Record<string, unknown>);
	const snapshot = foldEvents(createSnapshot(graph), events.map((event, index) => normaliseEvent(event, index + 1)!).filter(Boolean));
	const unfinished = graph.states.find(state => state.parent === null && unfinishedStatuses.has(snapshot.states.get(state.name)?.status ?? ''));
	return unfinished ? {startAt: unfinished.name, input: snapshot.states.get(unfinished.name)?.input ?? execution.input} : {startAt: graph.startAt, input: execution.input};
}

/** RedriveExecution, with AWS's rules: FAILED, ABORTED or TIMED_OUT Standard executions, within 14 days, at most 1000 times. */
export function redriveOperations({store, runner}: ApiContext): Record<string, Operation> {
	return {
		RedriveExecution({body}) {
			const execution = executionOf(store, body.executionArn);
			if (execution.type === 'EXPRESS') {
				throw new AwsError('ExecutionNotRedrivable', `Execution is not redrivable: Express executions cannot be redriven: '${execution.arn}'`);
			}

			if (!['FAILED', 'ABORTED', 'TIMED_OUT'].includes(execution.status)) {
				throw new AwsError('ExecutionNotRedrivable', `Execution is ${execution.status} and cannot be redriven: '${execution.arn}'`);
			}

			if (execution.stopDate !== undefined && Date.now() - execution.stopDate > fourteenDays) {
				throw new AwsError('ExecutionNotRedrivable', `Execution stopped more than 14 days ago and cannot be redriven: '${execution.arn}'`);
			}

			if (execution.redriveCount >= 1000) {
				throw new AwsError('ExecutionLimitExceeded', `Execution has been redriven 1000 times, the most allowed: '${execution.arn}'`);
			}

			const redriven = runner.redrive(execution, redrivePoint(execution, store.eventsOf(execution)));
			return {redriveDate: seconds(redriven.redriveDate)};
		},
	};
}
