/*
 * Assign: an object of variable names. In a JSONPath state a `name.$` key
 * takes a path or intrinsic; in a JSONata state values may be expressions.
 * AWS reserves `states` (it is `$states`).
 */
import type {QueryLanguage} from '../types.js';
import {checkJsonataValue} from './check-jsonata.js';
import {checkPayloadTemplate} from './check-jsonpath.js';
import type {DiagnosticList} from './diagnostics.js';

const variableName = /^[\p{Letter}_][\p{Letter}\p{Number}_]*$/u;

export function checkAssign(assign: unknown, location: string, context: {diagnostics: DiagnosticList; variables: Set<string>; language: QueryLanguage}): void {
	const {diagnostics} = context;
	if (typeof assign !== 'object' || assign === null || Array.isArray(assign)) {
		diagnostics.schema('The field \'Assign\' must be an OBJECT', location);
		return;
	}

	for (const key of Object.keys(assign)) {
		const name = context.language === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
		if (!variableName.test(name) || name === 'states') {
			diagnostics.schema(`The variable name '${name}' is not valid: it must start with a letter or underscore and contain only letters, digits and underscores, and cannot be 'states'`, location);
		}
	}

	if (context.language === 'JSONata') {
		checkJsonataValue(assign, location, diagnostics, context.variables);
	} else {
		checkPayloadTemplate(assign, location, diagnostics, context.variables);
	}
}
