import type {StateRunLog} from '../model/history/state-runs.js';
import {timelineLines} from '../model/timeline/timeline-lines.js';
import type {TimelineRow} from '../model/timeline/timeline-rows.js';
import type {StyledLine} from '../model/types.js';
import {fitBlock, visibleWindow} from './screen-lines.js';

/** The state a timeline row stands for (a Map iteration's header and a folded row stand for their Map). */
export function stateOfRow(row: TimelineRow | undefined): string | undefined {
	if (!row) {
		return undefined;
	}

	if (row.kind === 'state') {
		return row.run.name;
	}

	return row.kind === 'lane' ? row.lane.containerName : row.container.split('/').at(-1)!.replace(/\[\d+\]$/, '');
}

/**
 * The timeline in the execution view (`t`): the scale header and the rows in
 * view around the cursor; exactly `height` lines of `width` cells. Only the
 * visible rows are drawn, so a 25,000-event execution costs a screenful.
 */
export function timelinePaneLines(options: {runs: StateRunLog; rows: readonly TimelineRow[]; cursor: number; width: number; height: number; ascii: boolean; now: number}): StyledLine[] {
	const {rows, width, height, ascii} = options;
	const room = Math.max(0, height - 1);
	const {start} = visibleWindow(rows.length, options.cursor, room);
	const lines = timelineLines(rows, options.runs.execution, {width, ascii, now: options.now, offset: start, height: room, selected: options.cursor});
	if (rows.length === 0) {
		lines.push([{text: 'no state has started yet', role: 'muted'}]);
	}

	return fitBlock(lines, width, height, ascii ? '~' : '…');
}
