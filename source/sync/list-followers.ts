import type {AwsApi} from '../aws/sfn.js';
import type {ExecutionStatus, ExecutionSummary, MachineSummary} from '../model/types.js';
import {machineExecutions} from './machine-executions.js';
import {followReads} from './read-follower.js';
import type {Follower} from './types.js';

export function followMachines(shared: AwsApi, intervalMs: number): Follower<MachineSummary[]> {
	return followReads(shared, {
		intervalMs: Math.max(intervalMs, 5000),
		call: 'ListStateMachines',
		reader: api => async () => (await api.listStateMachines()).map(machine => ({
			arn: machine.stateMachineArn ?? '',
			name: machine.name ?? '',
			type: machine.type === 'EXPRESS' ? 'EXPRESS' as const : 'STANDARD' as const,
			...(machine.creationDate && {creationDate: machine.creationDate.getTime()}),
		})),
	});
}

/** Newest first, one ListExecutions call per tick (the newest 100 are what a screen shows); Express machines from their log records (machine-executions.ts). */
export function followExecutions(shared: AwsApi, machineArn: string, statusFilter: ExecutionStatus | undefined, intervalMs: number): Follower<ExecutionSummary[]> {
	return followReads(shared, {
		intervalMs: Math.max(intervalMs, 2000),
		call: 'ListExecutions',
		reader(api) {
			const list = machineExecutions(api, machineArn);
			return async () => list(statusFilter);
		},
	});
}
