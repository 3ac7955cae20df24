import type {CharGrid, Glyphs} from './char-grid.js';

/** A state's rectangle in character cells (top-left origin). */
export type NodeBox = {name: string; x: number; y: number; width: number; height: number};

/** Cells of one row, `start` inclusive, `end` exclusive. */
export type Region = {row: number; start: number; end: number};

/**
 * Where a state's parts sit in the raster, so decorations (status colour,
 * marker, badge, selection) are painted without laying out again.
 */
export type NodeGeometry = {
	box: NodeBox;
	marker: {row: number; col: number};
	name: Region;
	/** Frame cells (empty in the compact view). */
	border: Region[];
	/** Cells inside the frame, for the active highlight. */
	interior: Region[];
	/** Part of the bottom border (or the line end in compact view) a badge may be written into. */
	badge?: Region;
	container: boolean;
};

export type GraphLayout = {
	mode: 'graph' | 'compact';
	width: number;
	height: number;
	ascii: boolean;
	glyphs: Glyphs;
	/** Every state's rectangle, for moving a selection by position. */
	nodes: Map<string, NodeBox>;
	geometry: Map<string, NodeGeometry>;
	grid: CharGrid;
};

export function shiftRegion(region: Region, dx: number, dy: number): Region {
	return {row: region.row + dy, start: region.start + dx, end: region.end + dx};
}

export function shiftGeometry(geometry: NodeGeometry, dx: number, dy: number): NodeGeometry {
	return {
		box: {...geometry.box, x: geometry.box.x + dx, y: geometry.box.y + dy},
		marker: {row: geometry.marker.row + dy, col: geometry.marker.col + dx},
		name: shiftRegion(geometry.name, dx, dy),
		border: geometry.border.map(region => shiftRegion(region, dx, dy)),
		interior: geometry.interior.map(region => shiftRegion(region, dx, dy)),
		...(geometry.badge && {badge: shiftRegion(geometry.badge, dx, dy)}),
		container: geometry.container,
	};
}

/** Regions of a rectangle's frame. */
export function frameRegions(x: number, y: number, width: number, height: number): Region[] {
	const regions: Region[] = [{row: y, start: x, end: x + width}, {row: y + height - 1, start: x, end: x + width}];
	for (let row = y + 1; row < y + height - 1; row++) {
		regions.push({row, start: x, end: x + 1}, {row, start: x + width - 1, end: x + width});
	}

	return regions;
}
