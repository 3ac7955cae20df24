import {UserError} from '../model/user-error.js';
import type {ExecutionData} from '../model/types.js';
import type {SfnSession} from '../sync/types.js';

/**
 * An execution's data once its follower has read it: the whole history of an
 * execution that ended, or everything so far of one that runs. A follower
 * that gives up (not found, no access) rejects with its error and kind.
 */
export async function loadedExecution(session: SfnSession, arn: string): Promise<ExecutionData> {
	const follower = session.execution(arn);
	return new Promise<ExecutionData>((resolve, reject) => {
		const check = () => {
			const state = follower.getState();
			if (state.data && (state.done || state.data.description.status === 'RUNNING')) {
				unsubscribe();
				resolve(state.data);
			} else if (state.error && !state.retrying) {
				unsubscribe();
				reject(new UserError(state.error, state.errorKind));
			}
		};

		const unsubscribe = follower.subscribe(check);
		check();
	});
}
