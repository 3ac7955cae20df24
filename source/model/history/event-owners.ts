import type {HistoryEvent} from '../types.js';

/**
 * The state an event names: `name` in the details of StateEntered/Exited and
 * MapIteration* events, `state` in EvaluationFailed's. Other events name no
 * state (a Task event's `name` would be something else).
 */
export function stateNameIn(event: HistoryEvent): string | undefined {
	if (event.type === 'EvaluationFailed' && typeof event.details.state === 'string') {
		return event.details.state;
	}

	return typeof event.details.name === 'string' && (event.type.endsWith('StateEntered') || event.type.endsWith('StateExited') || event.type.startsWith('MapIteration')) ? event.details.name : undefined;
}

/**
 * Map and Parallel progress events (MapStateStarted, ParallelStateSucceeded,
 * ...) carry no name, and their previousEventId points into the last branch
 * or iteration; they belong to the innermost open container of their kind.
 */
export class OpenContainers {
	private readonly stack: Array<{name: string; kind: 'Map' | 'Parallel'}> = [];

	see(event: HistoryEvent, name: string | undefined): void {
		const kind = event.type.startsWith('Map') ? 'Map' : (event.type.startsWith('Parallel') ? 'Parallel' : undefined);
		if (!kind || !name) {
			return;
		}

		if (event.type.endsWith('StateEntered')) {
			this.stack.push({name, kind});
		} else if (event.type.endsWith('StateExited')) {
			const index = this.stack.findLastIndex(entry => entry.name === name);
			if (index !== -1) {
				this.stack.splice(index, 1);
			}
		}
	}

	ownerOf(event: HistoryEvent): string | undefined {
		const match = /^(Map|Parallel)State(?:Started|Succeeded|Failed|Aborted)$/.exec(event.type);
		return match ? this.stack.findLast(entry => entry.kind === match[1])?.name : undefined;
	}
}

/**
 * Which state each event belongs to, tracked as events stream by: the state
 * it names, else the open container for Map/Parallel progress, else the state
 * owning its previousEventId, else the state entered last. The fold, tail and
 * the event table all attribute events this one way.
 */
export class EventOwners {
	private readonly owners = new Map<number, string>();
	private readonly open = new OpenContainers();
	private last: string | undefined;

	/** The state entered most recently: owner of last resort. */
	get lastEntered(): string | undefined {
		return this.last;
	}

	stateOf(event: HistoryEvent): string | undefined {
		if (event.type.startsWith('Execution')) {
			return undefined; // Execution-level events belong to no state.
		}

		const named = stateNameIn(event);
		this.open.see(event, named);
		const owner = named ?? this.open.ownerOf(event) ?? (event.previousEventId === undefined ? undefined : this.owners.get(event.previousEventId)) ?? this.last;
		if (owner) {
			this.owners.set(event.id, owner);
			if (event.type.endsWith('StateEntered')) {
				this.last = owner;
			}
		}

		return owner;
	}
}
