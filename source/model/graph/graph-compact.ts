import {sanitize} from '../text/sanitize.js';
import type {MachineEdge, MachineGraph, MachineState, StyleRole} from '../types.js';
import {displayWidth, truncateToWidth} from '../text/width.js';
import {childrenByBranch} from './asl-graph.js';
import {CharGrid, type Glyphs} from './char-grid.js';
import type {NodeGeometry} from './graph-geometry.js';

type Row = {indent: number; guides: number; text: string; role: StyleRole; state?: MachineState};

/**
 * The fallback when the graph is wider than the screen: one line per state in
 * definition order, branches indented under their container, jumps, Choice
 * rules and Catches spelled out under the state they leave. Same states and
 * edges as the graph, never cut in half.
 */
export function layoutCompact(graph: MachineGraph, maxWidth: number, glyphs: Glyphs, ascii: boolean): {grid: CharGrid; geometry: Map<string, NodeGeometry>} {
	const edgesFrom = new Map<string, MachineEdge[]>();
	for (const edge of graph.edges) {
		edgesFrom.set(edge.from, [...(edgesFrom.get(edge.from) ?? []), edge]);
	}

	const rows: Row[] = [];
	const visit = (states: MachineState[], indent: number) => {
		for (const [index, state] of states.entries()) {
			const tag = state.type === 'Task' ? '' : `  [${state.type}${state.distributed ? ', distributed' : ''}]`;
			rows.push({indent, guides: indent, text: `${sanitize(state.name)}${tag}`, role: `type.${state.type}`, state});
			const following = states[index + 1]?.name;
			for (const edge of edgesFrom.get(state.name) ?? []) {
				const target = edge.to === null ? undefined : sanitize(edge.to);
				const text = edgeNote(edge, target, following, state, ascii);
				if (text) {
					rows.push({indent: indent + 4, guides: indent, text, role: edge.kind === 'catch' ? 'edge.catch' : 'edge.label'});
				}
			}

			if (state.type === 'Parallel' || state.type === 'Map') {
				const groups = childrenByBranch(graph, state.name);
				for (const [branchIndex, group] of groups.entries()) {
					const header = state.type === 'Map' ? 'item processor' : `branch ${branchIndex + 1} of ${groups.length}`;
					rows.push({indent: indent + 2, guides: indent + 2, text: `${ascii ? ':' : '┆'} ${header}`, role: 'container'});
					visit(group, indent + 4);
				}
			}
		}
	};

	visit(graph.states.filter(state => state.parent === null), 0);

	const width = Number.isFinite(maxWidth) ? Math.max(10, maxWidth) : Math.max(...rows.map(row => row.indent + 2 + displayWidth(row.text)));
	const grid = new CharGrid(width, rows.length);
	const geometry = new Map<string, NodeGeometry>();
	const guide = ascii ? '|' : '│';
	for (const [y, row] of rows.entries()) {
		for (let level = 2; level <= row.guides - 2; level += 4) {
			grid.set(level, y, guide, 'container');
		}

		if (row.state) {
			const room = width - row.indent - 2;
			const text = truncateToWidth(row.text, room, glyphs.ellipsis);
			const nameText = truncateToWidth(sanitize(row.state.name), room, glyphs.ellipsis);
			const nameEnd = grid.text(row.indent + 2, y, nameText, 'plain');
			const end = grid.text(nameEnd, y, text.slice(nameText.length), row.role);
			geometry.set(row.state.name, {
				box: {name: row.state.name, x: row.indent, y, width: end - row.indent, height: 1},
				marker: {row: y, col: row.indent},
				name: {row: y, start: row.indent + 2, end: nameEnd},
				border: [],
				interior: [{row: y, start: row.indent, end}],
				badge: {row: y, start: end + 2, end: width},
				container: row.state.type === 'Parallel' || row.state.type === 'Map',
			});
		} else {
			grid.text(row.indent, y, truncateToWidth(row.text, width - row.indent, glyphs.ellipsis), row.role);
		}
	}

	return {grid, geometry};
}

/** The line under a state for an edge that the order of lines does not already show. */
function edgeNote(edge: MachineEdge, target: string | undefined, following: string | undefined, state: MachineState, ascii: boolean): string | undefined {
	const arrow = ascii ? '->' : '→';
	switch (edge.kind) {
		case 'next': {
			return edge.to === following ? undefined : `${arrow} ${target}`;
		}

		case 'choice': {
			// Target first: a long condition is what gets cut, not where it leads.
			return `? ${arrow} ${target}  if ${sanitize(edge.label ?? '')}`;
		}

		case 'default': {
			return `? ${arrow} ${target}  (default)`;
		}

		case 'catch': {
			return `${ascii ? '!' : '⚠'} ${arrow} ${target}  on ${sanitize(edge.label ?? '')}`;
		}

		case 'end': {
			const terminal = state.type === 'Succeed' || state.type === 'Fail';
			return following === undefined || terminal ? undefined : `${arrow} end`;
		}
	}
}
