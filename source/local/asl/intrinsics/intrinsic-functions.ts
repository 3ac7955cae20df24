/*
 * The intrinsic functions of JSONPath states, with the argument checks the
 * AWS docs state. Results checked against AWS's recorded answers in
 * LocalStack's tests/aws/services/stepfunctions/v2/intrinsic_functions/*.snapshot.json
 * (see test/local/asl/intrinsics.test.ts).
 */
import {Buffer} from 'node:buffer';
import {createHash, randomUUID} from 'node:crypto';
import {JavaRandom} from '../java-random.js';
import {expectArray, expectCount, expectInteger, expectNumber, expectObject, expectString, intrinsicFailure, jsonEquals} from './argument-checks.js';
import {formatString} from './format-string.js';

export type IntrinsicFunction = (args: unknown[], raw: Array<string | undefined>) => unknown;

/** AWS caps Base64 and Hash input at 10,000 characters and ArrayRange at 1,000 items. */
const maxEncodedLength = 10_000;
const maxRangeItems = 1000;
const int32 = {min: -2_147_483_648, max: 2_147_483_647};
const hashAlgorithms: Record<string, string> = {MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512'};

export const intrinsicFunctions: Record<string, IntrinsicFunction> = {
	'States.Format'(args, raw) {
		const name = 'States.Format';
		expectCount(name, args, 1, Infinity);
		const template = expectString(name, args[0], 'the first argument');
		return formatString(template, raw[0], args.slice(1));
	},
	'States.StringToJson'(args) {
		expectCount('States.StringToJson', args, 1);
		const text = expectString('States.StringToJson', args[0], 'the argument');
		// AWS answers null for an empty or blank string (recorded: test_string_to_json).
		if (text.trim() === '') {
			return null;
		}

		try {
			const value: unknown = JSON.parse(text);
			return value === 0 ? 0 : value; // -0 is 0 in JSON (recorded: "-0" → 0)
		} catch {
			throw intrinsicFailure('States.StringToJson', `the argument is not valid JSON: ${text.slice(0, 100)}`);
		}
	},
	'States.JsonToString'(args) {
		expectCount('States.JsonToString', args, 1);
		return JSON.stringify(args[0]);
	},
	'States.Array': args => [...args],
	'States.ArrayPartition'(args) {
		const name = 'States.ArrayPartition';
		expectCount(name, args, 2);
		const array = expectArray(name, args[0], 'the first argument');
		const size = expectInteger(name, args[1], 'the chunk size');
		if (size <= 0) {
			throw intrinsicFailure(name, `the chunk size must be greater than 0, not ${size}`);
		}

		const chunks: unknown[][] = [];
		for (let index = 0; index < array.length; index += size) {
			chunks.push(array.slice(index, index + size));
		}

		return chunks;
	},
	'States.ArrayContains'(args) {
		expectCount('States.ArrayContains', args, 2);
		return expectArray('States.ArrayContains', args[0], 'the first argument').some(item => jsonEquals(item, args[1]));
	},
	'States.ArrayRange'(args) {
		const name = 'States.ArrayRange';
		expectCount(name, args, 3);
		const start = expectInteger(name, args[0], 'the start');
		const end = expectInteger(name, args[1], 'the end');
		const step = expectInteger(name, args[2], 'the step');
		if (step === 0) {
			throw intrinsicFailure(name, 'the step must not be 0');
		}

		const count = Math.floor((end - start) / step) + 1;
		if (count > maxRangeItems) {
			throw intrinsicFailure(name, `the range has ${count} items; at most ${maxRangeItems} are allowed`);
		}

		return Array.from({length: Math.max(count, 0)}, (_, index) => start + (index * step));
	},
	'States.ArrayGetItem'(args) {
		const name = 'States.ArrayGetItem';
		expectCount(name, args, 2);
		const array = expectArray(name, args[0], 'the first argument');
		const index = expectInteger(name, args[1], 'the index');
		if (index < 0 || index >= array.length) {
			throw intrinsicFailure(name, `index ${index} is out of bounds for an array of ${array.length} items`);
		}

		return array[index];
	},
	'States.ArrayLength'(args) {
		expectCount('States.ArrayLength', args, 1);
		return expectArray('States.ArrayLength', args[0], 'the argument').length;
	},
	'States.ArrayUnique'(args) {
		expectCount('States.ArrayUnique', args, 1);
		const unique: unknown[] = [];
		for (const item of expectArray('States.ArrayUnique', args[0], 'the argument')) {
			if (unique.every(kept => !jsonEquals(kept, item))) {
				unique.push(item);
			}
		}

		return unique;
	},
	'States.Base64Encode'(args) {
		const text = limitedString('States.Base64Encode', args);
		return Buffer.from(text, 'utf8').toString('base64');
	},
	'States.Base64Decode'(args) {
		const text = limitedString('States.Base64Decode', args);
		if (!/^[\d+/a-z]*={0,2}$/i.test(text) || text.length % 4 === 1) {
			throw intrinsicFailure('States.Base64Decode', 'the argument is not valid Base64');
		}

		return Buffer.from(text, 'base64').toString('utf8');
	},
	'States.Hash'(args) {
		const name = 'States.Hash';
		expectCount(name, args, 2);
		const data = typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
		if (data.length > maxEncodedLength) {
			throw intrinsicFailure(name, `the data has ${data.length} characters; at most ${maxEncodedLength} are allowed`);
		}

		const algorithm = hashAlgorithms[expectString(name, args[1], 'the algorithm')];
		if (!algorithm) {
			throw intrinsicFailure(name, `the algorithm must be one of ${Object.keys(hashAlgorithms).join(', ')}`);
		}

		return createHash(algorithm).update(data, 'utf8').digest('hex');
	},
	'States.JsonMerge'(args) {
		const name = 'States.JsonMerge';
		expectCount(name, args, 3);
		const left = expectObject(name, args[0], 'the first argument');
		const right = expectObject(name, args[1], 'the second argument');
		if (args[2] !== false) {
			throw intrinsicFailure(name, 'only a shallow merge is supported: the third argument must be false');
		}

		return {...left, ...right};
	},
	'States.MathRandom'(args) {
		const name = 'States.MathRandom';
		expectCount(name, args, 2, 3);
		const start = Math.round(expectNumber(name, args[0], 'the start'));
		const end = Math.round(expectNumber(name, args[1], 'the end'));
		const seed = args.length === 3 ? expectInteger(name, args[2], 'the seed') : undefined;
		if (end <= start) {
			throw intrinsicFailure(name, 'the end must be greater than the start');
		}

		// A seed gives the same number every time (java.util.Random, as AWS runs Java).
		return start + (seed === undefined ? Math.floor(Math.random() * (end - start)) : new JavaRandom(seed).nextInt(end - start));
	},
	'States.MathAdd'(args) {
		const name = 'States.MathAdd';
		expectCount(name, args, 2);
		// AWS rounds each operand half up before adding (recorded: test_math_add, 1.49 + 1.5 = 3, -1.5 + 0 = -1).
		const sum = Math.round(expectNumber(name, args[0], 'the first argument')) + Math.round(expectNumber(name, args[1], 'the second argument'));
		if (sum < int32.min || sum > int32.max) {
			throw intrinsicFailure(name, `the sum ${sum} is outside ${int32.min}..${int32.max}`);
		}

		return sum + 0;
	},
	'States.StringSplit'(args) {
		const name = 'States.StringSplit';
		expectCount(name, args, 2);
		const text = expectString(name, args[0], 'the first argument');
		const delimiters = new Set(expectString(name, args[1], 'the delimiter'));
		// Every delimiter character splits, and empty pieces are dropped (recorded: ", , ," → [" ", " "]).
		const pieces: string[] = [];
		let piece = '';
		for (const char of text) {
			if (delimiters.has(char)) {
				if (piece) {
					pieces.push(piece);
				}

				piece = '';
			} else {
				piece += char;
			}
		}

		if (piece) {
			pieces.push(piece);
		}

		return pieces;
	},
	'States.UUID'(args) {
		expectCount('States.UUID', args, 0);
		return randomUUID();
	},
};

function limitedString(name: string, args: unknown[]): string {
	expectCount(name, args, 1);
	const text = expectString(name, args[0], 'the argument');
	if (text.length > maxEncodedLength) {
		throw intrinsicFailure(name, `the argument has ${text.length} characters; at most ${maxEncodedLength} are allowed`);
	}

	return text;
}
