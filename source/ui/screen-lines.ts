// Pure helpers that build a screen out of StyledLines. Every pane renders to
// exactly the lines it was given room for, so the frame is never taller than
// the terminal (a taller frame makes Ink repaint everything) and panes never
// overlap.
import {clipLine, displayWidth} from '../model/text/width.js';
import type {StyleRole, StyledLine} from '../model/types.js';

export {displayWidth, truncateToWidth, truncateToWidth as truncate} from '../model/text/width.js';

export function lineWidth(line: StyledLine): number {
	let width = 0;
	for (const segment of line) {
		width += displayWidth(segment.text);
	}

	return width;
}

/** Exactly `width` cells: clipped with an ellipsis, or padded with spaces. */
export function fitLine(line: StyledLine, width: number, ellipsis = '…'): StyledLine {
	if (width <= 0) {
		return [];
	}

	const used = lineWidth(line);
	if (used > width) {
		const clipped = clipLine(line, width, ellipsis);
		const rest = width - lineWidth(clipped);
		return rest > 0 ? [...clipped, {text: ' '.repeat(rest)}] : clipped;
	}

	return used < width ? [...line, {text: ' '.repeat(width - used)}] : line;
}

/** Exactly `height` lines of exactly `width` cells. */
export function fitBlock(lines: readonly StyledLine[], width: number, height: number, ellipsis = '…'): StyledLine[] {
	const out: StyledLine[] = [];
	for (let index = 0; index < height; index++) {
		out.push(fitLine(lines[index] ?? [], width, ellipsis));
	}

	return out;
}

/** Places fitted blocks side by side, with a separator column between them. */
export function besideEachOther(blocks: Array<{lines: StyledLine[]; width: number}>, height: number, separator?: Segment): StyledLine[] {
	const out: StyledLine[] = [];
	for (let row = 0; row < height; row++) {
		const line: StyledLine = [];
		for (const [index, block] of blocks.entries()) {
			if (index > 0 && separator) {
				line.push(separator);
			}

			line.push(...(block.lines[row] ?? [{text: ' '.repeat(block.width)}]));
		}

		out.push(line);
	}

	return out;
}

type Segment = StyledLine[number];

/** A pane title rule: `── Details ───────`, highlighted when the pane has focus. */
export function titleLine(title: string, width: number, options: {focused: boolean; ascii: boolean; right?: string}): StyledLine {
	const rule = options.ascii ? '-' : '─';
	const role: StyleRole = options.focused ? 'heading' : 'muted';
	const left = `${rule}${rule} ${title} `;
	const right = options.right ? ` ${options.right} ${rule}` : '';
	const fill = Math.max(0, width - displayWidth(left) - displayWidth(right));
	return fitLine([{text: left, role}, {text: rule.repeat(fill), role: 'edge'}, ...(right ? [{text: right, role: 'muted' as StyleRole}] : [])], width, options.ascii ? '~' : '…');
}

/** The rows of a list to draw so the cursor stays visible (windowing: only these are rendered). */
export function visibleWindow(total: number, cursor: number, height: number, offset = 0): {start: number; end: number} {
	if (height <= 0) {
		return {start: 0, end: 0};
	}

	let start = Math.min(Math.max(0, offset), Math.max(0, total - height));
	if (cursor < start) {
		start = cursor;
	} else if (cursor >= start + height) {
		start = cursor - height + 1;
	}

	start = Math.max(0, start);
	return {start, end: Math.min(total, start + height)};
}

export function clamp(value: number, min: number, max: number): number {
	return Math.max(min, Math.min(max, value));
}

export function text(value: string, role?: StyleRole): StyledLine {
	return [role ? {text: value, role} : {text: value}];
}

