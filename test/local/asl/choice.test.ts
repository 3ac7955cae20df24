/*
 * Choice rules. The operator cases are AWS's recorded answers in LocalStack
 * tests/aws/services/stepfunctions/v2/choice_operators/*.snapshot.json
 * ({"Variable": …, "Value": …} → ConditionTrue / ConditionFalse), run through
 * the same shape of Choice state those tests use.
 */
import {describe, expect, test} from 'vitest';
import {choose, StatesError, type AslState} from '../../../source/local/asl/index.js';
import {stringMatches} from '../../../source/local/asl/choice/string-matches.js';
import {stateEnv} from './asl-env.js';

function choiceState(operator: string, operand: unknown): AslState {
	return {
		Type: 'Choice',
		Choices: [{Variable: '$.Variable', [operator]: operand, Next: 'ConditionTrue'}],
		Default: 'ConditionFalse',
	};
}

async function decide(operator: string, variable: unknown, value: unknown): Promise<boolean> {
	const operand = operator.endsWith('Path') ? '$.Value' : value;
	const {next} = await choose(choiceState(operator, operand), {Variable: variable, Value: value}, stateEnv());
	return next === 'ConditionTrue';
}

const otherTypes = [null, 0, 1.1, '', ' ', [], [''], {}, {A: 0}, false, true];

describe('string operators (test_string_operators)', () => {
	test('StringEquals matches only the same string', async () => {
		for (const variable of otherTypes) {
			expect(await decide('StringEquals', variable, 'HelloWorld')).toBe(false);
		}

		expect(await decide('StringEquals', ' ', ' '.repeat(5))).toBe(false);
		expect(await decide('StringEquals', '\t\n', '\t\r\n')).toBe(false);
		expect(await decide('StringEquals', 'Hello', 'Hello')).toBe(true);
		expect(await decide('StringEqualsPath', 'Hello', 'Hello')).toBe(true);
	});

	test.each([
		['StringGreaterThan', '', '', false],
		['StringGreaterThan', 'A', 'A ', false],
		['StringGreaterThan', 'AB', 'ABC', false],
		['StringGreaterThanEquals', '', '', true],
		['StringGreaterThanEquals', 'A', 'AB', false],
		['StringGreaterThanEquals', 'AB', 'A', true],
		['StringLessThan', '', '', false],
		['StringLessThan', 'A', 'AB', true],
		['StringLessThan', 'AB', 'A', false],
		['StringLessThanEquals', '', '', true],
		['StringLessThanEquals', 'A', 'AB', true],
		['StringLessThanEquals', 'AB', 'A', false],
	])('%s(%j, %j) is %s, and so is its Path form', async (operator, variable, value, expected) => {
		expect(await decide(operator, variable, value)).toBe(expected);
		expect(await decide(`${operator}Path`, variable, value)).toBe(expected);
	});
});

describe('numeric operators (test_numeric)', () => {
	test.each([
		['NumericEquals', 0, 0, true],
		['NumericEquals', 0, 0, true],
		['NumericEquals', 1, 1, true],
		['NumericEquals', 1.1, 1, false],
		['NumericEquals', 2.22, 2.22, true],
		['NumericGreaterThan', 1, 0, true],
		['NumericGreaterThan', 0, 0, false],
		['NumericGreaterThanEquals', 0, 0, true],
		['NumericGreaterThanEquals', 0, 1, false],
		['NumericLessThan', 0, 1, true],
		['NumericLessThan', 1, 1, false],
		['NumericLessThanEquals', 1, 1, true],
		['NumericLessThanEquals', 1, 0, false],
	])('%s(%j, %j) is %s', async (operator, variable, value, expected) => {
		expect(await decide(operator, variable, value)).toBe(expected);
		expect(await decide(`${operator}Path`, variable, value)).toBe(expected);
	});

	test('a value that is not a number never matches', async () => {
		for (const variable of [null, '', ' ', [], [''], {}, {A: 0}, false, true]) {
			expect(await decide('NumericEquals', variable, 0)).toBe(false);
			expect(await decide('NumericLessThan', variable, 1)).toBe(false);
		}
	});
});

test('BooleanEquals (test_boolean_equals)', async () => {
	expect(await decide('BooleanEquals', true, true)).toBe(true);
	expect(await decide('BooleanEquals', false, false)).toBe(true);
	expect(await decide('BooleanEquals', false, true)).toBe(false);
	expect(await decide('BooleanEquals', 1, true)).toBe(false);
	expect(await decide('BooleanEqualsPath', 'true', true)).toBe(false);
});

describe('type tests (test_is_operators)', () => {
	test.each([
		['IsNull', [null], [0, '', [], {}, false]],
		['IsNumeric', [0, 1.1], [null, '', ' ', '1', [], {}, false]],
		['IsString', ['', ' ', '2012-10-09T19:00:55', '2023-02-24'], [null, 0, [], {}, false]],
		['IsBoolean', [true, false], [null, 0, '', [], {}]],
		['IsTimestamp', ['2012-10-09T19:00:55Z', '2012-10-09T19:00:55+01:00', '2016-03-14T01:59:00.123Z'], ['2012-10-09T19:00:55', '2023-02-24', '2023-02-24 12:15:56.832957', 0, null]],
	])('%s', async (operator, matching, others) => {
		for (const value of matching) {
			expect(await decide(operator, value, true)).toBe(true);
			expect(await decide(operator, value, false)).toBe(false);
		}

		for (const value of others) {
			expect(await decide(operator, value, false)).toBe(true);
		}
	});

	test('IsPresent holds for anything there, null included, and is the one operator a missing Variable may use', async () => {
		for (const value of [null, 0, '', [], {}, false]) {
			expect(await decide('IsPresent', value, true)).toBe(true);
		}

		const state: AslState = {Type: 'Choice', Choices: [{Variable: '$.missing', IsPresent: false, Next: 'Absent'}], Default: 'Present'};
		expect((await choose(state, {}, stateEnv())).next).toBe('Absent');
	});
});

