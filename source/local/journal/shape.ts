/*
 * A small structural check for journal records: a record with a good
 * checksum can still be of the wrong shape (written by hand, or by another
 * version), and must then be reported as a bad record, never crash a load.
 */

export type FieldKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'string[]';
/** A field's kind; a trailing `?` makes it optional. */
export type Shape = Record<string, FieldKind | `${FieldKind}?`>;

function isKind(value: unknown, kind: FieldKind): boolean {
	switch (kind) {
		case 'array': {
			return Array.isArray(value);
		}

		case 'object': {
			return typeof value === 'object' && value !== null && !Array.isArray(value);
		}

		case 'number': {
			return typeof value === 'number' && Number.isFinite(value);
		}

		case 'string[]': {
			return Array.isArray(value) && value.every(item => typeof item === 'string');
		}

		default: {
			return typeof value === kind;
		}
	}
}

type CompiledShape = Array<{field: string; kind: FieldKind; optional: boolean}>;
const compiled = new WeakMap<Shape, CompiledShape>();

function compile(shape: Shape): CompiledShape {
	let fields = compiled.get(shape);
	if (!fields) {
		fields = Object.entries(shape).map(([field, spec]) => ({field, kind: spec.replace('?', '') as FieldKind, optional: spec.endsWith('?')}));
		compiled.set(shape, fields);
	}

	return fields;
}

/** The first field of `value` that does not match `shape`, described; undefined when it matches. */
export function shapeProblem(value: unknown, shape: Shape, where: string): string | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return `${where} is not an object`;
	}

	for (const {field, kind, optional} of compile(shape)) {
		const fieldValue = (value as Record<string, unknown>)[field];
		if (fieldValue === undefined || fieldValue === null) {
			if (!optional) {
				return `${where}.${field} is missing`;
			}
		} else if (!isKind(fieldValue, kind)) {
			return `${where}.${field} is not ${kind === 'array' || kind === 'object' ? 'an' : 'a'} ${kind}`;
		}
	}

	return undefined;
}
