import type {StateRun, StateRunLog} from '../history/state-runs.js';
import type {ExecutionStatus, StateStatus} from '../types.js';
import {jsonDiff, payloadValue, type JsonChange} from './json-diff.js';

/** What one side says about a state path. */
export type RunSummary = {
	status: StateStatus;
	attempts: number;
	/** Entered to exited; absent while it runs. */
	durationMs?: number;
	error?: string;
	cause?: string;
};

export type StateComparison = {
	path: string;
	name: string;
	/** Nesting: 0 at the top level, one more per Map iteration or Parallel branch. */
	depth: number;
	/** The outermost Map whose iteration this path is in (for folding long Maps in text). */
	iterationOf?: string;
	a?: RunSummary;
	b?: RunSummary;
	/** Not run by both, or run to different statuses. */
	differs: boolean;
	/** B's duration minus A's, when both are known. */
	durationChangeMs?: number;
};

export type DataDifference = {
	path: string;
	field: 'input' | 'output';
	changes: JsonChange[];
	/** Differences beyond those listed. */
	more: number;
};

export type ExecutionSide = {status: ExecutionStatus; startedAt?: number; endedAt?: number; durationMs?: number; error?: string; cause?: string; redriveCount: number};

export type ExecutionDiff = {
	a: ExecutionSide;
	b: ExecutionSide;
	/** Both ran the same states to the same statuses (the exit code: 0 when true). */
	same: boolean;
	states: StateComparison[];
	/** States run by both whose input or output differ, in state order. */
	data: DataDifference[];
};

function summary(run: StateRun): RunSummary {
	return {
		status: run.status,
		attempts: run.attempts,
		...(run.enteredAt !== undefined && run.exitedAt !== undefined && {durationMs: run.exitedAt - run.enteredAt}),
		...(run.error !== undefined && {error: run.error}),
		...(run.cause !== undefined && {cause: run.cause}),
	};
}

function side(log: StateRunLog): ExecutionSide {
	const {execution} = log;
	return {
		status: execution.status,
		...(execution.startedAt !== undefined && {startedAt: execution.startedAt}),
		...(execution.endedAt !== undefined && {endedAt: execution.endedAt}),
		...(execution.startedAt !== undefined && execution.endedAt !== undefined && {durationMs: execution.endedAt - execution.startedAt}),
		...(execution.error !== undefined && {error: execution.error}),
		...(execution.cause !== undefined && {cause: execution.cause}),
		redriveCount: execution.redriveCount,
	};
}

/**
 * The paths of both executions in one order: A's start order, with each path
 * only B ran placed after the path B ran before it.
 */
export function mergedPaths(a: readonly StateRun[], b: readonly StateRun[]): string[] {
	const order = a.map(run => run.path);
	const known = new Set(order);
	const after = new Map<string | undefined, string[]>();
	let previous: string | undefined;
	for (const run of b) {
		if (known.has(run.path)) {
			previous = run.path;
			continue;
		}

		const list = after.get(previous) ?? [];
		list.push(run.path);
		after.set(previous, list);
		previous = run.path;
		known.add(run.path);
	}

	if (after.size === 0) {
		return order;
	}

	const merged: string[] = [];
	const place = (anchor: string | undefined) => {
		for (const path of after.get(anchor) ?? []) {
			merged.push(path);
			place(path);
		}
	};

	place(undefined);
	for (const path of order) {
		merged.push(path);
		place(path);
	}

	return merged;
}

function outermostIteration(run: StateRun): string | undefined {
	let container: string | undefined;
	for (let {lane} = run; lane; lane = lane.parent) {
		if (lane.kind === 'iteration') {
			container = lane.container;
		}
	}

	return container;
}

function depthOf(run: StateRun): number {
	return run.lane?.depth ?? 0;
}

function compareData(path: string, field: 'input' | 'output', left: string | undefined, right: string | undefined, limit: number): DataDifference | undefined {
	if (left === right || left === undefined || right === undefined) {
		return undefined;
	}

	const {changes, more} = jsonDiff(payloadValue(left), payloadValue(right), limit);
	return changes.length === 0 ? undefined : {path, field, changes, more};
}

/**
 * Two executions side by side, aligned by state path (Map iterations and
 * Parallel branches included): per path each side's status, attempts,
 * duration and error, and for paths both ran, the JSON paths where their
 * input or output differ.
 */
export function diffExecutions(a: StateRunLog, b: StateRunLog, options: {changesPerField?: number} = {}): ExecutionDiff {
	const limit = options.changesPerField ?? 200;
	const states: StateComparison[] = [];
	const data: DataDifference[] = [];
	let same = a.execution.status === b.execution.status;
	for (const path of mergedPaths(a.runs, b.runs)) {
		const left = a.run(path);
		const right = b.run(path);
		const either = (left ?? right)!;
		const differs = left?.status !== right?.status || !left;
		same &&= !differs;
		const comparison: StateComparison = {
			path,
			name: either.name,
			depth: depthOf(either),
			differs,
			...(left && {a: summary(left)}),
			...(right && {b: summary(right)}),
		};
		const iterationOf = outermostIteration(either);
		if (iterationOf !== undefined) {
			comparison.iterationOf = iterationOf;
		}

		if (comparison.a?.durationMs !== undefined && comparison.b?.durationMs !== undefined) {
			comparison.durationChangeMs = comparison.b.durationMs - comparison.a.durationMs;
		}

		states.push(comparison);
		if (left && right) {
			for (const difference of [compareData(path, 'input', left.input, right.input, limit), compareData(path, 'output', left.output, right.output, limit)]) {
				if (difference) {
					data.push(difference);
				}
			}
		}
	}

	return {a: side(a), b: side(b), same, states, data};
}
