import type {ExecutionStatus} from '@aws-sdk/client-sfn';
import type {AwsApi} from '../aws/sfn.js';
import {HistorySync} from './history-sync.js';
import {createPoller} from './poller.js';
import type {ExecutionSummary, Follower, MachineSummary, RunningExecutionSummary} from './types.js';

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

/** Newest first, one ListExecutions call per tick (the newest 100 are what a screen shows). */
export function followExecutions(api: AwsApi, machineArn: string, statusFilter: ExecutionStatus | undefined, intervalMs: number): Follower<ExecutionSummary[]> {
	let last: ExecutionSummary[] | undefined;
	return createPoller({
		intervalMs: Math.max(intervalMs, 2000),
		describe: error => api.describe(error, 'ListExecutions'),
		async tick() {
			const page = await api.listExecutions(machineArn, {...(statusFilter && {statusFilter}), maxResults: 100});
			const executions: ExecutionSummary[] = (page.executions ?? []).map(execution => ({
				arn: execution.executionArn ?? '',
				name: execution.name ?? '',
				machineArn: execution.stateMachineArn ?? machineArn,
				status: execution.status ?? 'RUNNING',
				...(execution.startDate && {startDate: execution.startDate.getTime()}),
				...(execution.stopDate && {stopDate: execution.stopDate.getTime()}),
				...(execution.redriveCount !== undefined && {redriveCount: execution.redriveCount}),
			}));
			const changed = !same(executions, last);
			last = executions;
			return {data: executions, changed};
		},
	});
}

/** Every RUNNING execution of a machine with its current state and Map progress (the deploy-day wall). */
export function followRunning(api: AwsApi, machineArn: string, intervalMs: number, limit = 50): Follower<RunningExecutionSummary[]> {
	const syncs = new Map<string, HistorySync>();
	let last: RunningExecutionSummary[] | undefined;
	return createPoller({
		intervalMs: Math.max(intervalMs, 2000),
		describe: error => api.describe(error, 'ListExecutions'),
		async tick() {
			const page = await api.listExecutions(machineArn, {statusFilter: 'RUNNING', maxResults: limit});
			const running = page.executions ?? [];
			const live = new Set(running.map(execution => execution.executionArn!));
			for (const arn of syncs.keys()) {
				if (!live.has(arn)) {
					syncs.delete(arn);
				}
			}

			const summaries: RunningExecutionSummary[] = [];
			for (const execution of running) {
				const arn = execution.executionArn!;
				let sync = syncs.get(arn);
				if (!sync) {
					sync = new HistorySync(api, arn);
					syncs.set(arn, sync);
				}

				await sync.update();
				const current = sync.snapshot.activeStates.at(-1);
				const map = [...sync.snapshot.states.values()].find(state => state.iterations && state.status === 'RUNNING')?.iterations;
				summaries.push({
					arn,
					name: execution.name ?? '',
					machineArn,
					status: execution.status ?? 'RUNNING',
					...(execution.startDate && {startDate: execution.startDate.getTime()}),
					...(current && {currentState: current}),
					...(map && {mapProgress: {total: map.total, succeeded: map.succeeded, failed: map.failed, running: map.running}}),
				});
			}

			const changed = !same(summaries, last);
			last = summaries;
			return {data: summaries, changed};
		},
	});
}
