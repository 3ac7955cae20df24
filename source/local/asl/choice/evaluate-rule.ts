/*
 * One JSONPath Choice rule: And / Or / Not, or a Variable with one operator.
 * The Variable (and a …Path operand) may read the input, `$$` or a variable.
 * A Variable that selects nothing fails the state with States.Runtime, except
 * under IsPresent, which is exactly the test for it.
 */
import {parsePath} from '../json-path/parse-path.js';
import {selectInScope, type PathScope} from '../json-path/path-scope.js';
import {runtimeError} from '../states-error.js';
import type {ChoiceRule} from '../types.js';
import {comparisonOperators, typeTests} from './comparison-operators.js';

export function ruleMatches(rule: ChoiceRule, scope: PathScope): boolean {
	if (rule.And) {
		return rule.And.every(inner => ruleMatches(inner, scope));
	}

	if (rule.Or) {
		return rule.Or.some(inner => ruleMatches(inner, scope));
	}

	if (rule.Not) {
		return !ruleMatches(rule.Not, scope);
	}

	const variable = String(rule.Variable);
	const selection = selectInScope(parsePath(variable), scope);
	if (rule.IsPresent !== undefined) {
		return selection.found === rule.IsPresent;
	}

	if (!selection.found) {
		throw runtimeError(`Invalid path '${variable}' : ${selection.reason}`);
	}

	for (const [operator, operand] of Object.entries(rule)) {
		if (Object.hasOwn(typeTests, operator)) {
			return typeTests[operator](selection.value) === operand;
		}

		if (Object.hasOwn(comparisonOperators, operator)) {
			return comparisonOperators[operator](selection.value, operand);
		}

		if (operator.endsWith('Path') && Object.hasOwn(comparisonOperators, operator.slice(0, -4))) {
			const other = selectInScope(parsePath(String(operand)), scope);
			if (!other.found) {
				throw runtimeError(`Invalid path '${String(operand)}' : ${other.reason}`);
			}

			return comparisonOperators[operator.slice(0, -4)](selection.value, other.value);
		}
	}

	return false;
}
