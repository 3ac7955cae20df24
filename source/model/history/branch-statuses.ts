import type {ExecutionSnapshot, MachineGraph, StateStatus} from '../types.js';

/** Per-branch status of a Parallel state, derived from the states inside each branch. */
export function branchStatuses(snapshot: ExecutionSnapshot, graph: MachineGraph, parallel: string): StateStatus[] {
	const branches: StateStatus[][] = [];
	for (const state of graph.states) {
		if (state.parent === parallel) {
			(branches[state.branch ?? 0] ??= []).push(snapshot.states.get(state.name)?.status ?? 'NOT_STARTED');
		}
	}

	return branches.map(statuses => {
		for (const status of ['FAILED', 'TIMED_OUT', 'RUNNING', 'RETRYING', 'ABORTED'] as const) {
			if (statuses.includes(status)) {
				return status;
			}
		}

		return statuses.every(status => status === 'NOT_STARTED') ? 'NOT_STARTED' : 'SUCCEEDED';
	});
}
