import {eventDetails} from '../../model/history/history-event.js';
import type {MachineGraph} from '../../model/types.js';
import type {WireEvent} from './wire-event.js';

/**
 * For redriving a failed Map or Parallel: which iterations or branches
 * already succeeded, and what each of their tasks returned, read from the
 * earlier history. On AWS a redrive reruns only the unsuccessful ones;
 * sfntop serve reruns the container but answers the kept lanes' tasks from
 * these recorded results and writes no events for them, so the result array
 * and the history come out as AWS's.
 *
 * Lanes are named as run-execution.ts names them: `MAP#index`, `PARALLEL/branch`.
 */
export type KeptWork = {
	container: string;
	lanes: Set<string>;
	/** `${stateName}@${lane}` → the task results recorded in that lane, oldest first. */
	results: Map<string, unknown[]>;
};

const detailsOf = (event: WireEvent) => eventDetails(event);

export function keptWork(events: readonly WireEvent[], graph: MachineGraph, container: string): KeptWork | undefined {
	const type = graph.states.find(state => state.name === container)?.type;
	if (type !== 'Map' && type !== 'Parallel') {
		return undefined;
	}

	// Only the container's latest run counts (it may have run before an earlier redrive).
	const lastStart = events.findLastIndex(event => event.type === `${type}StateEntered` && detailsOf(event).name === container);
	if (lastStart === -1) {
		return undefined;
	}

	const since = events.slice(lastStart);
	const byId = new Map(since.map(event => [event.id, event]));
	const stateOf = new Map(graph.states.map(state => [state.name, state]));
	const laneOfEvent = new Map<number, string>();
	const laneOf = (event: WireEvent): string | undefined => {
		const chain: number[] = [];
		let current: WireEvent | undefined = event;
		let lane: string | undefined;
		while (current) {
			if (laneOfEvent.has(current.id)) {
				lane = laneOfEvent.get(current.id);
				break;
			}

			const details = detailsOf(current);
			if (type === 'Map' && current.type === 'MapIterationStarted' && details.name === container) {
				lane = `${container}#${String(details.index)}`;
				break;
			}

			const state = typeof details.name === 'string' && current.type.endsWith('StateEntered') ? stateOf.get(details.name) : undefined;
			if (type === 'Parallel' && state?.parent === container) {
				lane = `${container}/${state.branch ?? 0}`;
				break;
			}

			chain.push(current.id);
			current = byId.get(current.previousEventId);
		}

		for (const id of chain) {
			if (lane) {
				laneOfEvent.set(id, lane);
			}
		}

		return lane;
	};

	const lanes = new Set<string>();
	const results = new Map<string, unknown[]>();
	const taskOf = new Map<number, string>();
	for (const event of since) {
		const details = detailsOf(event);
		if (type === 'Map' && event.type === 'MapIterationSucceeded' && details.name === container) {
			lanes.add(`${container}#${String(details.index)}`);
		}

		// A Parallel branch succeeded when one of its end states (not a Fail) exited.
		const state = typeof details.name === 'string' ? stateOf.get(details.name) : undefined;
		if (type === 'Parallel' && event.type.endsWith('StateExited') && state?.parent === container && state.isEnd && state.type !== 'Fail') {
			lanes.add(`${container}/${state.branch ?? 0}`);
		}

		if (event.type === 'TaskStateEntered' && typeof details.name === 'string') {
			taskOf.set(event.id, details.name);
		}

		if ((event.type === 'LambdaFunctionSucceeded' || event.type === 'TaskSucceeded') && typeof details.output === 'string') {
			let current: WireEvent | undefined = event;
			while (current && !taskOf.has(current.id)) {
				current = byId.get(current.previousEventId);
			}

			const lane = laneOf(event);
			if (current && lane) {
				const key = `${taskOf.get(current.id)}@${lane}`;
				results.set(key, [...(results.get(key) ?? []), JSON.parse(details.output)]);
			}
		}
	}

	return lanes.size > 0 ? {container, lanes, results} : undefined;
}
