/* Small value checks shared by the state checks, in AWS's schema wording. */
import {jsonataExpressionText} from '../jsonata/jsonata-expression.js';
import {checkExpression} from './check-jsonata.js';
import {childLocation} from './diagnostics.js';
import type {StateCheck} from './validation-context.js';

export function expectString(check: StateCheck, field: string): void {
	const value = check.state[field];
	if (value !== undefined && typeof value !== 'string') {
		check.context.diagnostics.schema(`The field '${field}' must be a STRING`, childLocation(check.location, field));
	}
}

/** A number field: a literal in range, or (JSONata state) one `{% %}` expression. */
export function expectNumber(check: StateCheck, field: string, options: {min: number; max?: number; integer: boolean}): void {
	const value = check.state[field];
	if (value === undefined) {
		return;
	}

	const where = childLocation(check.location, field);
	if (typeof value === 'string' && check.language === 'JSONata') {
		const expression = jsonataExpressionText(value);
		if (expression === undefined) {
			check.context.diagnostics.schema(`The field '${field}' must be a ${options.integer ? 'INTEGER' : 'NUMBER'} or a JSONata expression`, where);
		} else {
			checkExpression(expression, where, check.context.diagnostics, check.variables);
		}

		return;
	}

	if (typeof value !== 'number' || (options.integer && !Number.isInteger(value))) {
		check.context.diagnostics.schema(`The field '${field}' must be a${options.integer ? 'n INTEGER' : ' NUMBER'}`, where);
	} else if (value < options.min) {
		check.context.diagnostics.schema(`Minimum value is ${options.min}`, where);
	} else if (options.max !== undefined && value > options.max) {
		check.context.diagnostics.schema(`Maximum value is ${options.max}`, where);
	}
}

/** At most one (or, with `required`, exactly one) of the fields. */
export function expectOneOf(check: StateCheck, fields: string[], required: boolean): void {
	const present = fields.filter(field => check.state[field] !== undefined);
	if (present.length > 1) {
		check.context.diagnostics.schema(`There should only be one of the following fields: [${fields.join(', ')}]`, check.location);
	} else if (present.length === 0 && required) {
		check.context.diagnostics.schema(`There should be one of the following fields: [${fields.join(', ')}]`, check.location);
	}
}
