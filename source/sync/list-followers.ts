import type {ExecutionStatus} from '@aws-sdk/client-sfn';
import type {AwsApi} from '../aws/sfn.js';
import {executionEndStatus} from '../model/history/history-fold.js';
import {listedExecutions} from './execution-pages.js';
import {createPoller} from './poller.js';
import type {ExecutionSummary, Follower, MachineSummary} from './types.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function followMachines(api: AwsApi, intervalMs: number): Follower<MachineSummary[]> {
	let last: MachineSummary[] | undefined;
	return createPoller({
		intervalMs: Math.max(intervalMs, 5000),
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
		if (!logGroup) {
			const machine = await api.describeStateMachine(machineArn);
			const groupArn = machine.loggingConfiguration?.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
			logGroup = groupArn ? /:log-group:([^:]+)/.exec(groupArn)?.[1] : undefined;
			if (!logGroup || machine.loggingConfiguration?.level === 'OFF') {
				throw Object.assign(new Error(`${machine.name ?? 'this Express machine'} does not log to CloudWatch Logs, so its executions cannot be listed`), {name: 'StateMachineTypeNotSupported'});
			}
		}

		let nextToken: string | undefined;
		do {
			const page = await api.filterLogEvents({logGroupName: logGroup, startTime: cursor, ...(nextToken && {nextToken})});
			for (const event of page.events) {
				if (!event.eventId || seen.has(event.eventId)) {
					continue;
				}

				seen.add(event.eventId);
				cursor = Math.max(cursor, (event.timestamp ?? 0) - 1000);
				let record: {type?: string; execution_arn?: string; event_timestamp?: string; redrive_count?: string};
				try {
					record = JSON.parse(event.message ?? '') as typeof record;
				} catch {
					continue;
				}

				if (!record.execution_arn || !record.type) {
					continue;
				}

				const time = Number(record.event_timestamp) || event.timestamp || 0;
				const parts = record.execution_arn.split(':');
				const summary = executions.get(record.execution_arn) ?? {arn: record.execution_arn, name: parts.at(-2) ?? parts.at(-1) ?? '', machineArn, status: 'RUNNING' as const};
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
export function followExecutions(api: AwsApi, machineArn: string, statusFilter: ExecutionStatus | undefined, intervalMs: number): Follower<ExecutionSummary[]> {
	let last: ExecutionSummary[] | undefined;
	let express: (() => Promise<ExecutionSummary[]>) | undefined;
	return createPoller({
		intervalMs: Math.max(intervalMs, 2000),
		describe: error => api.describe(error, express ? 'FilterLogEvents' : 'ListExecutions'),
		async tick() {
			let executions: ExecutionSummary[];
			if (express) {
				executions = (await express()).filter(execution => !statusFilter || execution.status === statusFilter);
			} else {
				try {
					const page = await api.listExecutions(machineArn, {...(statusFilter && {statusFilter}), maxResults: 100});
					executions = listedExecutions(page, machineArn);
				} catch (error: unknown) {
					if ((error as {name?: string}).name !== 'StateMachineTypeNotSupported') {
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
