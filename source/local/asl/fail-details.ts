/*
 * A Fail state's Error and Cause: literal, from ErrorPath / CausePath (a path
 * or an intrinsic), or JSONata. Absent ones stay absent, as AWS writes them.
 * A path that selects nothing: "The JSONPath '$.ErrorX' specified for the
 * field 'ErrorPath' could not be found in the input '…'" (recorded:
 * test_invalid_jsonpath in LocalStack v2/scenarios/test_base_scenarios.snapshot.json).
 */
import {resolveDynamicValue} from './json-path/payload-template.js';
import {scopeOf} from './json-path/jsonpath-state.js';
import {jsonataBindings} from './jsonata/jsonata-state.js';
import {resolveJsonataTemplate} from './jsonata/jsonata-template.js';
import type {StateEnv} from './state-env.js';
import {withinState} from './state-failure.js';
import type {AslState} from './types.js';

const asText = (value: unknown) => typeof value === 'string' ? value : JSON.stringify(value);

export async function failDetails(state: AslState, stateInput: unknown, env: StateEnv): Promise<{error?: string; cause?: string}> {
	return withinState(env, async () => {
		const details: {error?: string; cause?: string} = {};
		if (env.language === 'JSONata') {
			const bindings = jsonataBindings(env, {input: stateInput});
			if (state.Error !== undefined) {
				details.error = asText(await resolveJsonataTemplate(state.Error, 'Error', bindings));
			}

			if (state.Cause !== undefined) {
				details.cause = asText(await resolveJsonataTemplate(state.Cause, 'Cause', bindings));
			}

			return details;
		}

		const scope = scopeOf(stateInput, env);
		const error = state.ErrorPath === undefined ? state.Error : asText(resolveDynamicValue(state.ErrorPath, 'ErrorPath', scope));
		const cause = state.CausePath === undefined ? state.Cause : asText(resolveDynamicValue(state.CausePath, 'CausePath', scope));
		if (error !== undefined) {
			details.error = error;
		}

		if (cause !== undefined) {
			details.cause = cause;
		}

		return details;
	});
}
