/*
 * Intrinsic functions, each case an answer AWS recorded in LocalStack's
 * tests/aws/services/stepfunctions/v2/intrinsic_functions/*.snapshot.json
 * (input → FunctionResult), evaluated through a Pass state's Parameters
 * the way those templates do.
 */
import {describe, expect, test} from 'vitest';
import {effectiveInput, StatesError} from '../../../source/local/asl/index.js';
import {parseIntrinsic, IntrinsicSyntaxError} from '../../../source/local/asl/intrinsics/parse-intrinsic.js';
import {JavaRandom} from '../../../source/local/asl/java-random.js';
import {stateEnv} from './asl-env.js';

async function call(expression: string, input: unknown): Promise<unknown> {
	const output = await effectiveInput({Type: 'Pass', Parameters: {'FunctionResult.$': expression}}, {FunctionInput: input}, stateEnv());
	return (output as {FunctionResult: unknown}).FunctionResult;
}

async function failure(expression: string, input: unknown): Promise<StatesError> {
	try {
		await call(expression, input);
	} catch (error) {
		if (error instanceof StatesError) {
			return error;
		}

		throw error;
	}

	throw new Error(`${expression} did not fail`);
}

describe('arrays (test_array.snapshot.json)', () => {
	test('States.Array', async () => {
		expect(await call('States.Array()', 'HelloWorld')).toEqual([]);
		expect(await call('States.Array($.FunctionInput.fst, $.FunctionInput.snd)', {fst: null, snd: 1.1})).toEqual([null, 1.1]);
		expect(await call('States.Array($.FunctionInput.fst, $.FunctionInput.snd)', {fst: {Arg1: 1, Arg2: []}, snd: '{"Arg1": 1}'})).toEqual([{Arg1: 1, Arg2: []}, '{"Arg1": 1}']);
	});

	test.each([
		[[], 1, []],
		[[0], 5, [[0]]],
		[[0, 1], 1, [[0], [1]]],
		[[0, 1, 2], 2, [[0, 1], [2]]],
		[[0, 1, 2, 3], 3, [[0, 1, 2], [3]]],
		[[0, 1, 2, 3], 4, [[0, 1, 2, 3]]],
	])('States.ArrayPartition(%j, %j)', async (array, size, expected) => {
		expect(await call('States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)', {fst: array, snd: size})).toEqual(expected);
	});

	test.each([
		[[], null, false],
		[[], [], false],
		[[[1, 2, 3], 2], [1, 2, 3], true],
		[[{1: 2, 2: []}], [], false],
		[[{1: 2, 2: []}], {1: 2, 2: []}, true],
		[[true, false], false, true],
	])('States.ArrayContains(%j, %j)', async (array, value, expected) => {
		expect(await call('States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)', {fst: array, snd: value})).toBe(expected);
	});

	test.each([
		[0, 9, 3, [0, 3, 6, 9]],
		[0, 10, 3, [0, 3, 6, 9]],
		[1, 9, 9, [1]],
	])('States.ArrayRange(%j, %j, %j)', async (start, end, step, expected) => {
		expect(await call('States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)', {fst: start, snd: end, trd: step})).toEqual(expected);
	});

	test('States.ArrayGetItem, ArrayLength, ArrayUnique', async () => {
		expect(await call('States.ArrayGetItem($.FunctionInput.fst, $.FunctionInput.snd)', {fst: [1, 2, 3, 4, 5, 6, 7, 8, 9], snd: 5})).toBe(6);
		expect(await call('States.ArrayLength($.FunctionInput)', [1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe(9);
		expect(await call('States.ArrayUnique($.FunctionInput)', [null, null, true, 1, 1, 1.1, 'a', 'a', [], [], {a: 1, b: 2}, {b: 2, a: 1}])).toEqual([null, true, 1, 1.1, 'a', [], {a: 1, b: 2}]);
	});
});

describe('strings and JSON', () => {
	// Test_string_operations.snapshot.json
	test.each([
		[' ', ',', [' ']],
		[' , ', ',', [' ', ' ']],
		[', , ,', ',', [' ', ' ']],
		[',,,,', ',', []],
		['1,2,3,4,5', ',', ['1', '2', '3', '4', '5']],
		['This.is+a,test=string', '.+,=', ['This', 'is', 'a', 'test', 'string']],
		['split on T and \nnew line', 'T\n', ['split on ', ' and ', 'new line']],
	])('States.StringSplit(%j, %j)', async (text, delimiter, expected) => {
		expect(await call('States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)', {fst: text, snd: delimiter})).toEqual(expected);
	});

	// Test_generic.snapshot.json: objects print as Java maps.
	test.each([
		['', 'Formatting argument .'],
		[null, 'Formatting argument null.'],
		[1.1, 'Formatting argument 1.1.'],
		['{"Arg1": 1, "Arg2": []}', 'Formatting argument {"Arg1": 1, "Arg2": []}.'],
	])('States.Format with %j', async (value, expected) => {
		expect(await call('States.Format(\'Formatting argument {}.\', $.FunctionInput)', value)).toBe(expected);
	});

	test('States.Format prints objects as Java maps', async () => {
		expect(await call('States.Format(\'fst={} and snd={}.\', $.FunctionInput.fst, $.FunctionInput.snd)', {fst: {Arg1: 1, Arg2: []}, snd: 'x'})).toBe('fst={Arg1=1, Arg2=[]} and snd=x.');
	});

	test('States.Format escapes: \\{ is a literal brace, \\\' a quote', async () => {
		expect(await call('States.Format(\'\\{{}\\} it\\\'s\', $.FunctionInput)', 'x')).toBe('{x} it\'s');
	});

	test('States.Format needs one value per placeholder', async () => {
		expect((await failure('States.Format(\'{} {}\', $.FunctionInput)', 'x')).error).toBe('States.IntrinsicFailure');
	});

	test.each([
		['', null],
		[' ', null],
		['null', null],
		['-0', 0],
		['1.1', 1.1],
		['"HelloWorld"', 'HelloWorld'],
		['[1, 2, "HelloWorld"]', [1, 2, 'HelloWorld']],
		['{"Arg1": 1, "Arg2": []}', {Arg1: 1, Arg2: []}],
	])('States.StringToJson(%j)', async (text, expected) => {
		expect(await call('States.StringToJson($.FunctionInput)', text)).toEqual(expected);
	});

	test.each([
		[null, 'null'],
		[1.1, '1.1'],
		['HelloWorld', '"HelloWorld"'],
		[[1, 2, 'HelloWorld'], '[1,2,"HelloWorld"]'],
		[{Arg1: 1, Arg2: []}, '{"Arg1":1,"Arg2":[]}'],
	])('States.JsonToString(%j)', async (value, expected) => {
		expect(await call('States.JsonToString($.FunctionInput)', value)).toBe(expected);
	});

	test('States.JsonMerge is shallow (test_json_merge)', async () => {
		expect(await call('States.JsonMerge($.FunctionInput.fst, $.FunctionInput.snd, false)', {fst: {a: {a1: 1, a2: 2}, b: 2, d: 3}, snd: {a: {a3: 1, a4: 2}, c: 3, d: 4}}))
			.toEqual({a: {a3: 1, a4: 2}, b: 2, c: 3, d: 4});
		expect((await failure('States.JsonMerge($.FunctionInput.fst, $.FunctionInput.snd, true)', {fst: {}, snd: {}})).error).toBe('States.IntrinsicFailure');
	});

	test('nested calls and a literal with an escaped newline (test_json_merge_escaped_argument, test_escape_sequence)', async () => {
		expect(await call('States.JsonMerge(States.StringToJson(\'{"constant_in_literal": "false"}\'), $.FunctionInput, false)', {a: 1})).toEqual({constant_in_literal: 'false', a: 1});
		expect(await call('States.StringSplit(\'Hello\nWorld\', \'\n\')', null)).toEqual(['Hello', 'World']);
		expect(await call('States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, \'-\'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, \'-\')), -1))', null)).toBe('machine');
	});
});

describe('encoding, hashing, maths, ids', () => {
	test('Base64 (test_encode_decode)', async () => {
		expect(await call('States.Base64Encode($.FunctionInput)', 'Data to encode')).toBe('RGF0YSB0byBlbmNvZGU=');
		expect(await call('States.Base64Decode($.FunctionInput)', 'RGF0YSB0byBlbmNvZGU=')).toBe('Data to encode');
		expect(await call('States.Base64Encode($.FunctionInput)', '')).toBe('');
		expect((await failure('States.Base64Encode($.FunctionInput)', 'x'.repeat(10_001))).error).toBe('States.IntrinsicFailure');
	});

	test.each([
		['MD5', '812f45842bc6d66ee14572ce20db8e86'],
		['SHA-1', 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
		['SHA-256', 'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3'],
	])('States.Hash(\'input data\', %s) (test_hash)', async (algorithm, digest) => {
		expect(await call('States.Hash($.FunctionInput.fst, $.FunctionInput.snd)', {fst: 'input data', snd: algorithm})).toBe(digest);
	});

	// Test_math_add: each operand is rounded half up first.
	test.each([
		[-9, 3, -6],
		[1.49, 1.5, 3],
		[1.5, 1.51, 4],
		[-1.49, -1.5, -2],
		[-1.5, -1.51, -3],
		[1.49, -1.49, 0],
		[-1.5, 0, -1],
		[-0.5, 0.5, 1],
		[-0.5, 0, 0],
		[2.5, 0, 3],
		[-2.5, 0, -2],
	])('States.MathAdd(%j, %j) = %j', async (a, b, sum) => {
		expect(await call('States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)', {fst: a, snd: b})).toBe(sum);
	});

	test('States.MathRandom stays in [start, end)', async () => {
		for (let index = 0; index < 50; index++) {
			const value = await call('States.MathRandom($.FunctionInput.fst, $.FunctionInput.snd)', {fst: 9999, snd: 99_999}) as number;
			expect(Number.isInteger(value) && value >= 9999 && value < 99_999).toBe(true);
		}
	});

	test('States.UUID is a v4 UUID', async () => {
		expect(await call('States.UUID()', null)).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
	});
});

describe('failures', () => {
	test('a path argument that selects nothing is States.Runtime, like any payload path', async () => {
		const error = await failure('States.ArrayLength($.nothing)', []);
		expect(error.error).toBe('States.Runtime');
		expect(error.cause).toBe('The JSONPath \'$.nothing\' specified for the field \'FunctionResult.$\' could not be found in the input \'{"FunctionInput":[]}\'');
	});

	test('a wrong argument is States.IntrinsicFailure', async () => {
		expect((await failure('States.ArrayGetItem($.FunctionInput, 3)', [1])).error).toBe('States.IntrinsicFailure');
		expect((await failure('States.ArrayLength($.FunctionInput)', 'text')).error).toBe('States.IntrinsicFailure');
		expect((await failure('States.StringToJson($.FunctionInput)', '{')).error).toBe('States.IntrinsicFailure');
	});

	test.each([
		'States.Format(',
		'States.Format(\'x)',
		'States.Array($.a,)',
		'States.Array(foo)',
		`${'States.Array('.repeat(11)}${')'.repeat(11)}`,
	])('%j does not parse', text => {
		expect(() => parseIntrinsic(text)).toThrow(IntrinsicSyntaxError);
	});

	test('ten nested calls parse', () => {
		expect(parseIntrinsic(`${'States.Array('.repeat(10)}${')'.repeat(10)}`).name).toBe('States.Array');
	});
});

test('States.MathRandom with a seed gives the same number every time', async () => {
	const first = await call('States.MathRandom($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)', {fst: 0, snd: 999, trd: 3});
	expect(await call('States.MathRandom($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)', {fst: 0, snd: 999, trd: 3})).toBe(first);
	expect(first).toBe(new JavaRandom(3).nextInt(999));
});
