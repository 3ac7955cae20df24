/*
 * The JSONPath dialect Step Functions accepts (AWS evaluates paths with
 * Jayway JsonPath): `$` the state input, `$$` the context object, `$name` a
 * workflow variable; then `.name`, `['name']`, `[n]` (negative counts from the
 * end), `.*` / `[*]`, `..` deep scan, unions `['a','b']` / `[0,1]`, slices
 * `[start:end:step]` and filters `[?(@.price < 10 && @.tag)]`.
 * A path is "definite" when it can only select one node (names and indexes
 * only): a definite path that selects nothing is an error, an indefinite one
 * yields an empty list (Jayway's rule, which AWS keeps).
 */

export type FilterOperand =
	| {kind: 'literal'; value: unknown}
	| {kind: 'path'; from: '@' | '$'; segments: PathSegment[]}
	| {kind: 'regex'; regex: RegExp};

export type FilterExpression =
	| {kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression}
	| {kind: 'not'; operand: FilterExpression}
	| {kind: 'exists'; operand: FilterOperand}
	| {kind: 'compare'; operator: '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~'; left: FilterOperand; right: FilterOperand};

export type PathSegment =
	| {kind: 'property'; name: string}
	| {kind: 'index'; index: number}
	| {kind: 'wildcard'}
	| {kind: 'deep'; inner: PathSegment}
	| {kind: 'properties'; names: string[]}
	| {kind: 'indexes'; indexes: number[]}
	| {kind: 'slice'; start?: number; end?: number; step?: number}
	| {kind: 'filter'; expression: FilterExpression};

export type PathRoot = {kind: 'input'} | {kind: 'context'} | {kind: 'variable'; name: string};

export type ParsedPath = {
	text: string;
	root: PathRoot;
	segments: PathSegment[];
	definite: boolean;
};

/** Jayway's normalised spelling of a path, used in its error messages: `$['a'][0]`. */
export function normalisedPath(segments: PathSegment[]): string {
	let text = '$';
	for (const segment of segments) {
		text += segmentText(segment);
	}

	return text;
}

function segmentText(segment: PathSegment): string {
	switch (segment.kind) {
		case 'property': {
			return `['${segment.name}']`;
		}

		case 'index': {
			return `[${segment.index}]`;
		}

		case 'wildcard': {
			return '[*]';
		}

		case 'deep': {
			return `..${segmentText(segment.inner)}`;
		}

		case 'properties': {
			return `[${segment.names.map(name => `'${name}'`).join(',')}]`;
		}

		case 'indexes': {
			return `[${segment.indexes.join(',')}]`;
		}

		case 'slice': {
			return `[${segment.start ?? ''}:${segment.end ?? ''}${segment.step === undefined ? '' : `:${segment.step}`}]`;
		}

		case 'filter': {
			return '[?]';
		}
	}
}
