import {Graph, layout as dagreLayout} from '@dagrejs/dagre';
import {sanitize} from '../text/sanitize.js';
import type {MachineEdge, MachineGraph, MachineState, StyleRole} from '../types.js';
import {childrenByBranch} from './asl-graph.js';
import {CharGrid, down, type Glyphs, truncateToWidth, displayWidth, up} from './char-grid.js';
import {frameRegions, shiftGeometry, type NodeGeometry} from './graph-geometry.js';

/** A laid-out, rasterised part of a graph: a scope (machine, branch, item processor) or a container. */
export type Piece = {grid: CharGrid; geometry: Map<string, NodeGeometry>};

type Context = {graph: MachineGraph; glyphs: Glyphs; ascii: boolean; nameCap: number; edgesFrom: Map<string, MachineEdge[]>};

const startNode = '\u0000start';
const endNode = '\u0000end';
const rankGap = 2;
const nodeGap = 3;

/** The label shown in a box: sanitised, shortened to the cap. */
function boxLabel(name: string, context: Context): string {
	return truncateToWidth(sanitize(name), context.nameCap, context.glyphs.ellipsis);
}

/** `╭─ Choice ─╮` tag for states whose type is not obvious (Tasks carry none). */
function typeTag(state: MachineState): string | undefined {
	return state.type === 'Task' ? undefined : state.type;
}

