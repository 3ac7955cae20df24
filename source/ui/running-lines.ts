import {sanitize} from '../model/text/sanitize.js';
import {displayWidth, fitToWidth} from '../model/text/width.js';
import {iterationBadge} from '../model/text/status-style.js';
import type {StyledLine} from '../model/types.js';
import type {RunningSortKey} from '../model/wall/running-order.js';
import {wallSummary, wallSummaryText} from '../model/wall/wall-summary.js';
import type {RunningRow, RunningWall} from '../model/wall/wall-types.js';
import {formatElapsed} from './header.js';

/** How old a row's read is, shown only when older than one tick: `12 s`, `3m 05s`; `…` before the first read. */
export function rowAge(row: {readAt?: number}, now: number, tickMs: number): string {
	if (row.readAt === undefined) {
		return '…';
	}

	const age = now - row.readAt;
	return age > tickMs ? formatElapsed(age, true) : '';
}

export type RunningColumns = {name: number; state: number};

export function runningColumns(rows: readonly RunningRow[]): RunningColumns {
	let name = 8;
	let state = 13;
	for (const row of rows) {
		name = Math.max(name, displayWidth(sanitize(row.name)));
		state = Math.max(state, displayWidth(sanitize(row.currentState ?? '')));
	}

	return {name: Math.min(36, name), state: Math.min(30, state)};
}

export function runningHeader(columns: RunningColumns): string {
	return `${'NAME'.padEnd(columns.name)}  ${'CURRENT STATE'.padEnd(columns.state)}  ${'ELAPSED'.padEnd(9)}  ${'MAP'.padEnd(14)}  AGE`;
}

/** One wall row: name, current state, elapsed, Map progress, and the age of what it shows. */
export function runningRow(row: RunningRow, columns: RunningColumns, now: number, tickMs: number, ascii: boolean): StyledLine {
	const age = rowAge(row, now, tickMs);
	return [
		{text: `${fitToWidth(sanitize(row.name), columns.name)}  `},
		{text: fitToWidth(sanitize(row.currentState ?? (row.readAt === undefined ? '…' : '-')), columns.state), role: 'status.RUNNING'},
		{text: `  ${formatElapsed(row.startDate === undefined ? undefined : now - row.startDate, true).padEnd(9)}  ${(row.mapProgress ? iterationBadge(row.mapProgress, ascii) : '').padEnd(14)}  `},
		...(age ? [{text: age, role: 'muted' as const}] : []),
	];
}

/** The two summary lines above the rows: executions per current state; Map iterations and what happened since the view opened. */
export function runningSummaryLines(wall: RunningWall): StyledLine[] {
	const text = wallSummaryText(wallSummary(wall.rows), wall.since, wall.ending);
	return [
		[{text: text.states}],
		[...(text.map ? [{text: `${text.map}   `}] : []), {text: text.since, role: 'muted'}],
	];
}

/** The header's cost figure: row reads in the last minute against the budget. */
export function budgetText(wall: RunningWall): string {
	const perMinute = Math.round(wall.calls.budgetPerSecond * 60);
	return `reads ${wall.calls.lastMinute}/min of ${perMinute} (budget ${wall.calls.budgetPerSecond}/s)`;
}

export const sortLabels: Record<RunningSortKey, string> = {elapsed: 'longest running first', name: 'by name', state: 'by current state'};
