import type {MachineGraph} from '../types.js';
import {asciiGlyphs, unicodeGlyphs} from './char-grid.js';
import {layoutCompact} from './graph-compact.js';
import type {GraphLayout, NodeBox} from './graph-geometry.js';
import {makeContext} from './graph-boxes.js';
import {layoutScope} from './graph-scope-layout.js';

export type {GraphLayout, NodeBox, NodeGeometry} from './graph-geometry.js';

export type LayoutOptions = {
	/** Widest line allowed; Infinity for no limit. */
	maxWidth: number;
	ascii: boolean;
};

/**
 * Lays a machine out once (dagre, top to bottom, containers nested) and
 * rasterises it. Decorating states later (renderGraph) never lays out again.
 * Tries full names first, then shorter ones, then the compact one-column view,
 * so nothing is ever wider than maxWidth. At 120 columns and more, names of up
 * to 30 characters are never shortened.
 */
export function layoutGraph(graph: MachineGraph, options: LayoutOptions): GraphLayout {
	const glyphs = options.ascii ? asciiGlyphs : unicodeGlyphs;
	const caps = options.maxWidth >= 120 ? [40, 30] : [30, 20, 14];
	for (const cap of caps) {
		const piece = layoutScope(graph.states.filter(state => state.parent === null), makeContext(graph, glyphs, options.ascii, cap), true);
		if (piece.grid.width <= options.maxWidth) {
			return finish('graph', piece, glyphs, options.ascii);
		}
	}

	return finish('compact', layoutCompact(graph, options.maxWidth, glyphs, options.ascii), glyphs, options.ascii);
}

function finish(mode: GraphLayout['mode'], piece: Pick<GraphLayout, 'grid' | 'geometry'>, glyphs: GraphLayout['glyphs'], ascii: boolean): GraphLayout {
	const nodes = new Map<string, NodeBox>();
	for (const [name, geometry] of piece.geometry) {
		nodes.set(name, geometry.box);
	}

	return {mode, width: piece.grid.width, height: piece.grid.height, ascii, glyphs, nodes, geometry: piece.geometry, grid: piece.grid};
}
