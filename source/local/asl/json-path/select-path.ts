import {isList} from '../../../model/text/json-text.js';
import {normalisedPath, type FilterExpression, type FilterOperand, type ParsedPath, type PathSegment} from './path-syntax.js';

export type Selection = {found: true; value: unknown} | {found: false; reason: string};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOwn = (object: Record<string, unknown>, name: string) => Object.hasOwn(object, name);

/**
 * What a path selects in a document (the document is the input, the context
 * object or a variable's value, as the path's root says). A definite path gives
 * its one value or the reason it found none, in Jayway's words (which AWS
 * writes in its causes: "No results for path: $['a']", "Missing property in
 * path $['a']"); an indefinite path gives the list of everything it matched.
 */
export function selectPath(path: ParsedPath, document: unknown): Selection {
	return path.definite ? selectDefinite(path.segments, document) : {found: true, value: selectAll(path.segments, document, document)};
}

function selectDefinite(segments: PathSegment[], document: unknown): Selection {
	let current = document;
	for (const [position, segment] of segments.entries()) {
		const isLeaf = position === segments.length - 1;
		const walked = segments.slice(0, position + 1);
		if (segment.kind === 'property') {
			if (!isObject(current)) {
				return {found: false, reason: `Expected to find an object with property ['${segment.name}'] in path ${normalisedPath(segments.slice(0, position))} but found '${jsonTypeName(current)}'`};
			}

			if (!hasOwn(current, segment.name)) {
				return {found: false, reason: isLeaf ? `No results for path: ${normalisedPath(segments)}` : `Missing property in path ${normalisedPath(walked)}`};
			}

			current = current[segment.name];
		} else if (segment.kind === 'index') {
			const element = isList(current) ? current[segment.index < 0 ? current.length + segment.index : segment.index] : undefined;
			if (!isList(current) || element === undefined) {
				return {found: false, reason: `No results for path: ${normalisedPath(segments)}`};
			}

			current = element;
		}
	}

	return {found: true, value: current};
}

/** Every node an indefinite path matches, in document order. */
function selectAll(segments: PathSegment[], document: unknown, root: unknown): unknown[] {
	let nodes: unknown[] = [document];
	for (const segment of segments) {
		const next: unknown[] = [];
		for (const node of nodes) {
			applySegment(segment, node, root, next);
		}

		nodes = next;
	}

	return nodes;
}

function applySegment(segment: PathSegment, node: unknown, root: unknown, out: unknown[]): void {
	switch (segment.kind) {
		case 'property': {
			if (isObject(node) && hasOwn(node, segment.name)) {
				out.push(node[segment.name]);
			}

			return;
		}

		case 'index': {
			if (isList(node)) {
				const element = node[segment.index < 0 ? node.length + segment.index : segment.index];
				if (element !== undefined) {
					out.push(element);
				}
			}

			return;
		}

		case 'wildcard': {
			if (isList(node)) {
				out.push(...node);
			} else if (isObject(node)) {
				out.push(...Object.values(node));
			}

			return;
		}

		case 'properties': {
			// Jayway gathers several names of one object into one object.
			if (isObject(node)) {
				out.push(Object.fromEntries(segment.names.filter(name => hasOwn(node, name)).map(name => [name, node[name]])));
			}

			return;
		}

		case 'indexes': {
			for (const index of segment.indexes) {
				applySegment({kind: 'index', index}, node, root, out);
			}

			return;
		}

		case 'slice': {
			if (Array.isArray(node)) {
				out.push(...slice(node, segment));
			}

			return;
		}

		case 'filter': {
			const candidates = Array.isArray(node) ? node : (isObject(node) ? [node] : []);
			for (const candidate of candidates) {
				if (matchesFilter(segment.expression, candidate, root)) {
					out.push(candidate);
				}
			}

			return;
		}

		case 'deep': {
			for (const descendant of selfAndDescendants(node)) {
				applySegment(segment.inner, descendant, root, out);
			}
		}
	}
}

function slice(array: unknown[], {start, end, step}: {start?: number; end?: number; step?: number}): unknown[] {
	const {length} = array;
	const from = clampIndex(start ?? 0, length);
	const to = clampIndex(end ?? length, length);
	const stride = step && step > 0 ? step : 1;
	const result: unknown[] = [];
	for (let index = from; index < to; index += stride) {
		result.push(array[index]);
	}

	return result;
}

const clampIndex = (index: number, length: number) => Math.min(Math.max(index < 0 ? length + index : index, 0), length);

/** The node and everything under it, without recursion (inputs may nest thousands deep). */
function selfAndDescendants(node: unknown): unknown[] {
	const result: unknown[] = [];
	const stack: unknown[] = [node];
	while (stack.length > 0) {
		const current = stack.pop();
		result.push(current);
		const children = Array.isArray(current) ? current : (isObject(current) ? Object.values(current) : []);
		for (let index = children.length - 1; index >= 0; index--) {
			stack.push(children[index]);
		}
	}

	return result;
}

function matchesFilter(expression: FilterExpression, candidate: unknown, root: unknown): boolean {
	switch (expression.kind) {
		case 'and': {
			return matchesFilter(expression.left, candidate, root) && matchesFilter(expression.right, candidate, root);
		}

		case 'or': {
			return matchesFilter(expression.left, candidate, root) || matchesFilter(expression.right, candidate, root);
		}

		case 'not': {
			return !matchesFilter(expression.operand, candidate, root);
		}

		case 'exists': {
			const value = operandValue(expression.operand, candidate, root);
			return value !== undefined && value !== false;
		}

		case 'compare': {
			return compare(expression.operator, operandValue(expression.left, candidate, root), operandValue(expression.right, candidate, root));
		}
	}
}

function operandValue(operand: FilterOperand, candidate: unknown, root: unknown): unknown {
	if (operand.kind === 'literal') {
		return operand.value;
	}

	if (operand.kind === 'regex') {
		return operand.regex;
	}

	const start = operand.from === '@' ? candidate : root;
	const definite = operand.segments.every(segment => segment.kind === 'property' || segment.kind === 'index');
	if (definite) {
		const selection = selectDefinite(operand.segments, start);
		return selection.found ? selection.value : undefined;
	}

	return selectAll(operand.segments, start, root);
}

function compare(operator: string, left: unknown, right: unknown): boolean {
	if (left === undefined || right === undefined) {
		return operator === '!=' && left !== right;
	}

	switch (operator) {
		case '==': {
			return JSON.stringify(left) === JSON.stringify(right);
		}

		case '!=': {
			return JSON.stringify(left) !== JSON.stringify(right);
		}

		case '=~': {
			return right instanceof RegExp && typeof left === 'string' && right.test(left);
		}

		default: {
			const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
			if (!comparable) {
				return false;
			}

			const a = left;
			const b = right;
			switch (operator) {
				case '<': {
					return a < b;
				}

				case '<=': {
					return a <= b;
				}

				case '>': {
					return a > b;
				}

				default: {
					return a >= b;
				}
			}
		}
	}
}

/** Type names for error texts. */
export function jsonTypeName(value: unknown): string {
	if (value === null) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return 'array';
	}

	return typeof value === 'object' ? 'object' : typeof value;
}
