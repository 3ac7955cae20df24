import type {ExecutionSnapshot, MachineGraph, RedrivePreview, StateStatus} from '../types.js';

const fourteenDaysMs = 14 * 24 * 3600 * 1000;
const mostRedrives = 1000;

/** Why AWS would refuse to redrive an execution (RedriveExecution's rules), or undefined when it would not. */
export type RedriveBlock = 'express' | 'not-ended-unsuccessfully' | 'stopped-over-14-days-ago' | 'redriven-too-often';

export type RedriveCandidate = {status: string; type: 'STANDARD' | 'EXPRESS'; stopDate?: number; redriveCount: number};

/**
 * AWS's rules for RedriveExecution, the one copy of them: Standard executions
 * that FAILED, were ABORTED or TIMED_OUT, stopped within the last 14 days,
 * redriven fewer than 1000 times. The dashboard previews with it and
 * `sfntop serve` answers RedriveExecution with it.
 */
export function redriveBlock(execution: RedriveCandidate, now: number): RedriveBlock | undefined {
	if (execution.type === 'EXPRESS') {
		return 'express';
	}

	if (execution.status !== 'FAILED' && execution.status !== 'ABORTED' && execution.status !== 'TIMED_OUT') {
		return 'not-ended-unsuccessfully';
	}

	if (execution.stopDate !== undefined && now - execution.stopDate > fourteenDaysMs) {
		return 'stopped-over-14-days-ago';
	}

	return execution.redriveCount >= mostRedrives ? 'redriven-too-often' : undefined;
}

/** A redrive keeps the result of a state that finished (SUCCEEDED, or CAUGHT: its Catch handled the failure); the rest run again. */
export function keepsResultOnRedrive(status: StateStatus | undefined): boolean {
	return status === 'SUCCEEDED' || status === 'CAUGHT';
}

/**
 * Whether an execution can be redriven and what a redrive would do: the
 * states that did not succeed run again — the one it stopped in, and
 * everything after it that never ran — while states that succeeded keep
 * their results. (Inside a Map, AWS reruns only unsuccessful iterations.)
 */
export function redrivePreview(input: RedriveCandidate & {now: number}, snapshot: ExecutionSnapshot, graph: MachineGraph): RedrivePreview {
	const keep: string[] = [];
	const rerun: string[] = [];
	for (const state of graph.states) {
		(keepsResultOnRedrive(snapshot.states.get(state.name)?.status) ? keep : rerun).push(state.name);
	}

	const block = redriveBlock(input, input.now);
	const reason = block && reasons[block](input.status);
	return {redrivable: reason === undefined, ...(reason && {reason}), rerun, keep};
}

const reasons: Record<RedriveBlock, (status: string) => string> = {
	express: () => 'Express executions cannot be redriven',
	'not-ended-unsuccessfully': status => `the execution is ${status}; only FAILED, ABORTED or TIMED_OUT executions can be redriven`,
	'stopped-over-14-days-ago': () => 'the execution stopped more than 14 days ago; AWS allows redrive within 14 days',
	'redriven-too-often': () => `the execution has been redriven ${mostRedrives} times, the most AWS allows`,
};