function stateBox(state: MachineState, context: Context): Piece {
	const label = boxLabel(state.name, context);
	const tag = typeTag(state);
	const width = Math.max(displayWidth(label) + 6, tag ? tag.length + 6 : 0, 10);
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

function pseudoBox(text: string): Piece {
	const grid = new CharGrid(text.length, 1);
	grid.text(0, 0, text, 'muted');
	return {grid, geometry: new Map()};
}

/** A Parallel or Map state: a frame with its branches (or item processor) side by side inside. */
function containerBox(state: MachineState, context: Context): Piece {
	const branches = childrenByBranch(context.graph, state.name).map(states => layoutScope(states, context, false));
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

type Point = {col: number; row: number};

/**
 * Lays out the states of one scope with dagre (top to bottom), then draws
 * orthogonal edges through dagre's waypoints and the boxes on top of them.
 */
export function layoutScope(states: MachineState[], context: Context, topLevel: boolean): Piece {
	const names = new Set(states.map(state => state.name));
	const pieces = new Map<string, Piece>();
	for (const state of states) {
		pieces.set(state.name, state.type === 'Parallel' || state.type === 'Map' ? containerBox(state, context) : stateBox(state, context));
	}

	const dagreGraph = new Graph({multigraph: true});
	dagreGraph.setGraph({rankdir: 'TB', nodesep: nodeGap, ranksep: rankGap, edgesep: 1, marginx: 0, marginy: 0});
	dagreGraph.setDefaultEdgeLabel(() => ({}));
	for (const [name, piece] of pieces) {
		dagreGraph.setNode(name, {width: piece.grid.width, height: piece.grid.height});
	}

	type Drawn = {from: string; to: string; catch: boolean; key: string};
	const drawn: Drawn[] = [];
	const addEdge = (from: string, to: string, isCatch: boolean) => {
		const key = `e${drawn.length}`;
		dagreGraph.setEdge(from, to, {weight: isCatch ? 1 : 2, minlen: 1}, key);
		drawn.push({from, to, catch: isCatch, key});
	};

	if (topLevel) {
		pieces.set(startNode, pseudoBox('( Start )'));
		pieces.set(endNode, pseudoBox('( End )'));
		dagreGraph.setNode(startNode, {width: 9, height: 1});
		dagreGraph.setNode(endNode, {width: 7, height: 1});
		addEdge(startNode, context.graph.startAt, false);
	}

	for (const state of states) {
		const seenTargets = new Set<string>();
		for (const edge of context.edgesFrom.get(state.name) ?? []) {
			const target = edge.to ?? (topLevel ? endNode : undefined);
			if (target === undefined || (edge.to !== null && !names.has(edge.to)) || target === state.name) {
				continue;
			}

			// Several Choice rules to one state are one line on screen.
			const targetKey = `${target}:${edge.kind === 'catch'}`;
			if (seenTargets.has(targetKey)) {
				continue;
			}

			seenTargets.add(targetKey);
			addEdge(state.name, target, edge.kind === 'catch');
		}
	}

	dagreLayout(dagreGraph);

	// Box positions in cells; shift everything so the smallest coordinate is 0.
	// Boxes are placed from dagre's rounded centre so that boxes in a straight
	// chain share a centre column whatever their widths.
	const boxes = new Map<string, {x: number; y: number; width: number; height: number; cx: number}>();
	for (const [name, piece] of pieces) {
		const node = dagreGraph.node(name);
		const cx = Math.round(node.x);
		boxes.set(name, {x: cx - Math.floor(piece.grid.width / 2), y: Math.round(node.y - (piece.grid.height / 2)), width: piece.grid.width, height: piece.grid.height, cx});
	}

	const routes: Array<{edge: Drawn; points: Point[]}> = drawn.map(edge => ({edge, points: (dagreGraph.edge({v: edge.from, w: edge.to, name: edge.key}).points ?? []).map((point: {x: number; y: number}) => ({col: Math.round(point.x), row: Math.round(point.y)}))}));
	let minX = 0;
	let minY = 0;
	let maxX = 0;
	let maxY = 0;
	for (const box of boxes.values()) {
		minX = Math.min(minX, box.x);
		minY = Math.min(minY, box.y);
		maxX = Math.max(maxX, box.x + box.width);
		maxY = Math.max(maxY, box.y + box.height);
	}

	for (const route of routes) {
		for (const point of route.points) {
			minX = Math.min(minX, point.col - 1);
			maxX = Math.max(maxX, point.col + 2);
		}
	}

	const grid = new CharGrid(maxX - minX, maxY - minY);
	for (const box of boxes.values()) {
		box.x -= minX;
		box.cx -= minX;
		box.y -= minY;
	}

	const bandRows = new Set<number>();
	for (const box of boxes.values()) {
		for (let row = box.y; row < box.y + box.height; row++) {
			bandRows.add(row);
		}
	}

	const arrows: Array<{point: Point; ch: string; isCatch: boolean}> = [];
	for (const {edge, points} of routes) {
		const source = boxes.get(edge.from)!;
		const target = boxes.get(edge.to)!;
		const forward = target.y > source.y;
		const offset = edge.catch ? 2 : 0;
		const centre = (box: {x: number; width: number; cx: number}, shift: number) => Math.min(box.x + box.width - 2, box.cx + shift);
		const start: Point = forward ? {col: centre(source, offset), row: source.y + source.height} : {col: centre(source, 2), row: source.y - 1};
		const arrow: Point = forward ? {col: centre(target, offset), row: target.y - 1} : {col: centre(target, 2), row: target.y + target.height};
		const beforeArrow: Point = {col: arrow.col, row: forward ? arrow.row - 1 : arrow.row + 1};
		// Keep only dagre's dummy-node points (inside a rank's rows): they are
		// the lanes that pass beside boxes. Its points in the gaps only add jogs.
		const waypoints = points.slice(1, -1).map((point: Point) => ({col: point.col - minX, row: point.row - minY})).filter((point: Point) => bandRows.has(point.row));
		const path = [start, ...waypoints, beforeArrow];
		if ((forward && beforeArrow.row < start.row) || (!forward && beforeArrow.row > start.row)) {
			// Adjacent boxes with no room for a turn: go straight.
			path.splice(0, path.length, start, arrow);
		}

		for (let index = 0; index + 1 < path.length; index++) {
			drawHop(grid, path[index], path[index + 1], bandRows, edge.catch);
		}

		grid.line(beforeArrow.col, beforeArrow.row, arrow.col, arrow.row, edge.catch);
		// Attach the line to the box it leaves.
		grid.join(start.col, start.row, forward ? up : down, edge.catch);
		arrows.push({point: arrow, ch: forward ? context.glyphs.arrowDown : context.glyphs.arrowUp, isCatch: edge.catch});
	}

	const geometry = new Map<string, NodeGeometry>();
	for (const [name, piece] of pieces) {
		const box = boxes.get(name)!;
		grid.blit(piece.grid, box.x, box.y);
		for (const [inner, shape] of piece.geometry) {
			geometry.set(inner, shiftGeometry(shape, box.x, box.y));
		}
	}

	for (const {point, ch, isCatch} of arrows) {
		if (grid.inside(point.col, point.row) && grid.cells[point.row][point.col].ch === ' ') {
			grid.set(point.col, point.row, ch, isCatch ? 'edge.catch' : 'edge');
		}
	}

	grid.resolveLines(context.ascii);
	return {grid, geometry};
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

export function makeContext(graph: MachineGraph, glyphs: Glyphs, ascii: boolean, nameCap: number): Context {
	const edgesFrom = new Map<string, MachineEdge[]>();
	for (const edge of graph.edges) {
		const list = edgesFrom.get(edge.from) ?? [];
		list.push(edge);
		edgesFrom.set(edge.from, list);
	}

	return {graph, glyphs, ascii, nameCap, edgesFrom};
}
