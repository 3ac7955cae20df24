import {errorFacts} from '../aws/errors.js';
import type {AwsApi} from '../aws/sfn.js';
import {executionNameOf, machineNameOf, machineOfExecution} from '../model/arn.js';
import {executionEndStatus, executionRecordIn} from '../model/history/history-event.js';
import type {ExecutionStatus, ExecutionSummary} from '../model/types.js';
import {summaryOfListItem} from './execution-summary.js';
import {expressLogGroup} from './express-log-group.js';

/** How far back an Express machine's execution records are read: a day, as the console's default view. */
export const expressWindowMs = 24 * 3600 * 1000;

const newestFirst = (a: ExecutionSummary, b: ExecutionSummary) => (b.startDate ?? 0) - (a.startDate ?? 0);

/**
 * Express machines have no ListExecutions: their executions are read from
 * the execution records in the machine's log group, incrementally (from the
 * newest record seen, deduplicated by eventId), over the last day, keeping
 * only this machine's.
 */
function expressLister(api: AwsApi, machineArn: string): () => Promise<ExecutionSummary[]> {
	const executions = new Map<string, ExecutionSummary>();
	const seen = new Set<string>();
	let logGroup: string | undefined;
	let cursor = Date.now() - expressWindowMs;
	const machine = machineNameOf(machineArn);
	return async () => {
		logGroup ??= (await expressLogGroup(api, machineArn, 'its executions cannot be listed', 'any')).logGroup;
		let nextToken: string | undefined;
		do {
			const page = await api.filterLogEvents({logGroupName: logGroup, startTime: cursor, ...(nextToken && {nextToken})});
			for (const event of page.events) {
				if (!event.eventId || seen.has(event.eventId)) {
					continue;
				}

				seen.add(event.eventId);
				cursor = Math.max(cursor, (event.timestamp ?? 0) - 1000);
				// A log group may hold the records of several machines.
				const record = executionRecordIn(event.message);
				if (!record || machineOfExecution(record.execution_arn)?.name !== machine) {
					continue;
				}

				// A record's own timestamp is a string of epoch ms; 0 or unreadable falls back to the log event's.
				const time = Number(record.event_timestamp) || (event.timestamp ?? 0);
				const summary = executions.get(record.execution_arn) ?? {arn: record.execution_arn, name: executionNameOf(record.execution_arn), machineArn, status: 'RUNNING' as const};
				if (record.type === 'ExecutionStarted') {
					summary.startDate = time;
				}

				const ended = executionEndStatus[record.type];
				if (ended) {
					summary.status = ended;
					summary.stopDate = time;
				}

				executions.set(record.execution_arn, summary);
			}

			nextToken = page.nextToken;
		} while (nextToken);

		return [...executions.values()];
	};
}

/**
 * A machine's newest executions (at most `limit`), newest first: one
 * ListExecutions call for a Standard machine; for an Express machine, which
 * has no ListExecutions, its CloudWatch Logs execution records. Call the
 * returned function again to update (a follower's tick): the Express records
 * are then read from where the last call stopped. `type` skips the probe when
 * the caller already knows the machine is Express.
 */
export function machineExecutions(api: AwsApi, machineArn: string, type?: string): (statusFilter?: ExecutionStatus, limit?: number) => Promise<ExecutionSummary[]> {
	let express = type === 'EXPRESS' ? expressLister(api, machineArn) : undefined;
	const fromRecords = async (lister: () => Promise<ExecutionSummary[]>, statusFilter: ExecutionStatus | undefined, limit: number) =>
		(await lister()).filter(execution => !statusFilter || execution.status === statusFilter).toSorted(newestFirst).slice(0, limit);
	return async (statusFilter, limit = 100) => {
		if (express) {
			return fromRecords(express, statusFilter, limit);
		}

		try {
			const page = await api.listExecutions(machineArn, {...(statusFilter && {statusFilter}), maxResults: Math.min(limit, 1000)});
			return (page.executions ?? []).map(execution => summaryOfListItem(execution, machineArn));
		} catch (error: unknown) {
			if (errorFacts(error).name !== 'StateMachineTypeNotSupported') {
				throw error;
			}

			express = expressLister(api, machineArn);
			return fromRecords(express, statusFilter, limit);
		}
	};
}
