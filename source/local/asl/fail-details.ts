import {notYet} from './not-yet.js';
import type {StateEnv} from './state-env.js';
import type {AslState} from './types.js';

/** A Fail state's Error and Cause (Error/ErrorPath, Cause/CausePath, or JSONata); absent ones stay absent, as AWS writes them. */
export async function failDetails(_state: AslState, _stateInput: unknown, _env: StateEnv): Promise<{error?: string; cause?: string}> {
	return notYet('failDetails');
}
