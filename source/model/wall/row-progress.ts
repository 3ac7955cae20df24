import type {ExecutionSnapshot} from '../types.js';
import type {MapProgress} from './wall-types.js';

/**
 * What a wall row shows of an execution: the innermost state running now
 * and the progress of the running Map (the outermost one when Maps nest,
 * since that is the one whose count a user is waiting on).
 */
export function rowProgress(snapshot: ExecutionSnapshot): {currentState?: string; mapProgress?: MapProgress} {
	const currentState = snapshot.activeStates.at(-1);
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
