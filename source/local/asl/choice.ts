/*
 * A Choice state: the first matching rule's Next (else Default), the state's
 * output, and the Assign of the rule that matched (or the state's own Assign
 * when Default is taken: recorded in LocalStack
 * v2/assign/test_assign_reference_variables.snapshot.json test_assign_in_choice_state).
 * No match and no Default: States.NoChoiceMatched.
 */
import {ruleMatches} from './choice/evaluate-rule.js';
import {filterByPath} from './json-path/jsonpath-steps.js';
import {jsonPathAssign, scopeOf} from './json-path/jsonpath-state.js';
import {evaluateJsonata, jsonataExpressionText} from './jsonata/jsonata-expression.js';
import {jsonataBindings, jsonataExit} from './jsonata/jsonata-state.js';
import type {StateEnv, StateExit} from './state-env.js';
import {withinState} from './state-failure.js';
import {queryEvaluationError, StatesError} from './states-error.js';
import {jsonTypeName} from './json-path/select-path.js';
import type {AslState, ChoiceRule} from './types.js';

export type ChoiceOutcome = StateExit & {next: string};

export async function choose(state: AslState, stateInput: unknown, env: StateEnv): Promise<ChoiceOutcome> {
	return withinState(env, async () => env.language === 'JSONata' ? chooseJsonata(state, stateInput, env) : chooseJsonPath(state, stateInput, env));
}

function chooseJsonPath(state: AslState, stateInput: unknown, env: StateEnv): ChoiceOutcome {
	const selected = filterByPath(state.InputPath, scopeOf(stateInput, env));
	const scope = scopeOf(selected, env);
	const matched = (state.Choices ?? []).find(rule => ruleMatches(rule, scope));
	const next = nextOf(state, matched);
	const output = filterByPath(state.OutputPath, scope);
	return {next, output, assign: jsonPathAssign(matched ? matched.Assign : state.Assign, selected, env)};
}

async function chooseJsonata(state: AslState, stateInput: unknown, env: StateEnv): Promise<ChoiceOutcome> {
	const bindings = jsonataBindings(env, {input: stateInput});
	let matched: ChoiceRule | undefined;
	let matchedIndex = -1;
	for (const [index, rule] of (state.Choices ?? []).entries()) {
		if (await conditionHolds(rule.Condition, `Choices[${index}]/Condition`, bindings)) {
			matched = rule;
			matchedIndex = index;
			break;
		}
	}

	const next = nextOf(state, matched);
	if (!matched) {
		return {next, ...await jsonataExit(state, stateInput, bindings)};
	}

	// A rule without its own Output leaves the state's Output (or the input) to apply.
	const exit = await jsonataExit({Assign: matched.Assign, Output: matched.Output}, undefined, bindings, `Choices[${matchedIndex}]/`);
	const output = matched.Output === undefined ? (await jsonataExit({Output: state.Output}, stateInput, bindings)).output : exit.output;
	return {next, output, assign: exit.assign};
}

async function conditionHolds(condition: unknown, field: string, bindings: ReturnType<typeof jsonataBindings>): Promise<boolean> {
	const expression = jsonataExpressionText(condition);
	const value = expression === undefined ? condition : await evaluateJsonata(expression, field, bindings);
	if (typeof value !== 'boolean') {
		throw queryEvaluationError(`The JSONata expression '${expression ?? String(condition)}' specified for the field '${field}' returned an unexpected result type. Expected 'boolean', but was '${jsonTypeName(value)}' for value: ${JSON.stringify(value)}`, field);
	}

	return value;
}

function nextOf(state: AslState, matched: ChoiceRule | undefined): string {
	const next = matched ? matched.Next : state.Default;
	if (next === undefined) {
		// AWS's cause for an unmatched Choice.
		throw new StatesError('States.NoChoiceMatched', 'No Matches!');
	}

	return next;
}
