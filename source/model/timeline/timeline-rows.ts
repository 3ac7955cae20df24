import type {Lane, StateRun, StateRunLog} from '../history/state-runs.js';
import type {StateStatus} from '../types.js';

/** A lane's worst status first: what a folded row's counts and a branch's status read as. */
const severity: StateStatus[] = ['FAILED', 'TIMED_OUT', 'ABORTED', 'RUNNING', 'RETRYING', 'CAUGHT', 'SUCCEEDED', 'NOT_STARTED'];

export type TimelineRow =
	| {kind: 'state'; run: StateRun; depth: number; critical: boolean}
	/** A Map iteration's header: its own span, the states in it follow one level deeper. */
	| {kind: 'lane'; lane: Lane; depth: number; critical: boolean}
	/** Lanes beyond the first few of a Map or Parallel, as one row: how many, their statuses, their joint span. */
	| {kind: 'folded'; container: string; laneKind: Lane['kind']; count: number; depth: number; start?: number; end?: number; open: boolean; counts: Partial<Record<StateStatus, number>>};

export type TimelineRowOptions = {
	/** Lanes shown per Map or Parallel before the rest fold into one row. */
	lanesShown?: number;
};

/** A branch has no events of its own: its status is its states' worst, its span theirs. */
export function laneSummary(log: StateRunLog, lane: Lane): {status: StateStatus; start?: number; end?: number; open: boolean} {
	if (lane.kind === 'iteration') {
		return {status: lane.status, ...(lane.startedAt !== undefined && {start: lane.startedAt}), ...(lane.endedAt !== undefined && {end: lane.endedAt}), open: lane.status === 'RUNNING'};
	}

	let status: StateStatus = 'SUCCEEDED';
	let start: number | undefined;
	let end: number | undefined;
	let open = false;
	for (const run of log.runsIn(lane)) {
		if (severity.indexOf(run.status) < severity.indexOf(status)) {
			status = run.status;
		}

		open ||= run.exitedAt === undefined;
		start = Math.min(start ?? Infinity, run.enteredAt ?? Infinity);
		end = Math.max(end ?? -Infinity, run.exitedAt ?? -Infinity);
	}

	return {status, ...(Number.isFinite(start) && {start}), ...(Number.isFinite(end) && {end}), open};
}

/**
 * Which lanes of a container to show: those on the critical path, then failed
 * and running ones, then the earliest — in their own order on screen.
 */
function pickLanes(log: StateRunLog, lanes: readonly Lane[], critical: ReadonlySet<string>, room: number): Set<Lane> {
	if (lanes.length <= room + 1) {
		return new Set(lanes);
	}

	const rank = (lane: Lane) => {
		if (critical.has(lane.key)) {
			return 0;
		}

		const {status} = laneSummary(log, lane);
		return status === 'FAILED' || status === 'TIMED_OUT' ? 1 : (status === 'RUNNING' ? 2 : 3);
	};

	return new Set(lanes.toSorted((a, b) => rank(a) - rank(b) || a.order - b.order).slice(0, room));
}

function foldedRow(log: StateRunLog, container: string, hidden: Lane[], depth: number): TimelineRow {
	const counts: Partial<Record<StateStatus, number>> = {};
	let start = Infinity;
	let end = -Infinity;
	let open = false;
	for (const lane of hidden) {
		const summary = laneSummary(log, lane);
		counts[summary.status] = (counts[summary.status] ?? 0) + 1;
		start = Math.min(start, summary.start ?? Infinity);
		end = Math.max(end, summary.end ?? -Infinity);
		open ||= summary.open;
	}

	return {kind: 'folded', container, laneKind: hidden[0].kind, count: hidden.length, depth, ...(Number.isFinite(start) && {start}), ...(Number.isFinite(end) && {end}), open, counts};
}

/**
 * The timeline's rows: every state in start order, each Map and Parallel
 * followed by its lanes (Map iterations with a header row, Parallel branches
 * as their indented states), only the first few lanes of each, the rest
 * folded into one row with a count. Rows on the critical path are marked.
 */
export function timelineRows(log: StateRunLog, options: TimelineRowOptions = {}): TimelineRow[] {
	const room = options.lanesShown ?? 3;
	const critical = log.criticalPath();
	const rows: TimelineRow[] = [];
	const walk = (lane: Lane | undefined, depth: number) => {
		for (const run of log.runsIn(lane)) {
			rows.push({kind: 'state', run, depth, critical: critical.runs.has(run.path)});
			const lanes = log.lanesOf(run.path);
			if (lanes.length === 0) {
				continue;
			}

			const shown = pickLanes(log, lanes, critical.lanes, room);
			const ordered = lanes.toSorted((a, b) => a.index - b.index);
			for (const inner of ordered) {
				if (!shown.has(inner)) {
					continue;
				}

				if (inner.kind === 'iteration') {
					rows.push({kind: 'lane', lane: inner, depth: depth + 1, critical: critical.lanes.has(inner.key)});
					walk(inner, depth + 2);
				} else {
					walk(inner, depth + 1);
				}
			}

			const hidden = ordered.filter(inner => !shown.has(inner));
			if (hidden.length > 0) {
				rows.push(foldedRow(log, run.path, hidden, depth + 1));
			}
		}
	};

	walk(undefined, 0);
	return rows;
}
