import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {displayWidth} from '../../source/model/text/width.js';
import {expectGolden} from '../helpers/golden.js';
import {fixture} from '../helpers/corpus.js';
import {repoRoot, runCli} from '../helpers/run-cli.js';

const golden = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'graph', name);
const order = path.join(repoRoot, 'examples', 'order-processing.json');

describe('sfntop graph', () => {
	test('draws the order workflow top to bottom in order', async () => {
		const result = await runCli(['graph', order, '--no-color', '--width', '80']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const positions = ['ValidateOrder', 'ReserveInventory', 'ChargeCustomer', 'ShipOrder'].map(name => result.stdout.indexOf(name));
		expect(positions.every(position => position >= 0)).toBe(true);
		expect(positions.toSorted((a, b) => a - b)).toEqual(positions);
		expectGolden(golden('order-processing.txt'), result.stdout);
	});

	test.each([
		['choice-parallel.txt', 'choice-parallel.json', '100', []],
		['map-with-parallel.txt', 'map-with-parallel.json', '120', []],
		['deep-nesting.txt', 'deep-nesting.json', '120', []],
		['catch.txt', 'catch-retry.json', '80', []],
		['catch-ascii.txt', 'catch-retry.json', '80', ['--ascii']],
		['compact-40.txt', 'long-names.json', '40', []],
	])('golden %s', async (goldenFile, file, width, extra) => {
		const result = await runCli(['graph', fixture(file), '--no-color', '--width', width, ...extra]);
		expect(result.code).toBe(0);
		for (const line of result.stdout.split('\n')) {
			expect(displayWidth(line)).toBeLessThanOrEqual(Number(width));
		}

		expectGolden(golden(goldenFile), result.stdout);
	});

	test('JSONata states draw like any other; states that assign variables are marked with their names', async () => {
		const file = path.join(repoRoot, 'examples', 'order-jsonata.json');
		const result = await runCli(['graph', file, '--no-color', '--width', '100']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/│ {3}ValidateOrder {7}│\n\s*╰─ \$orderId \$itemCount ─╯/);
		expect(result.stdout).toContain('╰─ $paymentId ─');
		expect(result.stdout).toMatch(/│ {3}ShipOrder │\n\s*╰─+╯/);
		const model = JSON.parse((await runCli(['graph', file, '--json'])).stdout) as {queryLanguage: string; states: Array<Record<string, unknown>>};
		expect(model.queryLanguage).toBe('JSONata');
		expect(model.states.find(state => state.name === 'LargeOrder')).toMatchObject({type: 'Choice', queryLanguage: 'JSONata', assigns: ['priority']});
		expect(model.states.find(state => state.name === 'ShipOrder')!.assigns).toBeUndefined();
	});

	test('--ascii uses no box-drawing characters', async () => {
		const result = await runCli(['graph', order, '--ascii', '--no-color']);
		expect(result.stdout).toMatch(/^[\n\u0020-\u007E]*$/);
	});

	test('colour in a pipe only with FORCE_COLOR, and never with --no-color or NO_COLOR', async () => {
		expect((await runCli(['graph', order, '--width', '80'], {env: {FORCE_COLOR: '1'}})).stdout).toContain('\u001B[');
		expect((await runCli(['graph', order, '--no-color'])).stdout).not.toContain('\u001B');
		expect((await runCli(['graph', order], {env: {NO_COLOR: '1'}})).stdout).not.toContain('\u001B');
	});

	test('reads standard input with -', async () => {
		const result = await runCli(['graph', '-', '--no-color'], {input: '{"StartAt":"Only","States":{"Only":{"Type":"Pass","End":true}}}'});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Only');
	});

	test('reads the describe-state-machine wrapper and SAM templates', async () => {
		const inner = JSON.stringify({StartAt: 'Wrapped', States: {Wrapped: {Type: 'Succeed'}}});
		const wrapped = await runCli(['graph', '-', '--no-color'], {input: JSON.stringify({stateMachineArn: 'arn:x', definition: inner})});
		expect(wrapped.stdout).toContain('Wrapped');
		const sam = await runCli(['graph', '-', '--no-color'], {input: JSON.stringify({Resources: {Machine: {Type: 'AWS::Serverless::StateMachine', Properties: {DefinitionBody: JSON.parse(inner) as unknown}}}})});
		expect(sam.stdout).toContain('Wrapped');
	});

	test('--json lists every state, nested ones included, and every edge', async () => {
		const result = await runCli(['graph', fixture('deep-nesting.json'), '--json']);
		const model = JSON.parse(result.stdout) as {states: Array<{name: string; parent: string | null; type: string}>; edges: Array<{from: string; to: string | null; kind: string}>};
		expect(model.states.some(state => state.parent !== null)).toBe(true);
		expect(model.states.every(state => typeof state.type === 'string')).toBe(true);
		expect(model.edges.some(edge => edge.kind === 'end' && edge.to === null)).toBe(true);
		const orderModel = JSON.parse((await runCli(['graph', order, '--json'])).stdout) as typeof model;
		expect(orderModel.edges).toEqual([
			{from: 'ValidateOrder', to: 'ReserveInventory', kind: 'next'},
			{from: 'ReserveInventory', to: 'ChargeCustomer', kind: 'next'},
			{from: 'ChargeCustomer', to: 'ShipOrder', kind: 'next'},
			{from: 'ShipOrder', to: null, kind: 'end'},
		]);
	});

	test('never prints a line wider than --width, falling back to the compact view', async () => {
		const result = await runCli(['graph', fixture('wide-parallel.json'), '--no-color', '--width', '60']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('┆ branch 6 of 6');
		for (const line of result.stdout.split('\n')) {
			expect(displayWidth(line)).toBeLessThanOrEqual(60);
		}
	});

	test('state names that carry escape sequences are shown, not obeyed', async () => {
		const hostile = JSON.stringify({StartAt: 'Evil\u001B]52;c;ZXZpbA==\u0007\u001B[2J', States: {'Evil\u001B]52;c;ZXZpbA==\u0007\u001B[2J': {Type: 'Pass', End: true}}});
		const result = await runCli(['graph', '-', '--no-color'], {input: hostile});
		expect(result.stdout).not.toContain('\u001B');
		expect(result.stdout).not.toContain('\u0007');
		expect(result.stdout).toContain('Evil\\x1b]52;c;');
	});

	test.each([
		['a missing file', ['graph', 'no-such-file.json'], '', 'sfntop: cannot read no-such-file.json: no such file\n'],
		['no file at all', ['graph'], '', 'sfntop: missing a state machine definition; give a file name, or - to read standard input\n'],
		['invalid JSON', ['graph', '-'], '{\n  "StartAt": "A",\n  "States": {,}\n}', 'sfntop: standard input is not valid JSON: Expected property name or \'}\' at line 3, column 14\n'],
		['JSON that is not ASL', ['graph', '-'], '[1, 2]', 'sfntop: standard input is not an Amazon States Language definition: no "StartAt" and "States" found\n'],
		['StartAt naming a missing state', ['graph', '-'], '{"StartAt":"Nope","States":{"A":{"Type":"Pass","End":true}}}', 'sfntop: StartAt "Nope" of the state machine names no state there\n'],
		['Next naming a missing state', ['graph', '-'], '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}', 'sfntop: Next of state "A" names "B", which is not a state in the state machine\n'],
		['an unknown state type', ['graph', '-'], '{"StartAt":"A","States":{"A":{"Type":"Tusk","End":true}}}', 'sfntop: state "A" has unknown Type "Tusk"; expected one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map\n'],
	])('%s: one line on stderr, exit 2', async (_name, args, input, message) => {
		const result = await runCli(args, {input});
		expect(result.stderr).toBe(message);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
	});
});
