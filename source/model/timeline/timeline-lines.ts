import {clipLine, displayWidth, truncateToWidth} from '../text/width.js';
import type {RunExecution, RunSegment, SegmentKind, StateRun} from '../history/state-runs.js';
import {formatDuration} from '../text/format.js';
import {sanitize} from '../text/sanitize.js';
import {stateStatusRole, statusMarker} from '../text/status-style.js';
import type {StateStatus, StyleRole, StyledLine} from '../types.js';
import type {TimelineRow} from './timeline-rows.js';

export type TimelineOptions = {
	width: number;
	ascii: boolean;
	/** The clock: open segments of a running execution end here. */
	now: number;
	/** First row to show and how many (the header is extra); all when absent. */
	offset?: number;
	height?: number;
	/** Index of the selected row (drawn inverse). */
	selected?: number;
};

type Cell = {ch: string; role?: StyleRole};
type Glyphs = Record<SegmentKind | 'container' | 'folded', string>;

// Shapes as well as colours tell running, failed and waiting apart, so the bars read under NO_COLOR.
const unicodeGlyphs: Glyphs = {run: '█', failed: '▓', wait: '░', container: '─', folded: '┄'};
const asciiGlyphs: Glyphs = {run: '#', failed: 'x', wait: '.', container: '-', folded: ':'};

const durationWidth = 8;
const isContainer = (run: StateRun) => run.type === 'Map' || run.type === 'Parallel';

/** What the bars' shapes mean, in one line. */
export function timelineLegend(ascii: boolean): StyledLine {
	const glyphs = ascii ? asciiGlyphs : unicodeGlyphs;
	return [{text: `${glyphs.run} running  ${glyphs.failed} failed attempt  ${glyphs.wait} waiting  ${glyphs.container} Map/Parallel  * critical path`, role: 'muted'}];
}

/** The scale: from the execution's start to its end, or to now while it runs. */
export function timelineSpan(execution: RunExecution, rows: readonly TimelineRow[], now: number): {start: number; end: number} {
	let start = execution.startedAt;
	if (start === undefined) {
		for (const row of rows) {
			if (row.kind === 'state' && row.run.enteredAt !== undefined) {
				start = Math.min(start ?? Infinity, row.run.enteredAt);
			}
		}
	}

	const from = start ?? now;
	const end = execution.endedAt ?? (execution.status === 'RUNNING' ? now : from);
	return {start: from, end: Math.max(end, from + 1)};
}

/** A run's segments as drawn now: open ones end at the clock, and a retry's backoff shows while it lasts. */
function liveSegments(run: StateRun, execution: RunExecution, now: number): RunSegment[] {
	const end = execution.status === 'RUNNING' ? now : (execution.endedAt ?? now);
	const segments = run.segments.map(segment => (segment.end === undefined ? {...segment, end} : segment));
	const last = run.segments.at(-1);
	if (run.status === 'RETRYING' && execution.status === 'RUNNING' && last?.end !== undefined) {
		segments.push({kind: 'wait', start: last.end, end});
	}

	return segments;
}

function segmentRole(kind: SegmentKind, status: StateStatus, open: boolean): StyleRole {
	if (kind === 'failed') {
		return 'status.FAILED';
	}

	if (kind === 'wait') {
		return 'muted';
	}

	return open ? 'status.RUNNING' : stateStatusRole(status === 'RETRYING' ? 'RUNNING' : status);
}

function cellsToSegments(cells: readonly Cell[]): StyledLine {
	const line: StyledLine = [];
	for (const cell of cells) {
		const last = line.at(-1);
		if (last && last.role === cell.role) {
			last.text += cell.ch;
		} else {
			line.push({text: cell.ch, ...(cell.role && {role: cell.role})});
		}
	}

	return line;
}

function rowLabel(row: TimelineRow): string {
	const indent = '  '.repeat(row.depth);
	if (row.kind === 'state') {
		return `${indent}${sanitize(row.run.name)}`;
	}

	return row.kind === 'lane' ? `${indent}#${row.lane.index}` : `${indent}+${row.count} ${row.laneKind === 'iteration' ? 'iterations' : 'branches'}`;
}

function rowStatus(row: TimelineRow): StateStatus | undefined {
	if (row.kind === 'state') {
		return row.run.status;
	}

	return row.kind === 'lane' ? row.lane.status : undefined;
}

/** `3✓ 1✗ 2▶` for a folded row. */
function countsText(counts: Partial<Record<StateStatus, number>>, ascii: boolean): string {
	return countOrder.filter(status => counts[status]).map(status => `${counts[status]}${statusMarker(status, ascii)}`).join(' ');
}

const countOrder: StateStatus[] = ['SUCCEEDED', 'CAUGHT', 'FAILED', 'TIMED_OUT', 'ABORTED', 'RUNNING', 'RETRYING', 'NOT_STARTED'];

