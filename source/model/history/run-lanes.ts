import type {StateStatus} from '../types.js';

/**
 * A lane: one Map iteration or one Parallel branch. States inside a lane have
 * paths that start with its prefix: `ProcessItems[3]/` for an iteration (the
 * same state runs once per iteration), `FanOut/` for a branch (state names are
 * unique in a machine, so a branch state's name already says which branch).
 */
export type Lane = {
	/** Unique: `ProcessItems[3]` (iteration 3), `FanOut{1}` (branch 1). */
	key: string;
	kind: 'iteration' | 'branch';
	/** Path of the Map or Parallel state the lane belongs to. */
	container: string;
	/** Name of that state (what AWS writes in MapIteration events). */
	containerName: string;
	/** Iteration index, or branch index (definition order when the graph is known, else order of appearance). */
	index: number;
	/** 1 for lanes of a top-level container, 2 one level further in, ... */
	depth: number;
	/** What the paths of the states inside start with. */
	prefix: string;
	parent?: Lane;
	/** Iterations: from the MapIteration* events. Branches: RUNNING until settled by their states. */
	status: StateStatus;
	startedAt?: number;
	endedAt?: number;
	/** Creation order, to keep lanes in the order they started. */
	order: number;
};

const iterationStatus: Record<string, StateStatus> = {
	MapIterationStarted: 'RUNNING',
	MapIterationSucceeded: 'SUCCEEDED',
	MapIterationFailed: 'FAILED',
	MapIterationAborted: 'ABORTED',
};

/** The status a MapIteration* event gives its iteration. */
export function statusOfIterationEvent(type: string): StateStatus | undefined {
	return iterationStatus[type];
}

/**
 * The lane a container's own events happen in, seen from an event inside it:
 * AWS points a Map's MapIterationStarted (and its end events) at the previous
 * iteration's last event when iterations run one after another, and a
 * container's exit at the last event of its last lane, so the lane of the
 * previous event may be inside the container. Walk out of it.
 */
export function laneOutside(lane: Lane | undefined, containerName: string): Lane | undefined {
	for (let current = lane; current; current = current.parent) {
		if (current.containerName === containerName) {
			return current.parent;
		}
	}

	return lane;
}

/** The innermost lane of a kind (Map iteration or Parallel branch) around an event's lane. */
export function innermostLane(lane: Lane | undefined, kind: Lane['kind']): Lane | undefined {
	for (let current = lane; current; current = current.parent) {
		if (current.kind === kind) {
			return current;
		}
	}

	return undefined;
}

/** Every lane from the outermost to this one. */
export function laneChain(lane: Lane | undefined): Lane[] {
	const chain: Lane[] = [];
	for (let current = lane; current; current = current.parent) {
		chain.unshift(current);
	}

	return chain;
}
