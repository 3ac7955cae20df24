import {asciiGlyphs, unicodeGlyphs} from '../model/graph/char-grid.js';
import {layoutCompact} from '../model/graph/graph-compact.js';
import {layoutGraph, type GraphLayout, type NodeBox} from '../model/graph/graph-layout.js';
import {renderGraph} from '../model/graph/graph-render.js';
import {decorateByStatus} from '../model/graph/status-decoration.js';
import type {ExecutionSnapshot, MachineGraph, StyledLine} from '../model/types.js';
import {fitBlock} from './screen-lines.js';

const layouts = new WeakMap<MachineGraph, Map<string, GraphLayout>>();

/**
 * Layout once per (definition, width, ascii, room); decorating on every
 * snapshot is cheap. When the full graph is much taller than the pane, the
 * compact one-line-per-state view shows more of the machine at once.
 */
export function cachedLayout(graph: MachineGraph, width: number, ascii: boolean, maxHeight = Infinity): GraphLayout {
	let perGraph = layouts.get(graph);
	if (!perGraph) {
		perGraph = new Map();
		layouts.set(graph, perGraph);
	}

	const key = `${width}:${ascii}:${maxHeight}`;
	let layout = perGraph.get(key);
	if (!layout) {
		layout = layoutGraph(graph, {maxWidth: Math.max(10, width), ascii});
		if (layout.mode === 'graph' && layout.height > maxHeight) {
			layout = compactLayout(graph, width, ascii);
		}

		perGraph.set(key, layout);
	}

	return layout;
}

function compactLayout(graph: MachineGraph, width: number, ascii: boolean): GraphLayout {
	const glyphs = ascii ? asciiGlyphs : unicodeGlyphs;
	const {grid, geometry} = layoutCompact(graph, Math.max(10, width), glyphs, ascii);
	const nodes = new Map<string, NodeBox>();
	for (const [name, part] of geometry) {
		nodes.set(name, part.box);
	}

	return {mode: 'compact', width: grid.width, height: grid.height, ascii, glyphs, nodes, geometry, grid};
}

/** The state the view follows when the user has not picked one: the active, else the failed, else the first. */
export function defaultSelection(snapshot: ExecutionSnapshot, graph: MachineGraph): string | undefined {
	const active = snapshot.activeStates.at(-1);
	if (active) {
		return active;
	}

	for (const [name, state] of snapshot.states) {
		if (state.status === 'FAILED' || state.status === 'TIMED_OUT') {
			return name;
		}
	}

	let last: string | undefined;
	let lastAt = -1;
	for (const [name, state] of snapshot.states) {
		if (state.enteredAt !== undefined && state.enteredAt >= lastAt) {
			last = name;
			lastAt = state.enteredAt;
		}
	}

	return last ?? graph.startAt;
}

/**
 * The graph, scrolled vertically so the selected state is in view. Exactly
 * `height` lines of `width` cells.
 */
export function graphPaneLines(options: {
	layout: GraphLayout;
	snapshot: ExecutionSnapshot;
	/** Drawn with the selection frame (an explicit user choice). */
	selected?: string;
	/** Kept in view. */
	focus?: string;
	/** Badges that replace the history's (a Distributed Map's map run counts). */
	badges?: ReadonlyMap<string, string>;
	width: number;
	height: number;
	ascii: boolean;
}): StyledLine[] {
	const {layout, snapshot, width, height, ascii} = options;
	const lines = renderGraph(layout, decorateByStatus(snapshot, {ascii, ...(options.selected && {selected: options.selected}), ...(options.badges && {badges: options.badges})}));
	let offset = 0;
	const box = options.focus ? layout.nodes.get(options.focus) : undefined;
	if (box && lines.length > height && box.y + box.height > height - 1) {
		// Scroll only as far as needed to show the focused state (and one row below it).
		offset = Math.max(0, Math.min(lines.length - height, box.y + box.height + 1 - height));
	}

	const visible = lines.slice(offset, offset + height);
	if (lines.length > height && height > 0) {
		const more = lines.length - offset - height;
		if (more > 0) {
			visible[height - 1] = [{text: `${ascii ? 'v' : '▼'} ${more} more rows`, role: 'muted'}];
		}
	}

	return fitBlock(visible, width, height, ascii ? '~' : '…');
}
