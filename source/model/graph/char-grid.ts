import {graphemes} from '../text/width.js';
import type {StyleRole, StyledLine} from '../types.js';

/**
 * A character grid that graphs are rasterised into. Lines are recorded as
 * direction bits per cell and turned into box-drawing characters at the end,
 * so crossings and branches become ┼ ├ ┬ ... by themselves.
 */
export type Cell = {ch: string; role?: StyleRole};

export const up = 1;
export const down = 2;
export const left = 4;
export const right = 8;

const solid: Record<number, string> = {
	[up]: '│', [down]: '│', [up | down]: '│',
	[left]: '─', [right]: '─', [left | right]: '─',
	[down | right]: '┌', [down | left]: '┐', [up | right]: '└', [up | left]: '┘',
	[up | down | right]: '├', [up | down | left]: '┤', [down | left | right]: '┬', [up | left | right]: '┴',
	[up | down | left | right]: '┼',
};

const dashed: Record<number, string> = {
	[up]: '┆', [down]: '┆', [up | down]: '┆',
	[left]: '┄', [right]: '┄', [left | right]: '┄',
};

function asciiFor(mask: number, isCatch: boolean): string {
	if ((mask & (left | right)) === 0) {
		return isCatch ? ':' : '|';
	}

	if ((mask & (up | down)) === 0) {
		return isCatch ? '.' : '-';
	}

	return '+';
}

export type Glyphs = {
	box: {tl: string; tr: string; bl: string; br: string; h: string; v: string};
	container: {tl: string; tr: string; bl: string; br: string; h: string; v: string};
	separator: string;
	arrowDown: string;
	arrowUp: string;
	ellipsis: string;
};

export const unicodeGlyphs: Glyphs = {
	box: {tl: '╭', tr: '╮', bl: '╰', br: '╯', h: '─', v: '│'},
	container: {tl: '┌', tr: '┐', bl: '└', br: '┘', h: '─', v: '│'},
	separator: '┆',
	arrowDown: '▼',
	arrowUp: '▲',
	ellipsis: '…',
};

export const asciiGlyphs: Glyphs = {
	box: {tl: '+', tr: '+', bl: '+', br: '+', h: '-', v: '|'},
	container: {tl: '+', tr: '+', bl: '+', br: '+', h: '=', v: '|'},
	separator: ':',
	arrowDown: 'v',
	arrowUp: '^',
	ellipsis: '~',
};

export class CharGrid {
	readonly cells: Cell[][];
	private readonly solidMask: Uint8Array;
	private readonly catchMask: Uint8Array;

	constructor(readonly width: number, readonly height: number) {
		this.cells = Array.from({length: height}, () => Array.from({length: width}, () => ({ch: ' '})));
		this.solidMask = new Uint8Array(width * height);
		this.catchMask = new Uint8Array(width * height);
	}

	inside(col: number, row: number): boolean {
		return col >= 0 && row >= 0 && col < this.width && row < this.height;
	}

	set(col: number, row: number, ch: string, role?: StyleRole): void {
		if (this.inside(col, row)) {
			this.cells[row][col] = role ? {ch, role} : {ch};
		}
	}

	/** Writes text from (col, row), one cell per column (wide characters take two). Returns the end column. */
	text(col: number, row: number, text: string, role?: StyleRole): number {
		let x = col;
		for (const {text: character, width} of graphemes(text)) {
			if (width === 0) {
				continue;
			}

			this.set(x, row, character, role);
			for (let extra = 1; extra < width; extra++) {
				this.set(x + extra, row, '', role);
			}

			x += width;
		}

		return x;
	}

	/** Records a line segment between two cells in a straight line (same row or same column). */
	line(fromCol: number, fromRow: number, toCol: number, toRow: number, isCatch: boolean): void {
		const mask = isCatch ? this.catchMask : this.solidMask;
		const mark = (col: number, row: number, bits: number) => {
			if (this.inside(col, row)) {
				mask[(row * this.width) + col] |= bits;
			}
		};

		if (fromRow === toRow) {
			const [a, b] = fromCol < toCol ? [fromCol, toCol] : [toCol, fromCol];
			for (let x = a; x <= b; x++) {
				mark(x, fromRow, (x > a ? left : 0) | (x < b ? right : 0));
			}
		} else {
			const [a, b] = fromRow < toRow ? [fromRow, toRow] : [toRow, fromRow];
			for (let y = a; y <= b; y++) {
				mark(fromCol, y, (y > a ? up : 0) | (y < b ? down : 0));
			}
		}
	}

	/** Adds direction bits to one cell (to join a line to a neighbour). */
	join(col: number, row: number, bits: number, isCatch: boolean): void {
		if (this.inside(col, row)) {
			(isCatch ? this.catchMask : this.solidMask)[(row * this.width) + col] |= bits;
		}
	}

	/** Turns recorded lines into characters in every cell still blank. */
	resolveLines(ascii: boolean): void {
		for (let row = 0; row < this.height; row++) {
			for (let col = 0; col < this.width; col++) {
				const index = (row * this.width) + col;
				const solidBits = this.solidMask[index];
				const catchBits = this.catchMask[index];
				const bits = solidBits | catchBits;
				if (bits === 0 || this.cells[row][col].ch !== ' ') {
					continue;
				}

				const isCatch = solidBits === 0;
				const ch = ascii ? asciiFor(bits, isCatch) : ((isCatch ? dashed[bits] : undefined) ?? solid[bits] ?? '┼');
				this.cells[row][col] = {ch, role: isCatch ? 'edge.catch' : 'edge'};
			}
		}
	}

	/** Copies another grid's cells at an offset (nested containers). */
	blit(source: CharGrid, col: number, row: number): void {
		for (let y = 0; y < source.height; y++) {
			for (let x = 0; x < source.width; x++) {
				const cell = source.cells[y][x];
				if (cell.ch !== ' ' || cell.role) {
					this.set(col + x, row + y, cell.ch, cell.role);
				}
			}
		}
	}
}

/** One grid row as styled segments, merging runs of the same role; trailing blanks trimmed. */
export function rowToLine(cells: readonly Cell[], roleAt?: (col: number) => StyleRole | undefined): StyledLine {
	let end = cells.length;
	while (end > 0 && cells[end - 1].ch === ' ' && !(roleAt?.(end - 1))) {
		end--;
	}

	const line: StyledLine = [];
	for (let col = 0; col < end; col++) {
		const cell = cells[col];
		const role = roleAt?.(col) ?? cell.role;
		const last = line.at(-1);
		if (last && last.role === role) {
			last.text += cell.ch;
		} else {
			line.push(role ? {text: cell.ch, role} : {text: cell.ch});
		}
	}

	return line;
}
