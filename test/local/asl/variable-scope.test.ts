import {describe, expect, test} from 'vitest';
import {queryLanguageOf, StatesError, VariableScope} from '../../../source/local/asl/index.js';

describe('VariableScope', () => {
	test('a Map iteration or Parallel branch reads the outer variables', () => {
		const outer = new VariableScope();
		outer.apply({total: 3});
		const inner = outer.child();
		expect(inner.read('total')).toBe(3);
		expect(inner.read('missing')).toBeUndefined();
	});

	test('nothing assigned inside a branch comes back out', () => {
		const outer = new VariableScope();
		const inner = outer.child();
		inner.apply({local: 'x'});
		expect(inner.snapshot()).toEqual({local: 'x'});
		expect(outer.snapshot()).toEqual({});
	});

	test('an inner scope cannot assign an outer variable', () => {
		const outer = new VariableScope();
		outer.apply({total: 3});
		const inner = outer.child();
		expect(() => {
			inner.apply({total: 4});
		}).toThrow(StatesError);
		expect(outer.read('total')).toBe(3);
	});

	test('the snapshot shows every variable in scope', () => {
		const outer = new VariableScope();
		outer.apply({a: 1, b: 2});
		const inner = outer.child();
		inner.apply({c: 3});
		expect(inner.snapshot()).toEqual({a: 1, b: 2, c: 3});
	});
});

test('a state\'s QueryLanguage wins over the machine\'s; JSONPath by default', () => {
	expect(queryLanguageOf({}, {})).toBe('JSONPath');
	expect(queryLanguageOf({}, {QueryLanguage: 'JSONata'})).toBe('JSONata');
	expect(queryLanguageOf({QueryLanguage: 'JSONPath'}, {QueryLanguage: 'JSONata'})).toBe('JSONPath');
});

describe('size limits', () => {
	test('one variable over 256 KiB is refused with States.DataLimitExceeded', () => {
		const scope = new VariableScope();
		expect(() => {
			scope.apply({big: 'x'.repeat(262_144)}, 'Load');
		}).toThrow(/Load/);
		expect(scope.has('big')).toBe(false);
	});

	test('one Assign over 256 KiB in total is refused', () => {
		const scope = new VariableScope();
		const half = 'x'.repeat(140_000);
		expect(() => {
			scope.apply({a: half, b: half});
		}).toThrow(StatesError);
	});

	test('an execution holds at most 10 MiB of variables; replacing a variable frees its bytes', () => {
		const scope = new VariableScope();
		const chunk = 'x'.repeat(250_000);
		for (let index = 0; index < 41; index++) {
			scope.apply({[`v${index}`]: chunk});
		}

		expect(() => {
			scope.apply({v99: chunk});
		}).toThrow(StatesError);
		scope.apply({v0: chunk});
		expect(scope.read('v0')).toBe(chunk);
	});
});
