import {sanitize} from '../text/sanitize.js';
import type {MachineGraph} from '../types.js';
import type {NodeDecoration} from './graph-render.js';

/**
 * `sfntop graph` marks the states that assign variables: their names, as
 * JSONata and JSONPath read them (`$total $items`), in the box's bottom border.
 */
export function variableMarks(graph: MachineGraph): (name: string) => NodeDecoration | undefined {
	const badges = new Map<string, string>();
	for (const state of graph.states) {
		if (state.assigns) {
			badges.set(state.name, state.assigns.map(name => `$${sanitize(name)}`).join(' '));
		}
	}

	return name => {
		const badge = badges.get(name);
		return badge === undefined ? undefined : {badge};
	};
}
