/*
 * JSONata expressions in a definition, checked as AWS checks them when a
 * machine is created (measured against AWS in floci-io/floci issues 2745 and 2670):
 *   INVALID_JSONATA_EXPRESSION: <the parser's message>            at /States/S/Output
 *   UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not supported.   at /States/S/Output/v
 * A Step Functions expression has no context item: data comes from
 * `$states` and variables, so a path that starts with a bare name is refused.
 */
import jsonata from 'jsonata';
import {jsonataExpressionText} from '../jsonata/jsonata-expression.js';
import {childLocation, type DiagnosticList} from './diagnostics.js';

type AstNode = {type?: string; value?: unknown; steps?: AstNode[]; stages?: AstNode[]; group?: unknown; [key: string]: unknown};

/** Checks every `{% %}` string inside a JSONata-capable field (objects and arrays walked). */
export function checkJsonataValue(value: unknown, location: string, diagnostics: DiagnosticList, variables?: Set<string>): void {
	const pending: Array<{value: unknown; location: string}> = [{value, location}];
	while (pending.length > 0) {
		const {value: current, location: where} = pending.pop()!;
		const expression = jsonataExpressionText(current);
		if (expression !== undefined) {
			checkExpression(expression, where, diagnostics, variables);
		} else if (Array.isArray(current)) {
			for (const [index, item] of current.entries()) {
				pending.push({value: item, location: childLocation(where, index)});
			}
		} else if (typeof current === 'object' && current !== null) {
			for (const [key, item] of Object.entries(current)) {
				pending.push({value: item, location: childLocation(where, key)});
			}
		}
	}
}

/** Queues one expression: parsing JSONata is the costly part of validation, so it runs after the walk, in slices. */
export function checkExpression(expression: string, location: string, diagnostics: DiagnosticList, variables?: Set<string>): void {
	diagnostics.later(() => {
		checkExpressionNow(expression, location, diagnostics, variables);
	});
}

/** AWS gives no limit; ours keeps one parse well under the event-loop budget. */
export const maxExpressionLength = 16_384;

function checkExpressionNow(expression: string, location: string, diagnostics: DiagnosticList, variables?: Set<string>): void {
	if (expression.length > maxExpressionLength) {
		diagnostics.error('INVALID_JSONATA_EXPRESSION', `The expression is ${expression.length} characters long; at most ${maxExpressionLength} are supported`, location);
		return;
	}

	let ast: AstNode;
	try {
		// The bare parser: validation parses each expression once and needs no evaluation environment.
		ast = parseJsonata(expression);
	} catch (error) {
		diagnostics.error('INVALID_JSONATA_EXPRESSION', parseErrorMessage(expression, error), location);
		return;
	}

	const reported = new Set<string>();
	for (const name of topLevelNames(ast, variables)) {
		if (!reported.has(name)) {
			reported.add(name);
			diagnostics.error('UNSUPPORTED_JSONATA_EXPRESSION', `Reference to '${name}' at the top level is not supported.`, location);
		}
	}
}

const parseJsonata = (jsonata as unknown as {parser: (expression: string) => AstNode}).parser;

/** The parser throws `{code, token}` objects; jsonata() fills in the message text AWS shows. */
function parseErrorMessage(expression: string, error: unknown): string {
	if (error instanceof RangeError) {
		return 'Expression is nested too deeply';
	}

	try {
		jsonata(expression);
	} catch (error_) {
		if (!(error_ instanceof RangeError) && typeof (error_ as {message?: unknown}).message === 'string') {
			return (error_ as {message: string}).message;
		}
	}

	return String((error as {code?: string}).code ?? error);
}

/** Names read from the (absent) context item, and — into `variables` — the `$name`s the expression reads. */
function topLevelNames(root: AstNode, variables?: Set<string>): string[] {
	const names: string[] = [];
	const pending: Array<{node: unknown; top: boolean}> = [{node: root, top: true}];
	while (pending.length > 0) {
		const {node, top} = pending.pop()!;
		if (Array.isArray(node)) {
			for (const item of node) {
				pending.push({node: item, top});
			}

			continue;
		}

		if (typeof node !== 'object' || node === null) {
			continue;
		}

		const ast = node as AstNode;
		if (ast.type === 'name' && top) {
			names.push(String(ast.value));
		}

		if (ast.type === 'variable' && variables && typeof ast.value === 'string' && ast.value !== '' && ast.value !== '$' && ast.value !== 'states') {
			variables.add(ast.value);
		}

		if (ast.type === 'path' && Array.isArray(ast.steps)) {
			const [first, ...rest] = ast.steps;
			pending.push({node: {...first, stages: undefined}, top}, {node: first?.stages, top: false}, {node: rest, top: false}, {node: ast.group, top: false});
			continue;
		}

		for (const [key, child] of Object.entries(ast)) {
			if (key !== 'position' && key !== 'value' && typeof child === 'object') {
				pending.push({node: child, top: key === 'stages' || key === 'group' ? false : top});
			}
		}
	}

	return names;
}
