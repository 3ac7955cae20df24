import {AwsError} from '../aws-error.js';
import type {ModelShape, ServiceModel} from './shape-types.js';

/*
 * Checks a request body against the operation's input shape from AWS's
 * service model, in the order AWS's front end does:
 *
 * 1. Reading the JSON into the shape: a value of the wrong JSON type is a
 *    SerializationException (the first one found), in the words of AWS's
 *    JSON deserializer ("class java.lang.Boolean can not be converted to an
 *    String"; recorded for strings, the same pattern used for the other
 *    types). Integers are truncated, as AWS's reader does; unknown fields are
 *    ignored; JSON null is the same as leaving the field out.
 * 2. Every constraint of every field: required, length, value range, enum,
 *    pattern. All failures are reported in one message, AWS's style:
 *    "1 validation error detected: Value '1001' at 'maxResults' failed to
 *    satisfy constraint: Member must have value less than or equal to 1000".
 *    Nested fields are named like `loggingConfiguration.destinations.1.member.cloudWatchLogsLogGroup`.
 */

const javaClass = (value: unknown) => {
	if (typeof value === 'string') {
		return 'java.lang.String';
	}

	return typeof value === 'boolean' ? 'java.lang.Boolean' : 'com.amazon.coral.value.json.numbers.TruncatingBigNumber';
};

const typeWords: Record<ModelShape['type'], string> = {
	string: 'String', integer: 'Integer', long: 'Long', float: 'Float', double: 'Double', boolean: 'Boolean', timestamp: 'Date', blob: 'ByteBuffer', list: 'List', map: 'Map', structure: 'Structure',
};

const jsonTypeFits: Record<ModelShape['type'], (value: unknown) => boolean> = {
	string: value => typeof value === 'string',
	blob: value => typeof value === 'string',
	integer: value => typeof value === 'number',
	long: value => typeof value === 'number',
	float: value => typeof value === 'number',
	double: value => typeof value === 'number',
	timestamp: value => typeof value === 'number',
	boolean: value => typeof value === 'boolean',
	list: value => Array.isArray(value),
	map: value => typeof value === 'object' && value !== null && !Array.isArray(value),
	structure: value => typeof value === 'object' && value !== null && !Array.isArray(value),
};

function serializationError(shape: ModelShape, value: unknown): AwsError {
	if (Array.isArray(value)) {
		return new AwsError('SerializationException', 'Start of list found where not expected');
	}

	return typeof value === 'object' && value !== null ? new AwsError('SerializationException', 'Start of structure or map found where not expected.') : new AwsError('SerializationException', `class ${javaClass(value)} can not be converted to an ${typeWords[shape.type]}`);
}

class RequestReader {
	readonly problems: string[] = [];
	private readonly patterns = new Map<string, RegExp>();

	constructor(private readonly model: ServiceModel) {}

