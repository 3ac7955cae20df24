import {parseFilter} from './parse-filter.js';
import {PathReader, PathSyntaxError} from './path-reader.js';
import type {ParsedPath, PathRoot, PathSegment} from './path-syntax.js';

export {PathSyntaxError} from './path-reader.js';

/** Paths longer than this are refused outright: parsing stays linear and bounded. */
const maxPathLength = 10_000;

const cache = new Map<string, ParsedPath>();
const cacheLimit = 2000;

/** Parses a path (cached: definitions are parsed once, then read on every state). */
export function parsePath(text: string): ParsedPath {
	const known = cache.get(text);
	if (known) {
		return known;
	}

	const parsed = parseUncached(text);
	if (cache.size >= cacheLimit) {
		cache.clear();
	}

	cache.set(text, parsed);
	return parsed;
}

const variableName = /^[a-z_]\w*/i;
const dotName = /^[^\s!"&'(),.<=>[\]|]+/;

function parseUncached(text: string): ParsedPath {
	if (text.length > maxPathLength) {
		throw new PathSyntaxError(`path longer than ${maxPathLength} characters`);
	}

	const reader = new PathReader(text);
	const root = rootOf(reader);
	const segments = segmentsOf(reader, false);
	if (!reader.atEnd) {
		reader.fail(`unexpected '${reader.char}'`);
	}

	const definite = segments.every(segment => segment.kind === 'property' || segment.kind === 'index');
	return {text, root, segments, definite};
}

function rootOf(reader: PathReader): PathRoot {
	const {text} = reader;
	if (!text.startsWith('$')) {
		reader.fail('a path starts with $');
	}

	if (text.startsWith('$$')) {
		reader.index = 2;
		return {kind: 'context'};
	}

	const name = variableName.exec(text.slice(1));
	if (name) {
		reader.index = 1 + name[0].length;
		return {kind: 'variable', name: name[0]};
	}

	reader.index = 1;
	return {kind: 'input'};
}

/** Segments until the end, or (inside a filter) until something that is not a segment. */
function segmentsOf(reader: PathReader, inFilter: boolean): PathSegment[] {
	const segments: PathSegment[] = [];
	while (!reader.atEnd) {
		const {char} = reader;
		if (reader.text.startsWith('..', reader.index)) {
			reader.index += 2;
			const inner = reader.char === '[' ? bracket(reader) : dotMember(reader);
			segments.push({kind: 'deep', inner});
		} else if (char === '.') {
			// Jayway also reads `$.[0]` and `$.a.['b']` (a dot before a bracket), and AWS takes them.
			reader.index++;
			segments.push(reader.char === '[' ? bracket(reader) : dotMember(reader));
		} else if (char === '[') {
			segments.push(bracket(reader));
		} else if (inFilter) {
			break;
		} else {
			reader.fail(`unexpected '${char}'`);
		}
	}

	return segments;
}

const filterSegments = (reader: PathReader) => segmentsOf(reader, true);

function dotMember(reader: PathReader): PathSegment {
	if (reader.char === '*') {
		reader.index++;
		return {kind: 'wildcard'};
	}

	const name = dotName.exec(reader.rest());
	if (!name) {
		reader.fail('expected a property name');
	}

	reader.index += name[0].length;
	return {kind: 'property', name: name[0]};
}

function bracket(reader: PathReader): PathSegment {
	reader.index++; // [
	reader.skipSpaces();
	let segment: PathSegment;
	switch (reader.char) {
		case '*': {
			reader.index++;
			segment = {kind: 'wildcard'};
			break;
		}

		case '?': {
			reader.index++;
			reader.expect('(');
			const expression = parseFilter(reader, filterSegments);
			reader.expect(')');
			segment = {kind: 'filter', expression};
			break;
		}

		case '\'':
		case '"': {
			const names = [reader.quoted()];
			while (reader.eat(',')) {
				names.push(reader.quoted());
			}

			segment = names.length === 1 ? {kind: 'property', name: names[0]} : {kind: 'properties', names};
			break;
		}

		default: {
			segment = numericBracket(reader);
		}
	}

	reader.expect(']');
	return segment;
}

function numericBracket(reader: PathReader): PathSegment {
	const first = reader.optionalInteger();
	if (reader.char === ':') {
		reader.index++;
		const end = reader.optionalInteger();
		let step: number | undefined;
		if (reader.eat(':')) {
			step = reader.optionalInteger();
		}

		return {kind: 'slice', start: first, end, step};
	}

	if (first === undefined) {
		reader.fail('expected an index');
	}

	const indexes = [first];
	while (reader.eat(',')) {
		const next = reader.optionalInteger();
		if (next === undefined) {
			reader.fail('expected an index');
		}

		indexes.push(next);
	}

	return indexes.length === 1 ? {kind: 'index', index: first} : {kind: 'indexes', indexes};
}
