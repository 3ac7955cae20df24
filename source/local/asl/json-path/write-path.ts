import {isList} from '../../../model/text/json-text.js';
import {StatesError} from '../states-error.js';
import type {ParsedPath} from './path-syntax.js';

/**
 * ResultPath: puts a value into (a copy of) the state input at a reference
 * path, creating the objects on the way that are missing (ASL spec: "intervening
 * fields constructed as necessary"). Placing it under something that is not an
 * object fails with States.ResultPathMatchFailure.
 */
export function writeAtPath(document: unknown, path: ParsedPath, value: unknown): unknown {
	return path.segments.length === 0 ? value : writeInto(document, path, 0, value);
}

function writeInto(node: unknown, path: ParsedPath, position: number, value: unknown): unknown {
	if (position === path.segments.length) {
		return value;
	}

	const segment = path.segments[position];
	if (segment.kind === 'property') {
		const base = node === undefined ? {} : node;
		if (typeof base !== 'object' || base === null || Array.isArray(base)) {
			throw matchFailure(path, node);
		}

		const copy: Record<string, unknown> = {...base as Record<string, unknown>};
		copy[segment.name] = writeInto(copy[segment.name], path, position + 1, value);
		return copy;
	}

	if (segment.kind === 'index' && isList(node)) {
		const index = segment.index < 0 ? node.length + segment.index : segment.index;
		if (index >= 0 && index < node.length) {
			const copy = [...node];
			copy[index] = writeInto(copy[index], path, position + 1, value);
			return copy;
		}
	}

	throw matchFailure(path, node);
}

function matchFailure(path: ParsedPath, node: unknown): StatesError {
	return new StatesError('States.ResultPathMatchFailure', `Unable to apply ReferencePath ${path.text} to input ${JSON.stringify(node ?? null)}`);
}
