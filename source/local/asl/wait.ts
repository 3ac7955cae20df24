import {notYet} from './not-yet.js';
import type {StateEnv} from './state-env.js';
import type {AslState} from './types.js';

/** When a Wait state ends (epoch ms): Seconds, SecondsPath, Timestamp or TimestampPath (or their JSONata forms). */
export async function waitUntil(_state: AslState, _stateInput: unknown, _env: StateEnv, _nowMs: number): Promise<number> {
	return notYet('waitUntil');
}
