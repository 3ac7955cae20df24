import {clipLine, displayWidth, truncateToWidth} from '../text/width.js';
import {readableCause} from '../history/event-line.js';
import {formatDuration, formatTime} from '../text/format.js';
import {sanitize} from '../text/sanitize.js';
import {executionStatusRole, stateStatusRole} from '../text/status-style.js';
import type {StyledLine} from '../types.js';
import type {ExecutionDiff, ExecutionSide, RunSummary, StateComparison} from './execution-diff.js';
import type {JsonChange} from './json-diff.js';

export type DiffLineOptions = {
	/** What A and B are called: an execution's name, a file name. */
	labels: [string, string];
	width: number;
	ascii: boolean;
	/** Maps with more iteration rows than this show only the rows that differ. */
	foldIterationsOver?: number;
	/** How many states' input/output differences are written out. */
	dataStates?: number;
	/** How many JSON paths per input or output. */
	changesShown?: number;
};

/** `+650 ms`, `-1.2 s`, `±0 ms`. */
export function signedDuration(ms: number): string {
	return `${ms > 0 ? '+' : (ms < 0 ? '-' : '±')}${formatDuration(Math.abs(ms))}`;
}

/** One side's line; `labelWidth` lines the two sides' statuses up under each other. */
function sideLine(tag: string, label: string, labelWidth: number, side: ExecutionSide): StyledLine {
	const ran = side.durationMs === undefined ? 'running' : `ran ${formatDuration(side.durationMs)}`;
	return [
		{text: `${tag}  `, role: 'heading'},
		{text: `${label}${' '.repeat(Math.max(0, labelWidth - displayWidth(label)))}  `},
		{text: side.status.padEnd(10), role: executionStatusRole(side.status)},
		// The start time last: on a narrow screen it is what gets cut.
		{text: `${ran}${side.redriveCount > 0 ? `  redriven ${side.redriveCount}×` : ''}  started ${formatTime(side.startedAt)}`, role: 'muted'},
	];
}

/** `[3] ProcessItem` for a state in Map iteration 3, indented by depth. */
function rowLabel(row: StateComparison): string {
	const parts = row.path.split('/');
	const iteration = parts.length > 1 ? /\[(\d+)\]$/.exec(parts.at(-2)!)?.[1] : undefined;
	return `${'  '.repeat(row.depth)}${iteration === undefined ? '' : `[${iteration}] `}${sanitize(row.name)}`;
}

function statusCell(summary: RunSummary | undefined): StyledLine[number] {
	return summary ? {text: summary.status.padEnd(9), role: stateStatusRole(summary.status)} : {text: '-'.padEnd(9), role: 'muted'};
}

function errorLines(row: StateComparison, indent: string): StyledLine[] {
	// A state that succeeded after retries keeps the error of its last failed attempt.
	const text = (summary: RunSummary | undefined) => (summary?.error === undefined ? undefined : `${summary.status === 'SUCCEEDED' ? 'retried after ' : ''}${sanitize(summary.error)}${summary.cause ? `: ${sanitize(readableCause(summary.cause))}` : ''}`);
	const left = text(row.a);
	const right = text(row.b);
	if (left === undefined && right === undefined) {
		return [];
	}

	if (left === right) {
		return [[{text: `${indent}A, B: `, role: 'muted'}, {text: left!, role: 'error'}]];
	}

	return [
		...(left === undefined ? [] : [[{text: `${indent}A: `, role: 'muted' as const}, {text: left, role: 'error' as const}]]),
		...(right === undefined ? [] : [[{text: `${indent}B: `, role: 'muted' as const}, {text: right, role: 'error' as const}]]),
	];
}

function valueText(change: JsonChange, side: 'a' | 'b', width: number, ellipsis: string): string {
	const absent = side === 'a' ? change.kind === 'added' : change.kind === 'removed';
	return absent ? '(absent)' : truncateToWidth(sanitize(JSON.stringify(change[side]) ?? 'null'), Math.max(4, width), ellipsis);
}

function dataLines(diff: ExecutionDiff, options: Required<DiffLineOptions>, ellipsis: string, arrow: string): StyledLine[] {
	if (diff.data.length === 0) {
		return [];
	}

	const lines: StyledLine[] = [[], [{text: 'INPUT AND OUTPUT THAT DIFFER', role: 'heading'}]];
	const paths = [...new Set(diff.data.map(difference => difference.path))];
	const shown = new Set(paths.slice(0, options.dataStates));
	for (const difference of diff.data) {
		if (!shown.has(difference.path)) {
			continue;
		}

		lines.push([{text: sanitize(difference.path)}, {text: ` ${difference.field}`, role: 'muted'}]);
		const visible = difference.changes.slice(0, options.changesShown);
		const pathWidth = Math.min(32, Math.max(...visible.map(change => displayWidth(sanitize(change.path)))));
		const valueWidth = Math.floor((options.width - 2 - pathWidth - 2 - displayWidth(arrow) - 2) / 2);
		const lefts = visible.map(change => valueText(change, 'a', valueWidth, ellipsis));
		const leftWidth = Math.max(...lefts.map(text => displayWidth(text)));
		for (const [index, change] of visible.entries()) {
			const path = truncateToWidth(sanitize(change.path), pathWidth, ellipsis);
			const left = lefts[index];
			lines.push([
				{text: `  ${path}${' '.repeat(Math.max(0, pathWidth - displayWidth(path)))}  `},
				{text: left, role: change.kind === 'added' ? 'muted' : 'error'},
				{text: `${' '.repeat(Math.max(0, leftWidth - displayWidth(left)))} ${arrow} `, role: 'muted'},
				{text: valueText(change, 'b', valueWidth, ellipsis), role: change.kind === 'removed' ? 'muted' : 'success'},
			]);
		}

		const more = difference.more + difference.changes.length - visible.length;
		if (more > 0) {
			lines.push([{text: `  ${ellipsis} ${more} more`, role: 'muted'}]);
		}
	}

	if (paths.length > shown.size) {
		lines.push([{text: `${ellipsis} and ${paths.length - shown.size} more states whose input or output differ`, role: 'muted'}]);
	}

	return lines;
}

