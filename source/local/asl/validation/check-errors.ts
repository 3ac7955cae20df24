/*
 * Retry and Catch. ErrorEquals is a non-empty list of names; States.ALL must
 * stand alone in the last retrier / catcher (ASL spec; AWS refuses otherwise).
 */
import type {QueryLanguage} from '../types.js';
import {checkAssign} from './check-assign.js';
import {checkJsonataValue} from './check-jsonata.js';
import {checkPathField} from './check-jsonpath.js';
import {childLocation, type DiagnosticList} from './diagnostics.js';
import {catcherFields, retrierFields} from './state-fields.js';

type Context = {diagnostics: DiagnosticList; variables: Set<string>; language: QueryLanguage};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkRetry(retry: unknown, location: string, context: Context): void {
	forEachEntry(retry, 'Retry', location, context, (retrier, where, isLast) => {
		unknownFields(retrier, retrierFields, where, context.diagnostics);
		checkErrorEquals(retrier.ErrorEquals, where, isLast, 'retrier', context.diagnostics);
		integerField(retrier, 'IntervalSeconds', 1, 99_999_999, where, context.diagnostics);
		integerField(retrier, 'MaxAttempts', 0, 99_999_999, where, context.diagnostics);
		integerField(retrier, 'MaxDelaySeconds', 1, 31_622_400, where, context.diagnostics);
		if (retrier.BackoffRate !== undefined && (typeof retrier.BackoffRate !== 'number' || retrier.BackoffRate < 1)) {
			context.diagnostics.schema('The field \'BackoffRate\' must be a NUMBER greater than or equal to 1.0', childLocation(where, 'BackoffRate'));
		}

		if (retrier.JitterStrategy !== undefined && retrier.JitterStrategy !== 'FULL' && retrier.JitterStrategy !== 'NONE') {
			context.diagnostics.schema('The field \'JitterStrategy\' should have one of these values: [FULL, NONE]', childLocation(where, 'JitterStrategy'));
		}
	});
}

/** Checks each catcher; returns the Next targets (by location) for the transition checks. */
export function checkCatch(catchers: unknown, location: string, context: Context): Array<{next: string; location: string}> {
	const targets: Array<{next: string; location: string}> = [];
	forEachEntry(catchers, 'Catch', location, context, (catcher, where, isLast) => {
		unknownFields(catcher, catcherFields, where, context.diagnostics);
		checkErrorEquals(catcher.ErrorEquals, where, isLast, 'catcher', context.diagnostics);
		if (typeof catcher.Next === 'string') {
			targets.push({next: catcher.Next, location: childLocation(where, 'Next')});
		} else {
			context.diagnostics.schema(catcher.Next === undefined ? 'These fields are required: [Next]' : 'The field \'Next\' must be a STRING', where);
		}

		if (context.language === 'JSONata') {
			if (catcher.ResultPath !== undefined) {
				context.diagnostics.schema('The QueryLanguage is set to \'JSONata\', but field \'ResultPath\' is only supported for the \'JSONPath\' QueryLanguage', where);
			}

			if (catcher.Output !== undefined) {
				checkJsonataValue(catcher.Output, childLocation(where, 'Output'), context.diagnostics, context.variables);
			}
		} else {
			if (catcher.Output !== undefined) {
				context.diagnostics.schema('The QueryLanguage is set to \'JSONPath\', but field \'Output\' is only supported for the \'JSONata\' QueryLanguage', where);
			}

			if (catcher.ResultPath !== undefined) {
				checkPathField(catcher.ResultPath, 'ResultPath', childLocation(where, 'ResultPath'), 'result', context.diagnostics, context.variables);
			}
		}

		if (catcher.Assign !== undefined) {
			checkAssign(catcher.Assign, childLocation(where, 'Assign'), context);
		}
	});
	return targets;
}

function forEachEntry(list: unknown, field: string, location: string, context: Context, check: (entry: Record<string, unknown>, location: string, isLast: boolean) => void): void {
	if (!Array.isArray(list)) {
		context.diagnostics.schema(`The field '${field}' must be an ARRAY`, location);
		return;
	}

	for (const [index, entry] of list.entries()) {
		const where = childLocation(location, index);
		if (isObject(entry)) {
			check(entry, where, index === list.length - 1);
		} else {
			context.diagnostics.schema('Expected value of type: OBJECT', where);
		}
	}
}

function checkErrorEquals(errorEquals: unknown, location: string, isLast: boolean, kind: string, diagnostics: DiagnosticList): void {
	if (errorEquals === undefined) {
		diagnostics.schema('These fields are required: [ErrorEquals]', location);
		return;
	}

	const where = childLocation(location, 'ErrorEquals');
	if (!Array.isArray(errorEquals) || errorEquals.some(name => typeof name !== 'string')) {
		diagnostics.schema('The field \'ErrorEquals\' must be an ARRAY of STRING', where);
		return;
	}

	if (errorEquals.length === 0) {
		diagnostics.schema('Value cannot be empty', where);
		return;
	}

	if (errorEquals.includes('States.ALL') && (errorEquals.length > 1 || !isLast)) {
		diagnostics.schema(`States.ALL must appear alone in the last ${kind}`, where);
	}
}

function integerField(entry: Record<string, unknown>, field: string, min: number, max: number, location: string, diagnostics: DiagnosticList): void {
	const value = entry[field];
	if (value === undefined) {
		return;
	}

	if (typeof value !== 'number' || !Number.isInteger(value)) {
		diagnostics.schema(`The field '${field}' must be an INTEGER`, childLocation(location, field));
	} else if (value < min) {
		diagnostics.schema(`Minimum value is ${min}`, childLocation(location, field));
	} else if (value > max) {
		diagnostics.schema(`Maximum value is ${max}`, childLocation(location, field));
	}
}

export function unknownFields(entry: Record<string, unknown>, allowed: Set<string>, location: string, diagnostics: DiagnosticList): void {
	for (const key of Object.keys(entry)) {
		if (!allowed.has(key)) {
			diagnostics.schema(`Field '${key}' is not supported`, location);
		}
	}
}
