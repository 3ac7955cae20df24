import type {HistoryEvent, MachineGraph} from '../types.js';
import {stateNameIn} from './event-owners.js';
import {executionEndStatus} from './history-event.js';

/** The top-level state a state is in (itself at the top level), by the definition's nesting. */
function topLevelOf(name: string, graph: MachineGraph | undefined): string {
	const parents = new Map(graph?.states.map(state => [state.name, state.parent]));
	let current = name;
	for (let parent = parents.get(current); parent; parent = parents.get(current)) {
		current = parent;
	}

	return current;
}

/**
 * The top-level state an execution stopped in — where a redrive starts again —
 * from the newest events of its history (a reverse page is enough): the chain
 * of causes back from the end event (previousEventId) reaches the failing
 * state's events first. A state inside a Map or Parallel counts as that
 * container, which AWS reruns (only its unsuccessful iterations or branches).
 */
export function stoppedIn(newestEvents: readonly HistoryEvent[], graph?: MachineGraph): string | undefined {
	const byId = new Map(newestEvents.map(event => [event.id, event]));
	const end = newestEvents.find(event => executionEndStatus[event.type] !== undefined) ?? newestEvents[0];
	const visited = new Set<number>();
	for (let event: HistoryEvent | undefined = end; event && !visited.has(event.id); event = event.previousEventId === undefined ? undefined : byId.get(event.previousEventId)) {
		visited.add(event.id);
		const name = stateNameIn(event);
		if (name !== undefined) {
			return topLevelOf(name, graph);
		}
	}

	for (const event of newestEvents) {
		const name = stateNameIn(event);
		if (name !== undefined) {
			return topLevelOf(name, graph);
		}
	}

	return undefined;
}
