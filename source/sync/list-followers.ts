import {errorFacts} from '../aws/errors.js';
import type {AwsApi} from '../aws/sfn.js';
import {executionNameOf} from '../model/arn.js';
import {executionEndStatus, executionRecordIn} from '../model/history/history-event.js';
import type {ExecutionStatus, ExecutionSummary, MachineSummary} from '../model/types.js';
import {expressLogGroup} from './express-log-group.js';
import {listedExecutions} from './execution-pages.js';
import {followerCalls} from './follower-calls.js';
import {createPoller} from './poller.js';
import type {Follower} from './types.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function followMachines(shared: AwsApi, intervalMs: number): Follower<MachineSummary[]> {
	const calls = followerCalls();
	const api = shared.scoped(calls.scope);
	let last: MachineSummary[] | undefined;
	return createPoller({
		intervalMs: Math.max(intervalMs, 5000),
		calls,
		describe: error => api.describe(error, 'ListStateMachines'),
		async tick() {
			const machines = (await api.listStateMachines()).map(machine => ({
				arn: machine.stateMachineArn ?? '',
				name: machine.name ?? '',
				type: machine.type === 'EXPRESS' ? 'EXPRESS' as const : 'STANDARD' as const,
				...(machine.creationDate && {creationDate: machine.creationDate.getTime()}),
			}));
			const changed = !same(machines, last);
			last = machines;
			return {data: machines, changed};
		},
	});
}

/**
 * Express machines have no ListExecutions: their executions are read from
 * the execution records in the machine's log group, incrementally (from the
 * newest record seen, deduplicated by eventId).
 */
function expressLister(api: AwsApi, machineArn: string) {
	const executions = new Map<string, ExecutionSummary>();
	const seen = new Set<string>();
	let logGroup: string | undefined;
	let cursor = Date.now() - (24 * 3600 * 1000);
	return async (): Promise<ExecutionSummary[]> => {
		logGroup ??= (await expressLogGroup(api, machineArn, 'does not log to CloudWatch Logs, so its executions cannot be listed')).logGroup;

		let nextToken: string | undefined;
		do {
			const page = await api.filterLogEvents({logGroupName: logGroup, startTime: cursor, ...(nextToken && {nextToken})});
			for (const event of page.events) {
				if (!event.eventId || seen.has(event.eventId)) {
					continue;
				}

				seen.add(event.eventId);
				cursor = Math.max(cursor, (event.timestamp ?? 0) - 1000);
				const record = executionRecordIn(event.message);
				if (!record) {
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

		return [...executions.values()].toSorted((a, b) => (b.startDate ?? 0) - (a.startDate ?? 0)).slice(0, 100);
	};
}

/** Newest first, one ListExecutions call per tick (the newest 100 are what a screen shows); Express machines from their log records. */
export function followExecutions(shared: AwsApi, machineArn: string, statusFilter: ExecutionStatus | undefined, intervalMs: number): Follower<ExecutionSummary[]> {
	const calls = followerCalls();
	const api = shared.scoped(calls.scope);
	let last: ExecutionSummary[] | undefined;
	let express: (() => Promise<ExecutionSummary[]>) | undefined;
	return createPoller({
		intervalMs: Math.max(intervalMs, 2000),
		calls,
		describe: (error, call) => api.describe(error, call ?? (express ? 'FilterLogEvents' : 'ListExecutions')),
		async tick() {
			let executions: ExecutionSummary[];
			if (express) {
				executions = (await express()).filter(execution => !statusFilter || execution.status === statusFilter);
			} else {
				try {
					const page = await api.listExecutions(machineArn, {...(statusFilter && {statusFilter}), maxResults: 100});
					executions = listedExecutions(page, machineArn);
				} catch (error: unknown) {
					if (errorFacts(error).name !== 'StateMachineTypeNotSupported') {
						throw error;
					}

					express = expressLister(api, machineArn);
					executions = (await express()).filter(execution => !statusFilter || execution.status === statusFilter);
				}
			}

			const changed = !same(executions, last);
			last = executions;
			return {data: executions, changed};
		},
	});
}
