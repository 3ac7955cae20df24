/*
 * What a Map iterates and what each iteration receives. Causes as AWS writes
 * them (recorded in LocalStack v2/scenarios/test_base_scenarios.snapshot.json
 * test_map_state_items_* and v2/test_state/test_state_context_object.snapshot.json):
 *   Reference path "$.x" must point to array.   (JSONPath; a $$ path is printed with one $)
 *   Map state input must be an array but was: "string"   (JSONata, no Items)
 *   The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1
 */
import {isList} from '../../model/text/json-text.js';
import {filterByPath} from './json-path/jsonpath-steps.js';
import {scopeOf} from './json-path/jsonpath-state.js';
import {resolvePayload} from './json-path/payload-template.js';
import {jsonTypeName} from './json-path/select-path.js';
import {jsonataBindings} from './jsonata/jsonata-state.js';
import {jsonataExpressionText} from './jsonata/jsonata-expression.js';
import {resolveJsonataTemplate} from './jsonata/jsonata-template.js';
import type {StateEnv} from './state-env.js';
import {withinState} from './state-failure.js';
import {queryEvaluationError, runtimeError} from './states-error.js';
import type {AslState, ContextObject} from './types.js';

export async function mapItems(state: AslState, stateInput: unknown, env: StateEnv): Promise<unknown[]> {
	return withinState(env, async () => {
		if (env.language === 'JSONata') {
			return jsonataItems(state, stateInput, env);
		}

		const selected = filterByPath(state.InputPath, scopeOf(stateInput, env));
		const itemsPath = state.ItemsPath ?? '$';
		const items = filterByPath(itemsPath, scopeOf(selected, env));
		if (!isList(items)) {
			throw runtimeError(`Reference path "${itemsPath.startsWith('$$') ? itemsPath.slice(1) : itemsPath}" must point to array.`);
		}

		return items;
	});
}

async function jsonataItems(state: AslState, stateInput: unknown, env: StateEnv): Promise<unknown[]> {
	if (state.Items === undefined) {
		if (!isList(stateInput)) {
			throw queryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(stateInput)}`);
		}

		return stateInput;
	}

	const items = await resolveJsonataTemplate(state.Items, 'Items', jsonataBindings(env, {input: stateInput}));
	if (!isList(items)) {
		const expression = jsonataExpressionText(state.Items) ?? JSON.stringify(state.Items);
		throw queryEvaluationError(`The JSONata expression '${expression}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${jsonTypeName(items)}' for value: ${JSON.stringify(items)}`, 'Items');
	}

	return items;
}

/** One iteration's input: ItemSelector (or the legacy Parameters) with `$$.Map.Item`, else the item itself. */
export async function mapItemInput(state: AslState, item: unknown, index: number, stateInput: unknown, env: StateEnv): Promise<unknown> {
	const selector = state.ItemSelector ?? (env.language === 'JSONPath' ? state.Parameters : undefined);
	if (selector === undefined) {
		return item;
	}

	const context: ContextObject = {...env.context, Map: {Item: {Index: index, Value: item}}};
	const itemEnv = {...env, context};
	return withinState(env, async () => {
		if (env.language === 'JSONata') {
			return resolveJsonataTemplate(selector, 'ItemSelector', jsonataBindings(itemEnv, {input: stateInput}));
		}

		const selected = filterByPath(state.InputPath, scopeOf(stateInput, itemEnv));
		return resolvePayload(selector, scopeOf(selected, itemEnv));
	});
}
