import {sanitize} from '../text/sanitize.js';
import type {MachineEdge, MachineGraph, MachineState, StyleRole} from '../types.js';
import {displayWidth, truncateToWidth} from '../text/width.js';
import {CharGrid, type Glyphs} from './char-grid.js';
import {frameRegions, shiftGeometry, type NodeGeometry} from './graph-geometry.js';

/** A laid-out, rasterised part of a graph: a scope (machine, branch, item processor) or a box. */
export type Piece = {grid: CharGrid; geometry: Map<string, NodeGeometry>};

/** What every box and scope of one layout attempt shares. */
export type LayoutContext = {graph: MachineGraph; glyphs: Glyphs; ascii: boolean; nameCap: number; edgesFrom: Map<string, MachineEdge[]>};

/** Columns between neighbouring boxes (and between a container's branches). */
export const nodeGap = 3;

/** The label shown in a box: sanitised, shortened to the cap. */
function boxLabel(name: string, context: LayoutContext): string {
	return truncateToWidth(sanitize(name), context.nameCap, context.glyphs.ellipsis);
}

/** `╭─ Choice ─╮` tag for states whose type is not obvious (Tasks carry none). */
function typeTag(state: MachineState): string | undefined {
	return state.type === 'Task' ? undefined : state.type;
}

export function stateBox(state: MachineState, context: LayoutContext): Piece {
	const label = boxLabel(state.name, context);
	const tag = typeTag(state);
	// Room in the bottom border for the variables it assigns (`sfntop graph` writes them there), within the name cap.
	const marks = state.assigns ? Math.min(displayWidth(sanitize(state.assigns.map(name => `$${name}`).join(' '))), context.nameCap) : 0;
	const width = Math.max(displayWidth(label) + 6, tag ? tag.length + 6 : 0, marks ? marks + 6 : 0, 10);
	const grid = new CharGrid(width, 3);
	const {box} = context.glyphs;
	const role: StyleRole = `type.${state.type}`;
	grid.set(0, 0, box.tl, role);
	grid.set(width - 1, 0, box.tr, role);
	grid.set(0, 2, box.bl, role);
	grid.set(width - 1, 2, box.br, role);
	for (let x = 1; x < width - 1; x++) {
		grid.set(x, 0, box.h, role);
		grid.set(x, 2, box.h, role);
	}

	grid.set(0, 1, box.v, role);
	grid.set(width - 1, 1, box.v, role);
	if (tag) {
		grid.text(2, 0, ` ${tag} `, role);
	}

	const nameEnd = grid.text(4, 1, label, 'plain');
	const geometry: NodeGeometry = {
		box: {name: state.name, x: 0, y: 0, width, height: 3},
		marker: {row: 1, col: 2},
		name: {row: 1, start: 4, end: nameEnd},
		border: frameRegions(0, 0, width, 3),
		interior: [{row: 1, start: 1, end: width - 1}],
		badge: {row: 2, start: 2, end: width - 2},
		container: false,
	};
	return {grid, geometry: new Map([[state.name, geometry]])};
}

export function pseudoBox(text: string): Piece {
	const grid = new CharGrid(text.length, 1);
	grid.text(0, 0, text, 'muted');
	return {grid, geometry: new Map()};
}

/** A Parallel or Map state: a frame with its branches (or item processor), already laid out, side by side inside. */
export function containerBox(state: MachineState, branches: Piece[], context: LayoutContext): Piece {
	const title = `${state.type}: ${boxLabel(state.name, context)}${state.distributed ? ' (distributed)' : ''}`;
	const innerWidth = branches.reduce((sum, piece) => sum + piece.grid.width, 0) + (nodeGap * 2 * Math.max(0, branches.length - 1));
	const innerHeight = Math.max(1, ...branches.map(piece => piece.grid.height));
	const width = Math.max(innerWidth + 6, displayWidth(title) + 8);
	const height = innerHeight + 4;
	const grid = new CharGrid(width, height);
	const {container} = context.glyphs;
	const role: StyleRole = 'container';
	for (let x = 1; x < width - 1; x++) {
		grid.set(x, 0, container.h, role);
		grid.set(x, height - 1, container.h, role);
	}

	for (let y = 1; y < height - 1; y++) {
		grid.set(0, y, container.v, role);
		grid.set(width - 1, y, container.v, role);
	}

	grid.set(0, 0, container.tl, role);
	grid.set(width - 1, 0, container.tr, role);
	grid.set(0, height - 1, container.bl, role);
	grid.set(width - 1, height - 1, container.br, role);
	grid.set(2, 0, ' ', role);
	const titleEnd = grid.text(3, 0, title, `type.${state.type}`);
	grid.set(titleEnd, 0, ' ', role);

	const geometry = new Map<string, NodeGeometry>();
	geometry.set(state.name, {
		box: {name: state.name, x: 0, y: 0, width, height},
		marker: {row: 0, col: 1},
		name: {row: 0, start: 3, end: titleEnd},
		border: frameRegions(0, 0, width, height),
		interior: [],
		badge: {row: height - 1, start: 2, end: width - 2},
		container: true,
	});

	// Centre the branches as a group; separators sit halfway between neighbours.
	let x = Math.floor((width - innerWidth) / 2);
	for (const [index, piece] of branches.entries()) {
		if (index > 0) {
			for (let y = 2; y < height - 2; y++) {
				grid.set(x + nodeGap - 1, y, context.glyphs.separator, role);
			}

			x += nodeGap * 2;
		}

		grid.blit(piece.grid, x, 2);
		for (const [name, inner] of piece.geometry) {
			geometry.set(name, shiftGeometry(inner, x, 2));
		}

		x += piece.grid.width;
	}

	return {grid, geometry};
}

export function makeContext(graph: MachineGraph, glyphs: Glyphs, ascii: boolean, nameCap: number): LayoutContext {
	return {graph, glyphs, ascii, nameCap, edgesFrom: Map.groupBy(graph.edges, edge => edge.from)};
}
