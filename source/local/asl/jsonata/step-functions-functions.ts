/*
 * The functions Step Functions adds to JSONata ($partition, $range, $hash,
 * $random with an optional seed, $uuid, $parse), as the AWS guide
 * "Transforming data with JSONata" describes them (seeded $random: java-random.ts).
 */
import {createHash, randomUUID} from 'node:crypto';
import {JavaRandom} from '../java-random.js';

/**
 * A JSONata sequence, not an array: like JSONata's own functions, a sequence of
 * one item is that item. AWS's $range is one (`$range(1, 9, 9)` is `1`, not
 * `[1]`), its $partition is not (`$partition([0], 1)` is `[[0]]`) — both
 * recorded in LocalStack v2/intrinsic_functions/test_array_jsonata.snapshot.json.
 */
const sequence = (items: unknown[]) => Object.defineProperty(items, 'sequence', {value: true});

const hashAlgorithms: Record<string, string> = {MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512'};

/** A JSONata-style error: jsonata reports `{code, message}` objects as "CODE: message". */
const functionError = (message: string) => Object.assign(new Error(message), {code: 'D3000'});

export const stepFunctionsFunctions: Record<string, (...args: any[]) => unknown> = {
	partition(array: unknown, size: unknown) {
		if (!Array.isArray(array) || typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
			throw functionError('$partition expects an array and a positive integer chunk size');
		}

		const chunks: unknown[][] = [];
		for (let index = 0; index < array.length; index += size) {
			chunks.push(array.slice(index, index + size));
		}

		return chunks;
	},
	range(start: unknown, end: unknown, step: unknown) {
		if (typeof start !== 'number' || typeof end !== 'number' || typeof step !== 'number' || Math.trunc(step) === 0) {
			throw functionError('$range expects numbers start, end and a non-zero step');
		}

		// Non-integers are truncated towards zero.
		const [from, to, by] = [Math.trunc(start), Math.trunc(end), Math.trunc(step)];
		const count = Math.floor((to - from) / by) + 1;
		if (count > 1_000_000) {
			throw functionError('$range would create more than 1,000,000 items');
		}

		const items = Array.from({length: Math.max(count, 0)}, (_, index) => from + (index * by));
		// Empty stays [] (AWS's answer is not recorded; an empty sequence would make the value undefined).
		return items.length === 0 ? items : sequence(items);
	},
	hash(value: unknown, algorithm: unknown) {
		const name = typeof algorithm === 'string' ? hashAlgorithms[algorithm] : undefined;
		if (typeof value !== 'string' || !name) {
			throw functionError(`$hash expects a string and one of ${Object.keys(hashAlgorithms).join(', ')}`);
		}

		return createHash(name).update(value, 'utf8').digest('hex');
	},
	random(seed?: unknown) {
		if (seed === undefined) {
			return Math.random();
		}

		if (typeof seed !== 'number' || !Number.isInteger(seed)) {
			throw functionError('$random expects an integer seed');
		}

		return new JavaRandom(seed).nextDouble();
	},
	uuid: () => randomUUID(),
	parse(text: unknown) {
		if (typeof text !== 'string') {
			throw functionError('$parse expects a string');
		}

		try {
			return JSON.parse(text) as unknown;
		} catch {
			throw functionError('$parse could not parse the string as JSON');
		}
	},
};
