import {notYet} from './not-yet.js';
import type {StateEnv} from './state-env.js';
import type {AslState} from './types.js';

/** The items a Map iterates: InputPath then ItemsPath (JSONPath), or Items (JSONata); throws when they are not an array. */
export async function mapItems(_state: AslState, _stateInput: unknown, _env: StateEnv): Promise<unknown[]> {
	return notYet('mapItems');
}

/** One iteration's input: ItemSelector (or the legacy Parameters) with `$$.Map.Item`, else the item itself. */
export async function mapItemInput(_state: AslState, _item: unknown, _index: number, _stateInput: unknown, _env: StateEnv): Promise<unknown> {
	return notYet('mapItemInput');
}
