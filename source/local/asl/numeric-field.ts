import {notYet} from './not-yet.js';
import type {StateEnv} from './state-env.js';
import type {AslState} from './types.js';

export type NumericField = 'TimeoutSeconds' | 'HeartbeatSeconds' | 'MaxConcurrency' | 'ToleratedFailurePercentage' | 'ToleratedFailureCount';

/** A number a state reads from its definition, its `…Path` twin, or a JSONata expression; undefined when the state has neither. */
export async function numericField(_state: AslState, _field: NumericField, _stateInput: unknown, _env: StateEnv): Promise<number | undefined> {
	return notYet('numericField');
}
