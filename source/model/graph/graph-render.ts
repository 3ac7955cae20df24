import type {StyleRole, StyledLine} from '../types.js';
import {truncateToWidth} from '../text/width.js';
import {rowToLine, type Cell} from './char-grid.js';
import type {GraphLayout, Region} from './graph-geometry.js';

export type NodeDecoration = {
	/** Colour of the box and name, e.g. `status.FAILED`. */
	role?: StyleRole;
	/** One cell drawn before the name, e.g. ✓ ✗ ▶. */
	marker?: string;
	/** Short text in the bottom border, e.g. Map counts `7/10 ✗1`. */
	badge?: string;
	/** Active: running now; alert: the state the execution failed in; selected: the cursor. */
	emphasis?: 'active' | 'alert' | 'selected';
};

const heavy: Record<string, string> = {
	'─': '━', '│': '┃', '╭': '┏', '╮': '┓', '╰': '┗', '╯': '┛', '┌': '┏', '┐': '┓', '└': '┗', '┘': '┛',
};

/**
 * Paints decorations over a laid-out graph and returns its lines. Cheap: no
 * layout, only the rows a decoration touches are rebuilt; the dashboard calls
 * it on every event.
 */
export function renderGraph(layout: GraphLayout, decorate?: (stateName: string) => NodeDecoration | undefined): StyledLine[] {
	const overrides = new Map<number, Map<number, Cell>>();
	const put = (row: number, col: number, cell: Cell) => {
		let rowMap = overrides.get(row);
		if (!rowMap) {
			rowMap = new Map();
			overrides.set(row, rowMap);
		}

		rowMap.set(col, cell);
	};

	const base = (row: number, col: number): Cell => overrides.get(row)?.get(col) ?? layout.grid.cells[row]?.[col] ?? {ch: ' '};
	const paint = (region: Region, role: StyleRole, transform?: (ch: string) => string) => {
		for (let col = region.start; col < region.end; col++) {
			const cell = base(region.row, col);
			put(region.row, col, {ch: transform ? transform(cell.ch) : cell.ch, role});
		}
	};

	if (decorate) {
		for (const [name, geometry] of layout.geometry) {
			const decoration = decorate(name);
			if (!decoration) {
				continue;
			}

			const {role} = decoration;
			if (role) {
				for (const region of geometry.border) {
					paint(region, role);
				}

				paint(geometry.name, role);
			}

			const room = geometry.badge ? geometry.badge.end - geometry.badge.start - 2 : 0;
			if (decoration.badge && geometry.badge && room >= 3) {
				const text = ` ${truncateToWidth(decoration.badge, room, layout.glyphs.ellipsis)} `;
				let col = geometry.badge.start;
				for (const character of text) {
					put(geometry.badge.row, col++, {ch: character, role: role ?? 'muted'});
				}
			}

			if (decoration.emphasis === 'active' || decoration.emphasis === 'alert') {
				const regions = geometry.container ? [geometry.name] : [...geometry.interior, ...geometry.border];
				for (const region of regions) {
					paint(region, decoration.emphasis);
				}
			} else if (decoration.emphasis === 'selected') {
				// Heavy frame: visible without colour too.
				for (const region of geometry.border) {
					paint(region, role ?? 'selected', ch => (layout.ascii ? ch : heavy[ch] ?? ch));
				}

				paint(geometry.name, 'selected');
			}

			if (decoration.marker) {
				const markerRole = decoration.emphasis === 'active' || decoration.emphasis === 'alert' ? decoration.emphasis : role;
				put(geometry.marker.row, geometry.marker.col, {ch: decoration.marker, role: markerRole});
			}
		}
	}

	const lines: StyledLine[] = [];
	for (let row = 0; row < layout.height; row++) {
		const rowOverrides = overrides.get(row);
		if (rowOverrides) {
			const cells = [...layout.grid.cells[row]];
			for (const [col, cell] of rowOverrides) {
				if (col >= 0 && col < cells.length) {
					cells[col] = cell;
				}
			}

			lines.push(rowToLine(cells));
		} else {
			lines.push(rowToLine(layout.grid.cells[row]));
		}
	}

	return lines;
}