describe('timestamps (test_timestamp_operators)', () => {
	const t0 = '2012-10-09T19:00:55Z';
	const t1 = '2012-10-09T19:00:56Z';
	test.each([
		['TimestampEquals', t0, t0, true],
		['TimestampEquals', t0, t1, false],
		['TimestampGreaterThan', t1, t0, true],
		['TimestampGreaterThan', t0, t1, false],
		['TimestampLessThan', t0, t1, true],
		['TimestampLessThanEquals', t0, t0, true],
		['TimestampGreaterThanEquals', t0, t1, false],
		['TimestampEquals', '2012-10-09T20:00:55+01:00', t0, true],
	])('%s(%s, %s) is %s', async (operator, variable, value, expected) => {
		expect(await decide(operator, variable, value)).toBe(expected);
		expect(await decide(`${operator}Path`, variable, value)).toBe(expected);
	});

	test('values that are not timestamps never match', async () => {
		for (const variable of [null, 0, '', '2023-02-24 12:15:56.832957', [], {}, true]) {
			expect(await decide('TimestampEquals', variable, t0)).toBe(false);
		}
	});
});

describe('StringMatches', () => {
	test.each([
		['log-2026.txt', 'log-*.txt', true],
		['log.txt', 'log-*.txt', false],
		['anything', '*', true],
		['a*b', 'a\\*b', true],
		['axb', 'a\\*b', false],
		['a\\b', 'a\\\\b', true],
		['abcabc', '*bc*bc', true],
		['abc', 'a*b*c*d', false],
	])('%j matches %j: %s', (value, pattern, expected) => {
		expect(stringMatches(value, pattern)).toBe(expected);
	});
});

describe('combinators and the state', () => {
	const state: AslState = {
		Type: 'Choice',
		InputPath: '$.order',
		OutputPath: '$.id',
		Choices: [
			{And: [{Variable: '$.total', NumericGreaterThan: 100}, {Not: {Variable: '$.vip', BooleanEquals: true}}], Next: 'Review'},
			{Or: [{Variable: '$.country', StringEquals: 'NZ'}, {Variable: '$$.Execution.Name', StringMatches: 'test-*'}], Next: 'Local'},
		],
		Default: 'Ship',
	};

	test('And / Or / Not, InputPath and OutputPath', async () => {
		expect(await choose(state, {order: {id: 1, total: 150, vip: false}}, stateEnv())).toEqual({next: 'Review', output: 1, assign: undefined});
		expect((await choose(state, {order: {id: 2, total: 150, vip: true, country: 'NZ'}}, stateEnv())).next).toBe('Local');
		expect((await choose(state, {order: {id: 3, total: 5, vip: true, country: 'DE'}}, stateEnv())).next).toBe('Ship');
	});

	test('no rule matches and no Default: States.NoChoiceMatched', async () => {
		const strict: AslState = {Type: 'Choice', Choices: [{Variable: '$.a', StringEquals: 'x', Next: 'X'}]};
		await expect(choose(strict, {a: 'y'}, stateEnv())).rejects.toMatchObject({error: 'States.NoChoiceMatched'});
	});

	test('a Variable that selects nothing fails the state with States.Runtime', async () => {
		const strict: AslState = {Type: 'Choice', Choices: [{Variable: '$.a', StringEquals: 'x', Next: 'X'}], Default: 'D'};
		const failure = await choose(strict, {}, stateEnv({stateName: 'Check', enteredEventId: 2})).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(StatesError);
		expect(failure).toMatchObject({error: 'States.Runtime', cause: 'An error occurred while executing the state \'Check\' (entered at the event id #2). Invalid path \'$.a\' : No results for path: $[\'a\']'});
	});

	// Test_assign_reference_variables.snapshot.json test_assign_in_choice_state: the
	// state's own Assign applies when Default is taken; `$` is the input.
	test('Assign of the matched rule, or the state\'s own on Default', async () => {
		const assigning: AslState = {
			Type: 'Choice',
			Choices: [
				{Variable: '$.input_value', IsPresent: false, Assign: {status: 'UNKNOWN'}, Next: 'FinalState'},
				{Variable: '$.input_value', NumericEquals: 42, Assign: {status: 'CORRECT'}, Next: 'FinalState'},
			],
			Assign: {status: 'INCORRECT', 'guess.$': '$.input_value'},
			Default: 'FinalState',
		};
		expect((await choose(assigning, {input_value: '42'}, stateEnv())).assign).toEqual({status: 'INCORRECT', guess: '42'});
		expect((await choose(assigning, {input_value: 42}, stateEnv())).assign).toEqual({status: 'CORRECT'});
	});

	test('a variable as the Variable', async () => {
		const byVariable: AslState = {Type: 'Choice', Choices: [{Variable: '$guess', StringEqualsPath: '$answer', Next: 'Right'}], Default: 'Wrong'};
		expect((await choose(byVariable, {}, stateEnv({variables: {guess: 'the_guess', answer: 'the_answer'}}))).next).toBe('Wrong');
		expect((await choose(byVariable, {}, stateEnv({variables: {guess: 'the_answer', answer: 'the_answer'}}))).next).toBe('Right');
	});
});
