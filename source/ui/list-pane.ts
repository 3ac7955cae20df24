import type {StyledLine} from '../model/types.js';
import {fitBlock, fitLine, titleLine, visibleWindow} from './screen-lines.js';

/**
 * A windowed list: a title, a column header, and only the rows that fit
 * (a list of 10,000 executions draws the same ~20 rows as a list of 20).
 */
export function listPaneLines(options: {
	title: string;
	right?: string;
	header: string;
	rows: readonly StyledLine[];
	cursor: number;
	width: number;
	height: number;
	ascii: boolean;
	empty: string;
}): StyledLine[] {
	const {rows, width, height} = options;
	const lines: StyledLine[] = [
		titleLine(options.title, width, {focused: true, ascii: options.ascii, right: options.right}),
		[{text: options.header, role: 'heading'}],
	];
	const room = height - 2;
	const {start, end} = visibleWindow(rows.length, options.cursor, room);
	for (let index = start; index < end; index++) {
		lines.push(index === options.cursor ? fitLine(rows[index].map(segment => ({...segment, role: 'selected' as const})), width, options.ascii ? '~' : '…') : rows[index]);
	}

	if (rows.length === 0) {
		lines.push([{text: options.empty, role: 'muted'}]);
	}

	return fitBlock(lines, width, height, options.ascii ? '~' : '…');
}

/** Keeps a list cursor inside the list. */
export function clampCursor(cursor: number, length: number): number {
	return Math.max(0, Math.min(cursor, length - 1));
}

/** What an empty list says: why it is empty while loading or after a failed first read, else `otherwise`. */
export function emptyListText(follower: {error?: string; data?: unknown; loading: boolean; retrying?: boolean}, what: string, otherwise: string): string {
	if (follower.error && follower.data === undefined) {
		return `could not load ${what}; the reason is below${follower.retrying ? ', retrying' : ''}`;
	}

	return follower.loading ? `loading ${what}…` : otherwise;
}