/**
 * The timeline as lines: a header with the time scale, then per row the
 * critical-path mark (`*`), a status marker, the name (indented per lane),
 * the bar scaled to the execution's span, and the duration. Only the rows
 * in [offset, offset + height) are drawn, so a long timeline costs what a
 * screenful costs. Every line fits `width`.
 */
export function timelineLines(rows: readonly TimelineRow[], execution: RunExecution, options: TimelineOptions): StyledLine[] {
	const {ascii, now} = options;
	const width = Number.isFinite(options.width) ? options.width : 120;
	const glyphs = ascii ? asciiGlyphs : unicodeGlyphs;
	const ellipsis = ascii ? '~' : '…';
	const span = timelineSpan(execution, rows, now);
	const offset = Math.max(0, options.offset ?? 0);
	const visible = rows.slice(offset, options.height === undefined ? undefined : offset + options.height);
	const labels = visible.map(row => rowLabel(row));
	const labelWidth = Math.max(5, Math.min(28, Math.floor(width * 0.35), Math.max(5, ...labels.map(label => displayWidth(label)))));
	// Mark, status, space, label, two spaces, bar, two spaces, duration.
	const barWidth = Math.max(4, width - 8 - labelWidth - durationWidth);
	const column = (time: number) => Math.max(0, Math.min(barWidth, Math.round(((time - span.start) / (span.end - span.start)) * barWidth)));

	const draw = (cells: Cell[], start: number | undefined, end: number | undefined, ch: string, role: StyleRole | undefined) => {
		if (start === undefined || end === undefined) {
			return;
		}

		const from = Math.min(column(start), barWidth - 1);
		const to = Math.max(from + 1, column(end));
		for (let index = from; index < to; index++) {
			cells[index] = {ch, ...(role && {role})};
		}
	};

	const total = formatDuration(span.end - span.start);
	const middle = formatDuration((span.end - span.start) / 2);
	const axis = `0${' '.repeat(Math.max(1, Math.floor(barWidth / 2) - 1 - Math.floor(middle.length / 2)))}${middle}`;
	const header: StyledLine = [{text: `    ${'STATE'.padEnd(labelWidth)}  ${axis}${' '.repeat(Math.max(1, barWidth - axis.length - total.length))}${total}  ${'DURATION'.padStart(durationWidth)}`, role: 'heading'}];
	const lines: StyledLine[] = [header];
	for (const [index, row] of visible.entries()) {
		const cells: Cell[] = Array.from({length: barWidth}, () => ({ch: ' '}));
		let took: number | undefined;
		if (row.kind === 'state') {
			const {run} = row;
			const segments = liveSegments(run, execution, now);
			for (const segment of segments) {
				const open = run.segments.at(-1)?.end === undefined && segment === segments.at(-1);
				// A Map or Parallel is a frame around its lanes: a thin line, red when that attempt failed.
				const frame = isContainer(run) && segment.kind !== 'wait';
				draw(cells, segment.start, segment.end, frame ? glyphs.container : glyphs[segment.kind], frame && segment.kind === 'run' ? 'container' : segmentRole(segment.kind, run.status, open));
			}

			took = run.enteredAt === undefined ? undefined : (run.exitedAt ?? segments.at(-1)?.end ?? now) - run.enteredAt;
		} else if (row.kind === 'lane') {
			const end = row.lane.endedAt ?? (execution.status === 'RUNNING' ? now : execution.endedAt);
			draw(cells, row.lane.startedAt, end, glyphs.container, stateStatusRole(row.lane.status));
			took = row.lane.startedAt === undefined || end === undefined ? undefined : end - row.lane.startedAt;
		} else {
			draw(cells, row.start, row.open ? now : row.end, glyphs.folded, 'muted');
		}

		const status = rowStatus(row);
		const label = truncateToWidth(labels[index], labelWidth, ellipsis);
		const critical = row.kind !== 'folded' && row.critical;
		const selected = options.selected === offset + index;
		lines.push([
			{text: critical ? '*' : ' ', role: 'warning'},
			status === undefined ? {text: '  '} : {text: `${statusMarker(status, ascii)} `, role: stateStatusRole(status)},
			{text: ` ${label}${' '.repeat(Math.max(0, labelWidth - displayWidth(label)))}`, ...(selected && {role: 'selected' as const})},
			{text: '  '},
			...cellsToSegments(cells),
			{text: `  ${(row.kind === 'folded' ? truncateToWidth(countsText(row.counts, ascii), durationWidth, ellipsis) : formatDuration(took)).padStart(durationWidth)}`, role: 'muted'},
		]);
	}

	return lines.map(line => clipLine(line, width, ellipsis));
}
