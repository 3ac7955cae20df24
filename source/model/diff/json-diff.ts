import {isRecord} from '../text/json-text.js';

/** One difference between two JSON values: at `path`, A's value and B's (absent on the side that lacks it). */
export type JsonChange = {
	/** JSONPath of the value: `$`, `$.order.items[2]`, `$['odd key']`. */
	path: string;
	kind: 'changed' | 'added' | 'removed';
	/** A's value (absent when `added`). */
	a?: unknown;
	/** B's value (absent when `removed`). */
	b?: unknown;
};

export type JsonDiff = {changes: JsonChange[]; /** Differences beyond the limit, counted but not listed. */ more: number};

const plainKey = /^[$a-z_][\w$]*$/i;

function childPath(path: string, key: string | number): string {
	if (typeof key === 'number') {
		return `${path}[${key}]`;
	}

	return plainKey.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * A structural diff: objects are compared key by key (a key's order does not
 * matter), arrays index by index (an item inserted at the front shows every
 * later index as changed — a choice for predictable, linear work on payloads
 * of up to 256 KiB), anything else by value. Lists at most `limit` changes.
 */
export function jsonDiff(a: unknown, b: unknown, limit = 200): JsonDiff {
	const result: JsonDiff = {changes: [], more: 0};
	const add = (change: JsonChange) => {
		if (result.changes.length < limit) {
			result.changes.push(change);
		} else {
			result.more++;
		}
	};

	const walk = (left: unknown, right: unknown, path: string): void => {
		if (Array.isArray(left) && Array.isArray(right)) {
			const length = Math.max(left.length, right.length);
			for (let index = 0; index < length; index++) {
				const at = childPath(path, index);
				if (index >= right.length) {
					add({path: at, kind: 'removed', a: left[index]});
				} else if (index >= left.length) {
					add({path: at, kind: 'added', b: right[index]});
				} else {
					walk(left[index], right[index], at);
				}
			}

			return;
		}

		if (isRecord(left) && isRecord(right)) {
			for (const [key, value] of Object.entries(left)) {
				const at = childPath(path, key);
				if (Object.hasOwn(right, key)) {
					walk(value, right[key], at);
				} else {
					add({path: at, kind: 'removed', a: value});
				}
			}

			for (const [key, value] of Object.entries(right)) {
				if (!Object.hasOwn(left, key)) {
					add({path: childPath(path, key), kind: 'added', b: value});
				}
			}

			return;
		}

		// Same-shaped objects and arrays were walked above; anything else differs unless it is the same value.
		if (left !== right) {
			add({path, kind: 'changed', a: left, b: right});
		}
	};

	walk(a, b, '$');
	return result;
}

/**
 * A payload as a JSON value: histories carry inputs and outputs as JSON text.
 * Text that is not JSON (a truncated payload) is compared as a string.
 */
export function payloadValue(text: string | undefined): unknown {
	if (text === undefined) {
		return undefined;
	}

	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}
