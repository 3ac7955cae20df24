/*
 * Validation stays bounded whatever it is given (issue 12 item 4: a Parallel
 * nested 22 deep froze serve for 16 s in the old validator). These tests pin
 * the answers; the time each takes is measured by `npm run bench`.
 */
import {describe, expect, test} from 'vitest';
import {validateDefinition} from '../../../source/local/asl/index.js';

function nestedParallel(depth: number): unknown {
	let branch: unknown = {StartAt: 'Leaf', States: {Leaf: {Type: 'Pass', End: true}}};
	for (let level = depth; level > 0; level--) {
		branch = {StartAt: `P${level}`, States: {[`P${level}`]: {Type: 'Parallel', End: true, Branches: [branch, {StartAt: `Q${level}`, States: {[`Q${level}`]: {Type: 'Pass', End: true}}}]}}};
	}

	return branch;
}

describe('bounded validation', () => {
	test('a Parallel nested 22 deep is valid', async () => {
		expect((await validateDefinition(JSON.stringify(nestedParallel(22)))).diagnostics).toEqual([]);
	});

	test('a Parallel nested 200 deep is valid too (it stays under the JSON depth limit)', async () => {
		expect((await validateDefinition(JSON.stringify(nestedParallel(200)))).diagnostics).toEqual([]);
	});

	test('JSON nested 5,000 deep is refused before it is parsed, the way Jackson refuses it', async () => {
		const text = `{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Result":${'['.repeat(5000)}${']'.repeat(5000)}}}}`;
		const [diagnostic] = (await validateDefinition(text)).diagnostics;
		expect(diagnostic.code).toBe('INVALID_JSON_DESCRIPTION');
		expect(diagnostic.message).toMatch(/^Document nesting depth \(1001\) exceeds the maximum allowed \(1000\)/);
	});

	test('a definition of almost 1 MB with thousands of states is checked in full', async () => {
		const states: Record<string, unknown> = {};
		const count = 3600;
		for (let index = 0; index < count; index++) {
			states[`S${index}`] = {Type: 'Pass', Parameters: {'value.$': '$.a.b[0]', 'text.$': `States.Format('{} {}', $.x, ${index})`, pad: 'x'.repeat(150)}, ...(index === count - 1 ? {End: true} : {Next: `S${index + 1}`})};
		}

		const text = JSON.stringify({StartAt: 'S0', States: states});
		expect(text.length).toBeGreaterThan(900_000);
		expect(text.length).toBeLessThan(1_048_576);
		expect((await validateDefinition(text)).diagnostics).toEqual([]);
	});

	test('more than 1 MB is refused', async () => {
		const text = JSON.stringify({StartAt: 'A', States: {A: {Type: 'Pass', End: true, Result: 'x'.repeat(1_048_576)}}});
		expect((await validateDefinition(text)).diagnostics[0].message).toMatch(/maximum size of a state machine definition is 1048576 bytes/);
	});

	test('a definition with thousands of findings answers with the first 100 and says it is truncated', async () => {
		const states: Record<string, unknown> = {};
		for (let index = 0; index < 500; index++) {
			states[`S${index}`] = {Type: 'Pass', Bogus: true, End: true};
		}

		const result = await validateDefinition(JSON.stringify({StartAt: 'S0', States: states}));
		expect(result.diagnostics).toHaveLength(100);
		expect(result.truncated).toBe(true);
	});

	test('a long JSONata expression nested deeply is refused, not a crash', async () => {
		const expression = `${'('.repeat(3000)}1${')'.repeat(3000)}`;
		const text = JSON.stringify({QueryLanguage: 'JSONata', StartAt: 'A', States: {A: {Type: 'Pass', Output: `{% ${expression} %}`, End: true}}});
		const [diagnostic] = (await validateDefinition(text)).diagnostics;
		expect(diagnostic?.code).toBe('INVALID_JSONATA_EXPRESSION');
	});
});
