import {describe, expect, test} from 'vitest';
import {jsonText} from '../../../source/local/engine/json-text.js';

describe('jsonText', () => {
	test('writes what JSON.stringify writes', () => {
		const value = {a: [1, 'two', null, undefined, {b: true, c: undefined}], d: NaN, e: new Date(0), f: 'quote"\n'};
		expect(jsonText(value)).toBe(JSON.stringify(value));
		expect(jsonText(undefined)).toBeUndefined();
	});

	test('writes input nested far deeper than JSON.stringify can', () => {
		const text = `${'[{"k":'.repeat(20_000)}1${'}]'.repeat(20_000)}`;
		expect(jsonText(JSON.parse(text))).toBe(text);
	});
});
