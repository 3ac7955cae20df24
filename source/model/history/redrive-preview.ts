import {type RedrivePreview, type ExecutionSnapshot, type MachineGraph} from '../types.js';

const redrivableStatuses = new Set(['FAILED', 'ABORTED', 'TIMED_OUT']);
const fourteenDaysMs = 14 * 24 * 3600 * 1000;

/**
 * Whether an execution can be redriven, following AWS's rules (Standard
 * executions that FAILED, were ABORTED or TIMED_OUT, stopped within the last
 * 14 days, redriven fewer than 1000 times), and what a redrive would do:
 * the states that did not succeed run again — the one it stopped in, and
 * everything after it that never ran — while states that succeeded keep
 * their results. (Inside a Map, AWS reruns only unsuccessful iterations.)
 */
export function redrivePreview(input: {status: string; type: 'STANDARD' | 'EXPRESS'; stopDate?: number; redriveCount: number; now: number}, snapshot: ExecutionSnapshot, graph: MachineGraph): RedrivePreview {
	const keep: string[] = [];
	const rerun: string[] = [];
	for (const state of graph.states) {
		const status = snapshot.states.get(state.name)?.status ?? 'NOT_STARTED';
		(status === 'SUCCEEDED' || status === 'CAUGHT' ? keep : rerun).push(state.name);
	}

	let reason: string | undefined;
	if (input.type === 'EXPRESS') {
		reason = 'Express executions cannot be redriven';
	} else if (!redrivableStatuses.has(input.status)) {
		reason = `the execution is ${input.status}; only FAILED, ABORTED or TIMED_OUT executions can be redriven`;
	} else if (input.stopDate !== undefined && input.now - input.stopDate > fourteenDaysMs) {
		reason = 'the execution stopped more than 14 days ago; AWS allows redrive within 14 days';
	} else if (input.redriveCount >= 1000) {
		reason = 'the execution has been redriven 1000 times, the most AWS allows';
	}

	return {redrivable: reason === undefined, ...(reason && {reason}), rerun, keep};
}
