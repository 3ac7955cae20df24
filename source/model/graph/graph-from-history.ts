import type {HistoryEvent, MachineEdge, MachineGraph, MachineState} from '../types.js';
import {isStateType} from './asl-graph.js';

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
	const branchCounter = new Map<string, number>();
	let last: string | undefined;

	for (const event of events) {
		const name = typeof event.details.name === 'string' ? event.details.name : undefined;
		const previous = event.previousEventId === undefined ? undefined : ownerOf.get(event.previousEventId);
		if (event.type.endsWith('StateEntered') && name) {
			const type = event.type.slice(0, -'StateEntered'.length);
			if (!states.has(name) && isStateType(type)) {
				const {parent, branch} = placeState(previous, states, branchCounter);

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

/**
 * Where a state seen for the first time sits: inside the Map iteration or the
 * Parallel branch whose start came just before it (branches numbered in the
 * order they start), else beside the state before it.
 */
function placeState(previous: {name: string; type: string} | undefined, states: ReadonlyMap<string, MachineState>, branchCounter: Map<string, number>): {parent: string | null; branch?: number} {
	if (previous?.type === 'ParallelStateStarted') {
		const branch = branchCounter.get(previous.name) ?? 0;
		branchCounter.set(previous.name, branch + 1);
		return {parent: previous.name, branch};
	}

	if (previous?.type === 'MapIterationStarted') {
		return {parent: previous.name};
	}

	const sibling = previous && states.get(previous.name);
	return sibling ? {parent: sibling.parent, ...(sibling.branch !== undefined && {branch: sibling.branch})} : {parent: null};
}
