import type {MachineGraph} from '../types.js';

/**
 * The Distributed Map a state runs under, if any: the nearest enclosing Map
 * whose items run as child executions. Such a state never runs in the
 * parent's history (AWS writes no iteration events for it), so the parent
 * can only point at the map run's children.
 */
export function distributedMapOf(graph: MachineGraph, stateName: string): string | undefined {
	const byName = new Map(graph.states.map(state => [state.name, state]));
	let parent = byName.get(stateName)?.parent ?? null;
	let nearest: string | undefined;
	while (parent !== null) {
		const container = byName.get(parent);
		if (!container) {
			break;
		}

		if (container.distributed) {
			nearest ??= container.name;
		}

		parent = container.parent;
	}

	return nearest;
}
