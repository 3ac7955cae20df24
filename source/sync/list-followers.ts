import type {AwsApi} from '../aws/sfn.js';
import type {ExecutionStatus, ExecutionSummary, MachineSummary} from '../model/types.js';
import {followerCalls} from './follower-calls.js';
import {machineExecutions} from './machine-executions.js';
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

/** Newest first, one ListExecutions call per tick (the newest 100 are what a screen shows); Express machines from their log records (machine-executions.ts). */
export function followExecutions(shared: AwsApi, machineArn: string, statusFilter: ExecutionStatus | undefined, intervalMs: number): Follower<ExecutionSummary[]> {
	const calls = followerCalls();
	const api = shared.scoped(calls.scope);
	const list = machineExecutions(api, machineArn);
	let last: ExecutionSummary[] | undefined;
	return createPoller({
		intervalMs: Math.max(intervalMs, 2000),
		calls,
		describe: (error, call) => api.describe(error, call ?? 'ListExecutions'),
		async tick() {
			const executions = await list(statusFilter);
			const changed = !same(executions, last);
			last = executions;
			return {data: executions, changed};
		},
	});
}
