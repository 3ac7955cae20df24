/*
 * Choice rules. A top-level rule needs Next (AWS: "These fields are required:
 * [Next] at /States/Choice/Choices[0]", reported in aws-cloudformation/cfn-lint
 * issue 4077); a rule inside And/Or/Not must not have one. A JSONPath rule is
 * And, Or, Not, or a Variable with exactly one operator of the right type; a
 * JSONata rule is a Condition.
 */
import {choiceOperatorNames} from '../choice/comparison-operators.js';
import {parseTimestamp} from '../timestamp.js';
import type {QueryLanguage} from '../types.js';
import {checkExpression} from './check-jsonata.js';
import {checkPathField} from './check-jsonpath.js';
import {childLocation, type DiagnosticList} from './diagnostics.js';
import {checkAssign} from './check-assign.js';

type Rule = Record<string, unknown>;

const innerRuleFields = new Set(['Variable', 'And', 'Or', 'Not', 'Comment']);
const topRuleFields = new Set([...innerRuleFields, 'Next', 'Assign']);
const innerConditionFields = new Set(['Condition', 'Comment']);
const topConditionFields = new Set([...innerConditionFields, 'Next', 'Assign', 'Output']);

const isObject = (value: unknown): value is Rule => typeof value === 'object' && value !== null && !Array.isArray(value);

export type ChoiceContext = {diagnostics: DiagnosticList; variables: Set<string>; language: QueryLanguage};

export function checkChoices(choices: unknown, location: string, context: ChoiceContext): void {
	if (!Array.isArray(choices)) {
		context.diagnostics.schema('The field \'Choices\' must be an ARRAY', location);
		return;
	}

	if (choices.length === 0) {
		context.diagnostics.schema('Value cannot be empty', location);
		return;
	}

	// Each rule is one unit of the deferred work, so a Choice with thousands of rules cannot stall the loop.
	for (const [index, rule] of choices.entries()) {
		context.diagnostics.later(() => {
			checkRule(rule, childLocation(location, index), context, true);
		});
	}
}

function checkRule(rule: unknown, location: string, context: ChoiceContext, topLevel: boolean): void {
	const {diagnostics} = context;
	if (!isObject(rule)) {
		diagnostics.schema('Expected value of type: OBJECT', location);
		return;
	}

	if (topLevel && typeof rule.Next !== 'string') {
		diagnostics.schema(rule.Next === undefined ? 'These fields are required: [Next]' : 'The field \'Next\' must be a STRING', location);
	}

	if (context.language === 'JSONata') {
		checkJsonataRule(rule, location, context, topLevel);
		return;
	}

	for (const key of Object.keys(rule)) {
		if (!choiceOperatorNames.has(key) && !(topLevel ? topRuleFields : innerRuleFields).has(key)) {
			diagnostics.schema(key === 'Condition' || key === 'Output'
				? `The QueryLanguage is set to 'JSONPath', but field '${key}' is only supported for the 'JSONata' QueryLanguage`
				: `Field '${key}' is not supported`, location);
		}
	}

	if (topLevel && rule.Assign !== undefined) {
		checkAssign(rule.Assign, childLocation(location, 'Assign'), {...context, language: 'JSONPath'});
	}

	const combinators = ['And', 'Or', 'Not'].filter(key => rule[key] !== undefined);
	const operators = Object.keys(rule).filter(key => choiceOperatorNames.has(key));
	if (combinators.length + operators.length !== 1 || (combinators.length === 1 && rule.Variable !== undefined)) {
		diagnostics.schema(`A Choice rule must have exactly one of And, Or, Not, or a Variable with one comparison operator${operators.length > 1 ? `; found ${operators.join(', ')}` : ''}`, location);
		return;
	}

	if (combinators[0] === 'Not') {
		checkRule(rule.Not, childLocation(location, 'Not'), context, false);
		return;
	}

	if (combinators.length === 1) {
		const list = rule[combinators[0]];
		if (!Array.isArray(list) || list.length === 0) {
			diagnostics.schema('Value cannot be empty', childLocation(location, combinators[0]));
			return;
		}

		for (const [index, inner] of list.entries()) {
			checkRule(inner, childLocation(childLocation(location, combinators[0]), index), context, false);
		}

		return;
	}

	if (rule.Variable === undefined) {
		diagnostics.schema('These fields are required: [Variable]', location);
		return;
	}

	checkPathField(rule.Variable, 'Variable', childLocation(location, 'Variable'), 'path', diagnostics, context.variables);
	checkOperand(operators[0], rule[operators[0]], childLocation(location, operators[0]), context);
}

function checkOperand(operator: string, operand: unknown, location: string, context: ChoiceContext): void {
	const {diagnostics} = context;
	if (operator.endsWith('Path') && operator !== 'Path') {
		checkPathField(operand, operator, location, 'path', diagnostics, context.variables);
		return;
	}

	const expected = operator.startsWith('Is') || operator === 'BooleanEquals' ? 'boolean' : (operator.startsWith('Numeric') ? 'number' : 'string');
	if (typeof operand !== expected) {
		diagnostics.schema(`The field '${operator}' must be a ${expected.toUpperCase()}`, location);
		return;
	}

	if (operator.startsWith('Timestamp') && parseTimestamp(operand) === undefined) {
		diagnostics.schema('String does not match RFC3339 timestamp', location);
	}
}

function checkJsonataRule(rule: Rule, location: string, context: ChoiceContext, topLevel: boolean): void {
	const {diagnostics} = context;
	const allowed = topLevel ? topConditionFields : innerConditionFields;
	for (const key of Object.keys(rule)) {
		if (!allowed.has(key)) {
			diagnostics.schema(key === 'Variable' || choiceOperatorNames.has(key) || key === 'And' || key === 'Or' || key === 'Not'
				? `The QueryLanguage is set to 'JSONata', but field '${key}' is only supported for the 'JSONPath' QueryLanguage`
				: `Field '${key}' is not supported`, location);
		}
	}

	const condition = rule.Condition;
	if (condition === undefined) {
		diagnostics.schema('These fields are required: [Condition]', location);
	} else if (typeof condition === 'string') {
		const expression = condition.startsWith('{%') && condition.endsWith('%}') ? condition.slice(2, -2).trim() : undefined;
		if (expression === undefined) {
			diagnostics.schema('The field \'Condition\' must be a JSONata expression or a BOOLEAN', childLocation(location, 'Condition'));
		} else {
			checkExpression(expression, childLocation(location, 'Condition'), diagnostics, context.variables);
		}
	} else if (typeof condition !== 'boolean') {
		diagnostics.schema('The field \'Condition\' must be a JSONata expression or a BOOLEAN', childLocation(location, 'Condition'));
	}

	if (topLevel && rule.Assign !== undefined) {
		checkAssign(rule.Assign, childLocation(location, 'Assign'), context);
	}
}
