import {describe, expect, test} from 'vitest';
import {parsePath, PathSyntaxError} from '../../../source/local/asl/json-path/parse-path.js';
import {selectPath} from '../../../source/local/asl/json-path/select-path.js';
import {writeAtPath} from '../../../source/local/asl/json-path/write-path.js';
import {StatesError} from '../../../source/local/asl/index.js';

const select = (path: string, document: unknown) => selectPath(parsePath(path), document);

const store = {
	book: [
		{category: 'reference', author: 'Rees', price: 8.95},
		{category: 'fiction', author: 'Waugh', price: 12.99, isbn: 'x'},
		{category: 'fiction', author: 'Tolkien', price: 22.99, isbn: 'y'},
	],
	bicycle: {color: 'red', price: 19.95},
	'int-literal': 0,
};

describe('definite paths select one value', () => {
	test.each([
		['$', store],
		['$.bicycle.color', 'red'],
		['$[\'bicycle\'][\'color\']', 'red'],
		['$.book[1].author', 'Waugh'],
		['$.book[-1].author', 'Tolkien'],
		['$.int-literal', 0],
	])('%s', (path, expected) => {
		expect(select(path, store)).toEqual({found: true, value: expected});
	});

	// Jayway's reasons, as AWS writes them in causes (LocalStack
	// v2/scenarios/test_base_scenarios.snapshot.json: test_invalid_jsonpath, test_catch_states_runtime).
	test('a missing leaf is "No results for path"', () => {
		expect(select('$.NoSuchInputPath', {'int-literal': 0})).toEqual({found: false, reason: 'No results for path: $[\'NoSuchInputPath\']'});
	});

	test('a missing step on the way is "Missing property in path"', () => {
		expect(select('$.no.such.result.path', {})).toEqual({found: false, reason: 'Missing property in path $[\'no\']'});
	});

	test('an index past the end selects nothing', () => {
		expect(select('$.book[7]', store).found).toBe(false);
	});
});

describe('indefinite paths select a list, empty when nothing matches', () => {
	test.each([
		['$.book[*].author', ['Rees', 'Waugh', 'Tolkien']],
		['$..author', ['Rees', 'Waugh', 'Tolkien']],
		['$.book[0,2].author', ['Rees', 'Tolkien']],
		['$.book[1:].author', ['Waugh', 'Tolkien']],
		['$.book[:1].author', ['Rees']],
		['$.book[?(@.price < 10)].author', ['Rees']],
		['$.book[?(@.isbn)].author', ['Waugh', 'Tolkien']],
		['$.book[?(@.category == \'fiction\' && @.price > 20)].author', ['Tolkien']],
		['$.book[?(@.author =~ /T.*/)].price', [22.99]],
		['$.nothing[*]', []],
	])('%s', (path, expected) => {
		expect(select(path, store)).toEqual({found: true, value: expected});
	});
});

describe('roots', () => {
	test('$$ is the context object and $name a variable', () => {
		expect(parsePath('$$.Execution.Id').root).toEqual({kind: 'context'});
		expect(parsePath('$answer.value').root).toEqual({kind: 'variable', name: 'answer'});
		expect(parsePath('$.answer').root).toEqual({kind: 'input'});
	});
});

describe('invalid paths are refused', () => {
	test.each(['', 'foo', '$.', '$[', '$.a[?(@.x <)]', '$..', '$.a b'])('%j', text => {
		expect(() => parsePath(text)).toThrow(PathSyntaxError);
	});
});

describe('ResultPath writes into a copy of the input', () => {
	test('creates missing objects on the way and leaves the original alone', () => {
		const input = {a: {keep: 1}};
		expect(writeAtPath(input, parsePath('$.a.b.c'), 42)).toEqual({a: {keep: 1, b: {c: 42}}});
		expect(input).toEqual({a: {keep: 1}});
	});

	test('$ replaces the whole input', () => {
		expect(writeAtPath({a: 1}, parsePath('$'), 'x')).toBe('x');
	});

	test('a result cannot go under a string: States.ResultPathMatchFailure', () => {
		expect(() => writeAtPath('text', parsePath('$.x'), 1)).toThrow(StatesError);
		try {
			writeAtPath('text', parsePath('$.x'), 1);
		} catch (error) {
			expect((error as StatesError).error).toBe('States.ResultPathMatchFailure');
		}
	});
});

test('a deep scan over input nested 5,000 deep does not overflow the stack', () => {
	let deep: unknown = {leaf: 1};
	for (let index = 0; index < 5000; index++) {
		deep = {child: deep};
	}

	expect(select('$..leaf', deep)).toEqual({found: true, value: [1]});
});
