import {type CharGrid, down, type Glyphs, up} from './char-grid.js';

export type Point = {col: number; row: number};

/** A box where the scope layout placed it; `cx` is its centre column (chains share it). */
export type PlacedBox = {x: number; y: number; width: number; height: number; cx: number};

/** One edge with dagre's points, in the scope's grid coordinates. */
export type EdgeRoute = {from: string; to: string; isCatch: boolean; points: Point[]};

export type ArrowHead = {point: Point; ch: string; isCatch: boolean};

/**
 * Draws every edge as orthogonal lines (catch edges dashed) from the box it
 * leaves to the row before the box it enters, turning only in the rows between
 * boxes. Boxes are drawn over the lines afterwards; the arrow heads it returns
 * go on last, where they land on empty cells (placeArrowHeads).
 */
export function drawEdges(grid: CharGrid, boxes: ReadonlyMap<string, PlacedBox>, routes: readonly EdgeRoute[], glyphs: Glyphs): ArrowHead[] {
	const bandRows = new Set<number>();
	for (const box of boxes.values()) {
		for (let row = box.y; row < box.y + box.height; row++) {
			bandRows.add(row);
		}
	}

	const arrows: ArrowHead[] = [];
	for (const edge of routes) {
		const source = boxes.get(edge.from)!;
		const target = boxes.get(edge.to)!;
		const forward = target.y > source.y;
		const offset = edge.isCatch ? 2 : 0;
		const centre = (box: PlacedBox, shift: number) => Math.min(box.x + box.width - 2, box.cx + shift);
		const start: Point = forward ? {col: centre(source, offset), row: source.y + source.height} : {col: centre(source, 2), row: source.y - 1};
		const arrow: Point = forward ? {col: centre(target, offset), row: target.y - 1} : {col: centre(target, 2), row: target.y + target.height};
		const beforeArrow: Point = {col: arrow.col, row: forward ? arrow.row - 1 : arrow.row + 1};
		// Keep only dagre's dummy-node points (inside a rank's rows): they are
		// the lanes that pass beside boxes. Its points in the gaps only add jogs.
		const waypoints = edge.points.slice(1, -1).filter(point => bandRows.has(point.row));
		const path = [start, ...waypoints, beforeArrow];
		if ((forward && beforeArrow.row < start.row) || (!forward && beforeArrow.row > start.row)) {
			// Adjacent boxes with no room for a turn: go straight.
			path.splice(0, path.length, start, arrow);
		}

		for (let index = 0; index + 1 < path.length; index++) {
			drawHop(grid, path[index], path[index + 1], bandRows, edge.isCatch);
		}

		grid.line(beforeArrow.col, beforeArrow.row, arrow.col, arrow.row, edge.isCatch);
		// Attach the line to the box it leaves.
		grid.join(start.col, start.row, forward ? up : down, edge.isCatch);
		arrows.push({point: arrow, ch: forward ? glyphs.arrowDown : glyphs.arrowUp, isCatch: edge.isCatch});
	}

	return arrows;
}

/** Arrow heads go on after the boxes, and only on empty cells (never over a frame). */
export function placeArrowHeads(grid: CharGrid, arrows: readonly ArrowHead[]): void {
	for (const {point, ch, isCatch} of arrows) {
		if (grid.inside(point.col, point.row) && grid.cells[point.row][point.col].ch === ' ') {
			grid.set(point.col, point.row, ch, isCatch ? 'edge.catch' : 'edge');
		}
	}
}

/** One leg of an edge as at most three straight segments, turning in a row between boxes. */
function drawHop(grid: CharGrid, from: Point, to: Point, bandRows: Set<number>, isCatch: boolean): void {
	if (from.col === to.col) {
		grid.line(from.col, from.row, to.col, to.row, isCatch);
		return;
	}

	let turn: number;
	if (!bandRows.has(from.row)) {
		turn = from.row;
	} else if (bandRows.has(to.row)) {
		const step = to.row > from.row ? 1 : -1;
		turn = from.row;
		for (let {row} = from; row !== to.row; row += step) {
			if (!bandRows.has(row)) {
				turn = row;
				break;
			}
		}
	} else {
		turn = to.row;
	}

	grid.line(from.col, from.row, from.col, turn, isCatch);
	grid.line(from.col, turn, to.col, turn, isCatch);
	grid.line(to.col, turn, to.col, to.row, isCatch);
}

