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
