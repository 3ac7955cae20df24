/*
 * One `{% … %}` expression: compiled once (cached), evaluated with
 * `$states` and the workflow variables bound, its failures turned into
 * States.QueryEvaluationError with the causes AWS writes (recorded in
 * LocalStack v2/assign/test_assign_reference_variables.snapshot.json
 * test_undefined_reference and v2/intrinsic_functions/test_math_operations_jsonata):
 *   The JSONata expression '$x' specified for the field 'Output/result' returned nothing (undefined).
 *   The JSONata expression '…' specified for the field '…' threw an error during evaluation. T1006: Attempted to invoke a non-function
 * Evaluation is bounded (stack depth, sequence size, total time) and yields
 * to the event loop every few milliseconds, so one expression never stalls
 * the endpoint.
 */
import {setImmediate as nextTurn} from 'node:timers/promises';
import jsonata from 'jsonata';
import {queryEvaluationError} from '../states-error.js';
import {stepFunctionsFunctions} from './step-functions-functions.js';

export type JsonataBindings = {states: Record<string, unknown>; variables: Record<string, unknown>};

// AWS stops an evaluation that grows too large: `[1..900000] ~> $count()` fails there (floci-io/floci issue 2737).
const limits = {stack: 500, sequence: 500_000, timeout: 10_000};

/** JSONata functions Step Functions does not offer: calling one fails with T1006 (measured on AWS: `$eval("1+1")`, floci-io/floci issue 2737). */
const unavailableFunctions = {eval: undefined};
const yieldEveryMs = 8;

type Compiled = ReturnType<typeof jsonata>;
const cache = new Map<string, Compiled>();
const cacheLimit = 2000;

/** `{% expr %}` → `expr`; undefined when the value is not a JSONata template string. */
export function jsonataExpressionText(value: unknown): string | undefined {
	return typeof value !== 'string' || !value.startsWith('{%') || !value.endsWith('%}') || value.length < 4 ? undefined : value.slice(2, -2).trim();
}

/** Parses an expression; throws jsonata's error object ({code, message, position}) when it cannot. */
export function compileJsonata(text: string): Compiled {
	const known = cache.get(text);
	if (known) {
		return known;
	}

	const compiled = jsonata(text, limits);
	let lastYield = performance.now();
	compiled.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, async () => {
		if (performance.now() - lastYield > yieldEveryMs) {
			await nextTurn();
			lastYield = performance.now();
		}
	});
	if (cache.size >= cacheLimit) {
		cache.clear();
	}

	cache.set(text, compiled);
	return compiled;
}

export async function evaluateJsonata(text: string, field: string, bindings: JsonataBindings): Promise<unknown> {
	const where = `The JSONata expression '${text}' specified for the field '${field}'`;
	let result: unknown;
	try {
		const compiled = compileJsonata(text);
		result = await compiled.evaluate(bindings.states.input, {...bindings.variables, ...stepFunctionsFunctions, ...unavailableFunctions, states: bindings.states});
	} catch (error) {
		throw queryEvaluationError(`${where} threw an error during evaluation. ${jsonataErrorText(error)}`, field);
	}

	if (result === undefined) {
		throw queryEvaluationError(`${where} returned nothing (undefined).`, field);
	}

	const plain = toJson(result);
	if (plain === unsupported) {
		throw queryEvaluationError(`${where} returned an unsupported result type.`, field);
	}

	return plain;
}

export function jsonataErrorText(error: unknown): string {
	const {code, message} = error as {code?: string; message?: string};
	return code ? `${code}: ${message ?? ''}` : String(message ?? error);
}

const unsupported = Symbol('unsupported');

/** JSONata results → plain JSON (sequences become arrays); functions and non-finite numbers have no JSON form. */
function toJson(value: unknown): unknown {
	if (typeof value === 'function') {
		return unsupported;
	}

	if (typeof value === 'number' && !Number.isFinite(value)) {
		return unsupported;
	}

	if (Array.isArray(value)) {
		const items: unknown[] = [];
		for (const item of value) {
			const plain = item === undefined ? undefined : toJson(item);
			if (plain === unsupported) {
				return unsupported;
			}

			if (plain !== undefined) {
				items.push(plain);
			}
		}

		return items;
	}

	if (typeof value === 'object' && value !== null) {
		const object: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) {
			if (item === undefined) {
				continue;
			}

			const plain = toJson(item);
			if (plain === unsupported) {
				return unsupported;
			}

			object[key] = plain;
		}

		return object;
	}

	return value;
}