/** One line saying how the two compare (the last line of `sfntop diff`). */
export function diffVerdict(diff: ExecutionDiff): string {
	const differing = diff.states.filter(row => row.differs).length;
	const dataStates = new Set(diff.data.map(difference => difference.path)).size;
	const data = dataStates > 0 ? `; input or output differ in ${dataStates} state${dataStates === 1 ? '' : 's'}` : '';
	if (diff.same) {
		return `same states, same statuses${data}`;
	}

	const statuses = diff.a.status === diff.b.status ? '' : ` (A ${diff.a.status}, B ${diff.b.status})`;
	return `${differing} of ${diff.states.length} states differ${statuses}${data}`;
}

/**
 * The diff as a report: both executions, a row per state path (status A and
 * B, attempts, duration and its change; errors under the row), then the JSON
 * paths where inputs and outputs differ, then the verdict. Long Maps show only
 * their rows that differ. Every line fits `width`; remote text is sanitised.
 */
export function diffLines(diff: ExecutionDiff, options: DiffLineOptions): StyledLine[] {
	const settings: Required<DiffLineOptions> = {foldIterationsOver: 10, dataStates: 20, changesShown: 12, ...options};
	const {ascii, width} = settings;
	const ellipsis = ascii ? '~' : '…';
	const arrow = ascii ? '->' : '→';
	const sideLabels = settings.labels.map(label => sanitize(label));
	const labelWidth = Math.max(...sideLabels.map(label => displayWidth(label)));
	const lines: StyledLine[] = [sideLine('A', sideLabels[0], labelWidth, diff.a), sideLine('B', sideLabels[1], labelWidth, diff.b), []];

	const iterationRows = new Map<string, {total: number; hidden: number}>();
	for (const row of diff.states) {
		if (row.iterationOf !== undefined) {
			const count = iterationRows.get(row.iterationOf) ?? {total: 0, hidden: 0};
			count.total++;
			count.hidden += row.differs ? 0 : 1;
			iterationRows.set(row.iterationOf, count);
		}
	}

	const folded = (container: string) => (iterationRows.get(container)?.total ?? 0) > settings.foldIterationsOver;
	const labels = diff.states.map(row => rowLabel(row));
	const nameWidth = Math.max(5, Math.min(Number.isFinite(width) ? Math.max(12, width - 60) : 40, Math.max(5, ...labels.map(label => displayWidth(label)))));
	lines.push([{text: `  ${'STATE'.padEnd(nameWidth)}  ${'A'.padEnd(9)}  ${'B'.padEnd(9)}  ATTEMPTS  ${`DURATION A ${arrow} B`.padEnd(17)}  CHANGE`, role: 'heading'}]);
	for (const [index, row] of diff.states.entries()) {
		if (row.iterationOf !== undefined && folded(row.iterationOf) && !row.differs) {
			continue;
		}

		const label = truncateToWidth(labels[index], nameWidth, ellipsis);
		const duration = `${formatDuration(row.a?.durationMs)} ${arrow} ${formatDuration(row.b?.durationMs)}`;
		lines.push([
			{text: row.differs ? (ascii ? '! ' : '≠ ') : '  ', role: 'error'},
			{text: `${label}${' '.repeat(Math.max(0, nameWidth - displayWidth(label)))}  `},
			statusCell(row.a),
			{text: '  '},
			statusCell(row.b),
			{text: `  ${`${row.a?.attempts ?? '-'} | ${row.b?.attempts ?? '-'}`.padEnd(8)}  ${row.durationChangeMs === undefined ? duration : `${duration.padEnd(17)}  `}`},
			...(row.durationChangeMs === undefined ? [] : [{text: signedDuration(row.durationChangeMs), role: 'muted' as const}]),
		]);
		const count = folded(row.path) ? iterationRows.get(row.path) : undefined;
		lines.push(
			...errorLines(row, `    ${'  '.repeat(row.depth)}`),
			...(count && count.hidden > 0 ? [[{text: `    ${'  '.repeat(row.depth)}${ellipsis} ${count.hidden} of ${count.total} rows in its iterations are the same in A and B (not shown)`, role: 'muted' as const}]] : []),
		);
	}

	lines.push(...dataLines(diff, settings, ellipsis, arrow), [], [{text: diffVerdict(diff), role: diff.same ? 'success' : 'warning'}]);
	return Number.isFinite(width) ? lines.map(line => clipLine(line, width, ellipsis)) : lines;
}