	/** The value read into the shape (unknown members dropped, integers truncated); throws SerializationException. */
	read(shapeName: string, value: unknown): unknown {
		const shape = this.model.shapes[shapeName];
		if (!jsonTypeFits[shape.type](value)) {
			throw serializationError(shape, value);
		}

		switch (shape.type) {
			case 'structure': {
				const out: Record<string, unknown> = {};
				for (const [member, target] of Object.entries(shape.members ?? {})) {
					const field = (value as Record<string, unknown>)[member];
					if (field !== undefined && field !== null) {
						out[member] = this.read(target, field);
					}
				}

				return out;
			}

			case 'list': {
				return (value as unknown[]).map(item => (item === null ? null : this.read(shape.member!, item)));
			}

			case 'map': {
				return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, item === null ? null : this.read(shape.value!, item)]));
			}

			case 'integer':
			case 'long': {
				return Math.trunc(value as number);
			}

			default: {
				return value;
			}
		}
	}

	/** Collects every constraint the (already read) value breaks. */
	check(shapeName: string, value: unknown, path: string): void {
		const shape = this.model.shapes[shapeName];
		const fail = (constraint: string) => {
			this.problems.push(`Value ${value === null ? 'null' : `'${this.render(shapeName, value)}'`} at '${path}' failed to satisfy constraint: ${constraint}`);
		};

		if (value === null) {
			fail('Member must not be null');
			return;
		}

		const length = (typeof value === 'string') || Array.isArray(value) ? value.length : (shape.type === 'map' ? Object.keys(value as object).length : undefined);
		const measure = length === undefined ? 'value' : 'length';
		const size = length ?? (typeof value === 'number' ? value : undefined);
		if (size !== undefined && shape.min !== undefined && size < shape.min) {
			fail(`Member must have ${measure} greater than or equal to ${shape.min}`);
		}

		if (size !== undefined && shape.max !== undefined && size > shape.max) {
			fail(`Member must have ${measure} less than or equal to ${shape.max}`);
		}

		if (shape.enum && !shape.enum.includes(value as string)) {
			fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
		}

		if (shape.pattern && typeof value === 'string' && !this.pattern(shape.pattern).test(value)) {
			fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
		}

		this.checkChildren(shape, value, path);
	}

	private checkChildren(shape: ModelShape, value: unknown, path: string): void {
		switch (shape.type) {
			case 'structure': {
				const record = value as Record<string, unknown>;
				for (const [member, target] of Object.entries(shape.members ?? {})) {
					const child = `${path ? `${path}.` : ''}${member}`;
					if (record[member] !== undefined) {
						this.check(target, record[member], child);
					} else if (shape.required?.includes(member)) {
						this.problems.push(`Value null at '${child}' failed to satisfy constraint: Member must not be null`);
					}
				}

				break;
			}

			case 'list': {
				for (const [index, item] of (value as unknown[]).entries()) {
					this.check(shape.member!, item, `${path}.${index + 1}.member`);
				}

				break;
			}

			case 'map': {
				for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
					this.check(shape.key!, key, `${path}.${key}.key`);
					this.check(shape.value!, item, `${path}.${key}.value`);
				}

				break;
			}

			default: {
				break;
			}
		}
	}

	/** A value as AWS's Java front end prints it: lists `[a, b]`, structures `Shape(field=value, ...)`, maps `{k=v}`. */
	private render(shapeName: string, value: unknown): string {
		const shape = this.model.shapes[shapeName];
		if (value === null || value === undefined) {
			return 'null';
		}

		switch (shape.type) {
			case 'list': {
				return `[${(value as unknown[]).map(item => this.render(shape.member!, item)).join(', ')}]`;
			}

			case 'map': {
				return `{${Object.entries(value as Record<string, unknown>).map(([key, item]) => `${key}=${this.render(shape.value!, item)}`).join(', ')}}`;
			}

			case 'structure': {
				const record = value as Record<string, unknown>;
				return `${shapeName}(${Object.entries(shape.members ?? {}).map(([member, target]) => `${member}=${this.render(target, record[member])}`).join(', ')})`;
			}

			default: {
				return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
			}
		}
	}

	private pattern(source: string): RegExp {
		let pattern = this.patterns.get(source);
		if (!pattern) {
			// Java's String.matches: the whole value must match.
			pattern = new RegExp(`^(?:${source})$`, 'u');
			this.patterns.set(source, pattern);
		}

		return pattern;
	}
}

/**
 * The request body read into the operation's input shape, or an AwsError as
 * AWS answers a malformed request. `validationError` is the error code the
 * service uses for constraint failures (CloudWatch Logs: InvalidParameterException).
 */
export function readRequest(model: ServiceModel, operation: string, body: Record<string, unknown>, validationError = 'ValidationException'): Record<string, unknown> {
	if (!Object.hasOwn(model.operations, operation)) {
		return body;
	}

	const input = model.operations[operation];
	if (!input) {
		return {};
	}

	const reader = new RequestReader(model);
	const read = reader.read(input, body) as Record<string, unknown>;
	reader.check(input, read, '');
	const {problems} = reader;
	if (problems.length > 0) {
		throw new AwsError(validationError, `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected: ${problems.join('; ')}`);
	}

	return read;
}
