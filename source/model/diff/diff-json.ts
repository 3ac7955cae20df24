import {isoOrNull} from '../text/format.js';
import {diffVerdict} from './diff-lines.js';
import type {ExecutionDiff, ExecutionSide, RunSummary} from './execution-diff.js';

function sideJson(label: string, side: ExecutionSide) {
	return {
		label,
		status: side.status,
		startDate: isoOrNull(side.startedAt),
		stopDate: isoOrNull(side.endedAt),
		durationMs: side.durationMs ?? null,
		error: side.error ?? null,
		cause: side.cause ?? null,
		redriveCount: side.redriveCount,
	};
}

function runJson(summary: RunSummary | undefined) {
	return summary ? {status: summary.status, attempts: summary.attempts, durationMs: summary.durationMs ?? null, error: summary.error ?? null, cause: summary.cause ?? null} : null;
}

/**
 * `sfntop diff --json`: the same content as the report, as one object. JSON
 * values of changed inputs and outputs are given whole (not cut).
 */
export function diffJson(diff: ExecutionDiff, labels: [string, string]) {
	return {
		a: sideJson(labels[0], diff.a),
		b: sideJson(labels[1], diff.b),
		same: diff.same,
		verdict: diffVerdict(diff),
		states: diff.states.map(row => ({
			path: row.path,
			name: row.name,
			depth: row.depth,
			differs: row.differs,
			a: runJson(row.a),
			b: runJson(row.b),
			durationChangeMs: row.durationChangeMs ?? null,
		})),
		data: diff.data.map(difference => ({
			path: difference.path,
			field: difference.field,
			changes: difference.changes.map(change => ({path: change.path, kind: change.kind, ...(change.kind !== 'added' && {a: change.a}), ...(change.kind !== 'removed' && {b: change.b})})),
			more: difference.more,
		})),
	};
}
