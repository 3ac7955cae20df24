import type {MachineGraph} from '../../model/types.js';
import type {WireEvent} from './wire-event.js';

/**
 * For redriving a Map: which iterations already succeeded, and what each of
 * their tasks returned, read from the earlier history. On AWS a redriven Map
 * reruns only its unsuccessful iterations; sfntop serve reruns the Map but
 * answers the kept iterations' tasks from these recorded results and writes
 * no events for them, so the result array and the history come out as AWS's.
 */
export type KeptIterations = {
	map: string;
	indices: Set<number>;
	/** `${stateName}#${index}` → the task's recorded raw result. */
	results: Map<string, unknown>;
};

const detailsOf = (event: WireEvent): Record<string, unknown> => {
	for (const [key, value] of Object.entries(event)) {
		if (key.endsWith('EventDetails') && value && typeof value === 'object') {
			return value as Record<string, unknown>;
		}
	}

	return {};
};

export function keptIterations(events: readonly WireEvent[], graph: MachineGraph, map: string): KeptIterations | undefined {
	if (graph.states.find(state => state.name === map)?.type !== 'Map') {
		return undefined;
	}

	// Only the Map's latest run counts (a Map may have run before an earlier redrive).
	const lastStart = events.findLastIndex(event => event.type === 'MapStateEntered' && detailsOf(event).name === map);
	if (lastStart === -1) {
		return undefined;
	}

	const byId = new Map(events.map(event => [event.id, event]));
	const indexOf = new Map<number, number>();
	const laneIndex = (event: WireEvent): number | undefined => {
		const chain: number[] = [];
		let current: WireEvent | undefined = event;
		let found: number | undefined;
		while (current && current.id > events[lastStart].id) {
			if (indexOf.has(current.id)) {
				found = indexOf.get(current.id);
				break;
			}

			if (current.type === 'MapIterationStarted' && detailsOf(current).name === map) {
				found = detailsOf(current).index as number;
				break;
			}

			chain.push(current.id);
			current = byId.get(current.previousEventId);
		}

		for (const id of chain) {
			if (found !== undefined) {
				indexOf.set(id, found);
			}
		}

		return found;
	};

	const indices = new Set<number>();
	const results = new Map<string, unknown>();
	const taskOf = new Map<number, string>();
	for (const event of events.slice(lastStart)) {
		const details = detailsOf(event);
		if (event.type === 'MapIterationSucceeded' && details.name === map && typeof details.index === 'number') {
			indices.add(details.index);
		}

		if (event.type === 'TaskStateEntered' && typeof details.name === 'string') {
			taskOf.set(event.id, details.name);
		}

		if ((event.type === 'LambdaFunctionSucceeded' || event.type === 'TaskSucceeded') && typeof details.output === 'string') {
			// Walk back to the TaskStateEntered that owns this result.
			let current: WireEvent | undefined = event;
			while (current && !taskOf.has(current.id)) {
				current = byId.get(current.previousEventId);
			}

			const index = laneIndex(event);
			if (current && index !== undefined) {
				results.set(`${taskOf.get(current.id)}#${index}`, JSON.parse(details.output));
			}
		}
	}

	return indices.size > 0 ? {map, indices, results} : undefined;
}
