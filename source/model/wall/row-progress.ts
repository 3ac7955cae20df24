import type {ExecutionSnapshot} from '../types.js';
import type {MapProgress} from './wall-types.js';

/**
 * What a wall row shows of an execution: the top-level state it is in, and
 * the progress of the running Map (the outermost one when Maps nest, the count
 * a user waits on). Top level, not innermost: a Map's iterations run the same
 * inner states side by side, so "the" inner state changes with each event and
 * a wall of 500 would count the same Map under several names; a Map or
 * Parallel shows by its own name, the Map with its progress beside it.
 */
export function rowProgress(snapshot: ExecutionSnapshot): {currentState?: string; mapProgress?: MapProgress} {
	const currentState = snapshot.activeStates[0];
	let mapProgress: MapProgress | undefined;
	for (const name of snapshot.activeStates) {
		const iterations = snapshot.states.get(name)?.iterations;
		if (iterations) {
			mapProgress = {total: iterations.total, succeeded: iterations.succeeded, failed: iterations.failed, running: iterations.running};
			break;
		}
	}

	return {...(currentState !== undefined && {currentState}), ...(mapProgress && {mapProgress})};
}
