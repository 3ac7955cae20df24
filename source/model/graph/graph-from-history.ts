import type {HistoryEvent, MachineEdge, MachineGraph, MachineState, StateType} from '../types.js';

const stateTypes = new Set<StateType>(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);

/**
 * A graph of the states a history shows, for when the definition is not at
 * hand: each `<Type>StateEntered` is a state; the previous event tells where
 * it came from (a sibling's exit is an edge; a Map iteration or Parallel start
 * makes it a child of that container). States never entered are unknown here.
 */
export function graphFromHistory(events: readonly HistoryEvent[]): MachineGraph {
	const states = new Map<string, MachineState>();
	const edges: MachineEdge[] = [];
	const edgeKeys = new Set<string>();
	const ownerOf = new Map<number, {name: string; type: string}>();
	let branchCounter = new Map<string, number>();
	let last: string | undefined;

	for (const event of events) {
		const name = typeof event.details.name === 'string' ? event.details.name : undefined;
		const previous = event.previousEventId === undefined ? undefined : ownerOf.get(event.previousEventId);
		if (event.type.endsWith('StateEntered') && name) {
			const type = event.type.slice(0, -'StateEntered'.length) as StateType;
			if (!states.has(name) && stateTypes.has(type)) {
				let parent: string | null = null;
				let branch: number | undefined;
				if (previous && (previous.type === 'MapIterationStarted' || previous.type === 'ParallelStateStarted')) {
					parent = previous.name;
					if (previous.type === 'ParallelStateStarted') {
						branch = branchCounter.get(parent) ?? 0;
						branchCounter = new Map(branchCounter).set(parent, branch + 1);
					}
				} else if (previous && states.has(previous.name)) {
					const sibling = states.get(previous.name)!;
					parent = sibling.parent;
					branch = sibling.branch;
				}

				const depth = parent ? (states.get(parent)?.depth ?? 0) + 1 : 0;
				states.set(name, {name, type, parent, ...(branch !== undefined && {branch}), depth, isStart: previous === undefined || (parent !== null && previous.name === parent), isEnd: type === 'Succeed' || type === 'Fail', definition: {Type: type}});
			}

			if (previous?.type.endsWith('StateExited') && previous.name !== name && states.get(previous.name)?.parent === states.get(name)?.parent) {
				const key = `${previous.name}\u0000${name}`;
				if (!edgeKeys.has(key)) {
					edgeKeys.add(key);
					edges.push({from: previous.name, to: name, kind: 'next'});
				}
			}

			last = name;
		}

		const owner = name ?? previous?.name ?? last;
		if (owner) {
			ownerOf.set(event.id, {name: owner, type: event.type});
		}
	}

	const list = [...states.values()];
	const hasOutgoing = new Set(edges.map(edge => edge.from));
	for (const state of list) {
		if (!hasOutgoing.has(state.name)) {
			edges.push({from: state.name, to: null, kind: 'end'});
			state.isEnd = true;
		}
	}

	const startAt = list.find(state => state.parent === null)?.name ?? '';
	return {startAt, queryLanguage: 'JSONPath', states: list, edges};
}
