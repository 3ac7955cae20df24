import {sanitize} from '../text/sanitize.js';
import type {MachineGraph} from '../types.js';
import type {NodeDecoration} from './graph-render.js';

/**
 * The states that assign variables are marked with their names, as JSONata
 * and JSONPath read them (`$total $items`), in the box's bottom border (the
 * layout leaves room for them): in `sfntop graph`, and in replay and the
 * dashboard wherever no Map count takes that place.
 */
export function variableBadges(graph: MachineGraph): Map<string, string> {
	const badges = new Map<string, string>();
	for (const state of graph.states) {
		if (state.assigns) {
			badges.set(state.name, state.assigns.map(name => `$${sanitize(name)}`).join(' '));
		}
	}

	return badges;
}

export function variableMarks(graph: MachineGraph): (name: string) => NodeDecoration | undefined {
	const badges = variableBadges(graph);
	return name => {
		const badge = badges.get(name);
		return badge === undefined ? undefined : {badge};
	};
}
