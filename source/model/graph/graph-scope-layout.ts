import type {MachineState} from '../types.js';
import {childrenByBranch} from './asl-graph.js';
import {CharGrid} from './char-grid.js';
import {createDagreGraph, runDagreLayout} from './dagre.js';
import {containerBox, type LayoutContext, nodeGap, type Piece, pseudoBox, stateBox} from './graph-boxes.js';
import {drawEdges, type EdgeRoute, type PlacedBox, placeArrowHeads} from './graph-edge-routing.js';
import {shiftGeometry, type NodeGeometry} from './graph-geometry.js';

const startNode = '\u0000start';
const endNode = '\u0000end';
const rankGap = 2;

/**
 * Lays out the states of one scope with dagre (top to bottom), then draws
 * orthogonal edges through dagre's waypoints and the boxes on top of them.
 * A Parallel or Map state's branches are scopes of their own, laid out first.
 */
export function layoutScope(states: MachineState[], context: LayoutContext, topLevel: boolean): Piece {
	const names = new Set(states.map(state => state.name));
	const pieces = new Map<string, Piece>();
	for (const state of states) {
		pieces.set(state.name, state.type === 'Parallel' || state.type === 'Map'
			? containerBox(state, childrenByBranch(context.graph, state.name).map(branch => layoutScope(branch, context, false)), context)
			: stateBox(state, context));
	}

	const dagreGraph = createDagreGraph();
	dagreGraph.setGraph({rankdir: 'TB', nodesep: nodeGap, ranksep: rankGap, edgesep: 1, marginx: 0, marginy: 0});
	dagreGraph.setDefaultEdgeLabel(() => ({}));
	for (const [name, piece] of pieces) {
		dagreGraph.setNode(name, {width: piece.grid.width, height: piece.grid.height});
	}

	type Drawn = {from: string; to: string; isCatch: boolean; key: string};
	const drawn: Drawn[] = [];
	const addEdge = (from: string, to: string, isCatch: boolean) => {
		const key = `e${drawn.length}`;
		dagreGraph.setEdge(from, to, {weight: isCatch ? 1 : 2, minlen: 1}, key);
		drawn.push({from, to, isCatch, key});
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

	runDagreLayout(dagreGraph);

	// Box positions in cells; shift everything so the smallest coordinate is 0.
	// Boxes are placed from dagre's rounded centre so that boxes in a straight
	// chain share a centre column whatever their widths.
	const boxes = new Map<string, PlacedBox>();
	for (const [name, piece] of pieces) {
		const node = dagreGraph.node(name);
		const cx = Math.round(node.x);
		boxes.set(name, {x: cx - Math.floor(piece.grid.width / 2), y: Math.round(node.y - (piece.grid.height / 2)), width: piece.grid.width, height: piece.grid.height, cx});
	}

	const routes: EdgeRoute[] = drawn.map(edge => ({
		from: edge.from,
		to: edge.to,
		isCatch: edge.isCatch,
		points: (dagreGraph.edge({v: edge.from, w: edge.to, name: edge.key}).points ?? []).map(point => ({col: Math.round(point.x), row: Math.round(point.y)})),
	}));
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

	for (const route of routes) {
		route.points = route.points.map(point => ({col: point.col - minX, row: point.row - minY}));
	}

	const arrows = drawEdges(grid, boxes, routes, context.glyphs);
	const geometry = new Map<string, NodeGeometry>();
	for (const [name, piece] of pieces) {
		const box = boxes.get(name)!;
		grid.blit(piece.grid, box.x, box.y);
		for (const [inner, shape] of piece.geometry) {
			geometry.set(inner, shiftGeometry(shape, box.x, box.y));
		}
	}

	placeArrowHeads(grid, arrows);
	grid.resolveLines(context.ascii);
	return {grid, geometry};
}
