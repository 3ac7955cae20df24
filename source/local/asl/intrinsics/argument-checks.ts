import {StatesError} from '../states-error.js';
import {jsonTypeName} from '../json-path/select-path.js';

/** An intrinsic called with arguments it refuses. AWS: States.IntrinsicFailure (catchable). */
export function intrinsicFailure(name: string, reason: string): StatesError {
	return new StatesError('States.IntrinsicFailure', `Invalid arguments in ${name}: ${reason}`);
}

export function expectCount(name: string, args: unknown[], min: number, max = min): void {
	if (args.length < min || args.length > max) {
		const wanted = min === max ? `${min}` : (max === Infinity ? `at least ${min}` : `${min} to ${max}`);
		throw intrinsicFailure(name, `expected ${wanted} argument${wanted === '1' ? '' : 's'} but got ${args.length}`);
	}
}

export function expectString(name: string, value: unknown, what: string): string {
	if (typeof value !== 'string') {
		throw intrinsicFailure(name, `${what} must be a string, not ${jsonTypeName(value)}`);
	}

	return value;
}

export function expectArray(name: string, value: unknown, what: string): unknown[] {
	if (!Array.isArray(value)) {
		throw intrinsicFailure(name, `${what} must be an array, not ${jsonTypeName(value)}`);
	}

	return value;
}

export function expectNumber(name: string, value: unknown, what: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw intrinsicFailure(name, `${what} must be a number, not ${jsonTypeName(value)}`);
	}

	return value;
}

export function expectInteger(name: string, value: unknown, what: string): number {
	const number = expectNumber(name, value, what);
	if (!Number.isInteger(number)) {
		throw intrinsicFailure(name, `${what} must be an integer, not ${number}`);
	}

	return number;
}

export function expectObject(name: string, value: unknown, what: string): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw intrinsicFailure(name, `${what} must be a JSON object, not ${jsonTypeName(value)}`);
	}

	return value as Record<string, unknown>;
}

/** Deep JSON equality (key order does not matter). */
export function jsonEquals(a: unknown, b: unknown): boolean {
	if (a === b) {
		return true;
	}

	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
		return false;
	}

	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, index) => jsonEquals(item, b[index]));
	}

	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	const keys = Object.keys(left);
	return keys.length === Object.keys(right).length && keys.every(key => Object.hasOwn(right, key) && jsonEquals(left[key], right[key]));
}
