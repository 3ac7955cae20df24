import {isRecord} from '../text/json-text.js';
import type {HistoryEvent} from '../types.js';
import {EventOwners} from './event-owners.js';
import {payloadText} from './history-event.js';

export type ScopedVariable = {
	name: string;
	/** JSON text, as AWS writes `assignedVariables`. */
	value: string;
	/** The state whose exit assigned it. */
	assignedBy: string;
};

const containerStarts = new Set(['MapStateStarted', 'ParallelStateStarted', 'MapIterationStarted']);

/**
 * The variables a state could read when it was last entered: the newest
 * assignment of each name along the path that led to it. Variables live in
 * scopes (AWS: a Map iteration or Parallel branch reads the outer variables
 * and keeps its own), so the path is walked back from the state's entry by
 * previousEventId, never into another iteration or branch: a container's
 * exit jumps to its entry (what its iterations assigned stays inside), and a
 * container's start — or an iteration's, whose previousEventId AWS points at
 * the previous iteration — jumps to the container's entry. Undefined when the
 * state has not been entered.
 */
export function variablesInScope(events: readonly HistoryEvent[], stateName: string): ScopedVariable[] | undefined {
	const byId = new Map<number, HistoryEvent>();
	const owners = new EventOwners();
	const ownerOf = new Map<number, string>();
	const entries = new Map<string, number[]>();
	let entry: HistoryEvent | undefined;
	for (const event of events) {
		if (byId.has(event.id)) {
			continue;
		}

		byId.set(event.id, event);
		const owner = owners.stateOf(event);
		if (owner && containerStarts.has(event.type)) {
			ownerOf.set(event.id, owner);
		}

		if (event.type.endsWith('StateEntered') && typeof event.details.name === 'string') {
			const list = entries.get(event.details.name) ?? [];
			list.push(event.id);
			entries.set(event.details.name, list);
			if (event.details.name === stateName) {
				entry = event;
			}
		}
	}

	if (!entry) {
		return undefined;
	}

	// The entry of `name` that this event is inside of: its newest entry before the event.
	const entryBefore = (name: string | undefined, id: number) => (name === undefined ? undefined : byId.get(entries.get(name)?.findLast(candidate => candidate < id) ?? -1));
	const found = new Map<string, ScopedVariable>();
	let cursor = entry.previousEventId;
	for (let steps = 0; cursor !== undefined && cursor > 0 && steps <= events.length; steps++) {
		const event = byId.get(cursor);
		if (!event) {
			break;
		}

		let next = event.previousEventId;
		if (event.type.endsWith('StateExited') && typeof event.details.name === 'string') {
			collect(found, event.details.name, event.details.assignedVariables);
			if (event.type === 'MapStateExited' || event.type === 'ParallelStateExited') {
				next = entryBefore(event.details.name, event.id)?.previousEventId;
			}
		} else if (containerStarts.has(event.type)) {
			next = entryBefore(ownerOf.get(event.id), event.id)?.previousEventId;
		}

		cursor = next;
	}

	return [...found.values()].toSorted((a, b) => a.name.localeCompare(b.name));
}

function collect(found: Map<string, ScopedVariable>, state: string, assigned: unknown): void {
	if (!isRecord(assigned)) {
		return;
	}

	for (const [name, value] of Object.entries(assigned)) {
		// Walking backwards: the first assignment met is the newest.
		if (!found.has(name)) {
			found.set(name, {name, value: payloadText(value) ?? 'null', assignedBy: state});
		}
	}
}
