/*
 * JSONata states: Arguments, Output, Assign, Catch, Choice Condition, the
 * Step Functions functions, and AWS's QueryEvaluationError causes (recorded in
 * LocalStack v2/assign/test_assign_reference_variables.snapshot.json
 * test_undefined_reference, v2/outputdecl/test_output.snapshot.json,
 * v2/states_variables/test_error_output.snapshot.json,
 * v2/intrinsic_functions/test_math_operations_jsonata.snapshot.json,
 * v2/intrinsic_functions/test_array_jsonata.snapshot.json).
 */
import {describe, expect, test} from 'vitest';
import {caughtOutput, choose, effectiveInput, mapItems, numericField, stateOutput, stateResult, StatesError, type AslState} from '../../../source/local/asl/index.js';
import {stepFunctionsFunctions} from '../../../source/local/asl/jsonata/step-functions-functions.js';
import {stateEnv} from './asl-env.js';

const jsonataEnv = (variables?: Record<string, unknown>) => stateEnv({language: 'JSONata', variables, stateName: 'State0', enteredEventId: 2});
const prefix = 'An error occurred while executing the state \'State0\' (entered at the event id #2). ';

async function failure(promise: Promise<unknown>): Promise<StatesError> {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	expect(error).toBeInstanceOf(StatesError);
	return error as StatesError;
}

describe('templates', () => {
	test('strings that are exactly {% … %} are expressions; everything else is literal (BASE_LITERALS)', async () => {
		const output = {
			constant_not_jsonata: ' {% states.input %} ',
			constant_varpath_states: '$states.input',
			constant_jp_input_path: '$.input_value',
			'constant_jp_input.$': '$',
			constant_if: 'States.Format(\'Format:{}\', 101)',
			list: [null, 0, 0.1, true, [], {constant: 0}],
		};
		expect((await stateOutput({Type: 'Pass', Output: output}, {input_value: 'x'}, jsonataEnv())).output).toEqual(output);
	});

	test('expressions anywhere in Arguments and Output, with $states and variables (BASE_EXPR)', async () => {
		const env = jsonataEnv({var_constant_1: 1, var_input_value: 'string literal'});
		const task: AslState = {Type: 'Task', Arguments: {v: '{% $var_input_value %}', n: ['{% 3 + 4 %}'], input: '{% $states.input %}'}, Output: {result: '{% $states.result.Payload %}', name: '{% $states.context.State.Name %}'}};
		expect(await effectiveInput(task, {a: 1}, env)).toEqual({v: 'string literal', n: [7], input: {a: 1}});
		expect(await stateResult(task, {a: 1}, {Payload: 'done'}, env)).toEqual({output: {result: 'done', name: 'State0'}, assign: undefined});
	});

	test('Output may be any JSON value; no Output passes the result on (test_base_output_any_non_dict)', async () => {
		for (const value of [null, 0, 0.1, true, 'string literal', [], [1, {a: 2}]]) {
			expect((await stateOutput({Type: 'Pass', Output: value}, {input_value: 'x'}, jsonataEnv())).output).toEqual(value);
		}

		expect((await stateOutput({Type: 'Pass', Output: '{% $states.input %}'}, {input_value: 'x'}, jsonataEnv())).output).toEqual({input_value: 'x'});
		expect((await stateResult({Type: 'Task'}, {a: 1}, {b: 2}, jsonataEnv())).output).toEqual({b: 2});
	});

	test('Assign and Output both see the variables from before the state', async () => {
		const state: AslState = {Type: 'Pass', Assign: {x: '{% $x + 1 %}', y: '{% $x %}'}, Output: {x: '{% $x %}'}};
		expect(await stateOutput(state, {}, jsonataEnv({x: 1}))).toEqual({output: {x: 1}, assign: {x: 2, y: 1}});
	});
});

describe('failures are States.QueryEvaluationError (test_undefined_reference)', () => {
	test.each([
		[{Type: 'Pass', Output: '{% $doesNotExist %}'}, 'Output'],
		[{Type: 'Pass', Output: {result: '{% $doesNotExist %}'}}, 'Output/result'],
		[{Type: 'Pass', Assign: {result: '{% $doesNotExist %}'}}, 'Assign/result'],
		[{Type: 'Pass', Output: {values: ['{% $doesNotExist %}']}}, 'Output/values[0]'],
	] as Array<[AslState, string]>)('%j', async (state, field) => {
		const error = await failure(stateOutput(state, {}, jsonataEnv()));
		expect(error.error).toBe('States.QueryEvaluationError');
		expect(error.cause).toBe(`${prefix}The JSONata expression '$doesNotExist' specified for the field '${field}' returned nothing (undefined).`);
		expect(error.location).toBe(field);
	});

	test('Arguments', async () => {
		expect((await failure(effectiveInput({Type: 'Task', Arguments: {FunctionName: '{% $doesNotExist %}'}}, {}, jsonataEnv()))).cause)
			.toBe(`${prefix}The JSONata expression '$doesNotExist' specified for the field 'Arguments/FunctionName' returned nothing (undefined).`);
	});

	test('an error while evaluating carries JSONata\'s code and message (test_math_random_seeded)', async () => {
		const error = await failure(stateOutput({Type: 'Pass', Output: {FunctionResult: '{% $randomSeeded($states.input.FunctionInput.fst) %}'}}, {FunctionInput: {fst: 0}}, jsonataEnv()));
		expect(error.cause).toBe(`${prefix}The JSONata expression '$randomSeeded($states.input.FunctionInput.fst)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function`);
	});
});

describe('Catch (test_error_output)', () => {
	const errorOutput = {Error: 'Exception', Cause: '{"errorMessage":"Some exception was raised."}'};

	test('Output and Assign see $states.errorOutput and $states.input', async () => {
		const catcher = {ErrorEquals: ['States.ALL'], Next: 'Fallback', Output: {error: {stateInput: '{% $states.input %}', stateError: '{% $states.errorOutput %}'}}, Assign: {errorVar: '{% $states.errorOutput %}', inputVar: '{% $states.input %}'}};
		expect(await caughtOutput(catcher, {inputData: 'dummy'}, errorOutput, jsonataEnv())).toEqual({
			output: {error: {stateInput: {inputData: 'dummy'}, stateError: errorOutput}},
			assign: {errorVar: errorOutput, inputVar: {inputData: 'dummy'}},
		});
	});

	test('without Output the error output is the output', async () => {
		expect((await caughtOutput({ErrorEquals: ['States.ALL'], Next: 'F'}, {}, errorOutput, jsonataEnv())).output).toEqual(errorOutput);
	});
});

describe('Choice Condition', () => {
	const state: AslState = {
		Type: 'Choice',
		Choices: [{Condition: '{% $states.input.condition %}', Next: 'ConditionTrue', Assign: {Assignment: 'Condition assignment'}, Output: {picked: true}}],
		Default: 'DefaultState',
		Assign: {Assignment: 'Default Assignment'},
	};

	// Test_assign_base.snapshot.json test_assign_in_choice[CONDITION_TRUE/FALSE]
	test('the matched rule\'s Assign and Output, or the state\'s on Default', async () => {
		expect(await choose(state, {condition: true}, jsonataEnv())).toEqual({next: 'ConditionTrue', output: {picked: true}, assign: {Assignment: 'Condition assignment'}});
		expect(await choose(state, {condition: false}, jsonataEnv())).toEqual({next: 'DefaultState', output: {condition: false}, assign: {Assignment: 'Default Assignment'}});
	});

	test('a Condition that is not a boolean fails', async () => {
		const error = await failure(choose(state, {condition: 'yes'}, jsonataEnv()));
		expect(error.error).toBe('States.QueryEvaluationError');
		expect(error.cause).toContain('Expected \'boolean\', but was \'string\'');
	});
});

describe('the functions Step Functions adds', () => {
	test('values from the AWS guide', async () => {
		const output = await stateOutput({Type: 'Pass', Output: {
			parse: '{% $parse(\'{"a":1}\').a %}',
			partition: '{% $partition([1,2,3,4], 2) %}',
			range: '{% $range(0, 6, 2) %}',
			hash: '{% $hash("input", "SHA-1") %}',
			seeded: '{% $random(42) %}',
		}}, {}, jsonataEnv());
		expect(output.output).toEqual({
			parse: 1,
			partition: [[1, 2], [3, 4]],
			range: [0, 2, 4, 6],
			hash: '140f86aae51ab9e1cda9b4254fe98a74eb54c1a1',
			seeded: 0.7275636800328681,
		});
	});

	// Recorded in LocalStack v2/intrinsic_functions/test_array_jsonata.snapshot.json (test_array_range, test_array_partition).
	test.each([
		['$range(1, 9, 9)', 1],
		['$range(0, 10, 3)', [0, 3, 6, 9]],
		['$range(1, 9, 2)', [1, 3, 5, 7, 9]],
		['[$range(1, 9, 9)]', [1]],
		['$count($range(1, 9, 9))', 1],
		['$partition([0], 1)', [[0]]],
		['$partition([0, 1, 2], 5)', [[0, 1, 2]]],
		['$range(5, 1, 1)', []],
	])('%s is %j, as AWS answers: a one-item $range is its item', async (expression, expected) => {
		const output = await stateOutput({Type: 'Pass', Output: `{% ${expression} %}`}, {}, jsonataEnv());
		expect(output.output).toEqual(expected);
	});

	test('$random(seed) is java.util.Random', () => {
		expect(stepFunctionsFunctions.random(0)).toBe(0.730967787376657);
		expect(stepFunctionsFunctions.uuid()).toMatch(/^[\d\-a-f]{36}$/);
	});
});

test('an expression that loops for a long time still lets other work run (the event loop is not held)', async () => {
	let ticks = 0;
	const timer = setInterval(() => {
		ticks++;
	}, 5);
	try {
		await stateOutput({Type: 'Pass', Output: '{% $sum($map([1..200000], function($v){ $v * 2 })) %}'}, {}, jsonataEnv());
	} finally {
		clearInterval(timer);
	}

	expect(ticks).toBeGreaterThan(0);
});

describe('fields inside a Choice rule or a Catch are named by index (floci-io/floci pull request 2689, measured on AWS)', () => {
	test('a matched rule\'s Output', async () => {
		const state: AslState = {Type: 'Choice', Choices: [{Condition: '{% false %}', Next: 'A'}, {Condition: '{% true %}', Next: 'B', Output: {v: '{% $nothing %}'}}], Default: 'A'};
		const error = await failure(choose(state, {}, jsonataEnv()));
		expect(error.cause).toBe(`${prefix}The JSONata expression '$nothing' specified for the field 'Choices[1]/Output/v' returned nothing (undefined).`);
	});

	test('a rule without Output leaves the state\'s Output to apply', async () => {
		const state: AslState = {Type: 'Choice', Choices: [{Condition: '{% true %}', Next: 'B'}], Output: {picked: 'state'}, Default: 'A'};
		expect((await choose(state, {}, jsonataEnv())).output).toEqual({picked: 'state'});
	});

	test('a catcher\'s Assign', async () => {
		const error = await failure(caughtOutput({ErrorEquals: ['States.ALL'], Next: 'F', Assign: {x: '{% $nothing %}'}}, {}, {Error: 'E', Cause: 'C'}, jsonataEnv(), 0));
		expect(error.cause).toBe(`${prefix}The JSONata expression '$nothing' specified for the field 'Catch[0]/Assign/x' returned nothing (undefined).`);
	});
});

test('$eval is not offered: T1006 (floci-io/floci issue 2737, measured on AWS)', async () => {
	const error = await failure(stateOutput({Type: 'Pass', Output: {r: '{% $eval("1+1") %}'}}, {}, jsonataEnv()));
	expect(error.cause).toBe(`${prefix}The JSONata expression '$eval("1+1")' specified for the field 'Output/r' threw an error during evaluation. T1006: Attempted to invoke a non-function`);
});

// LocalStack v2/query_language/test_mixed_query_language.snapshot.json test_task_dataflow_to_state
test('a JSONPath state hands its output and variables to a JSONata task', async () => {
	const riddle = 'What is the answer to life, the universe, and everything?';
	const jsonPath: AslState = {QueryLanguage: 'JSONPath', Type: 'Pass', Result: {riddle}, Assign: {answer: 42, 'inputData.$': '$'}, OutputPath: '$', ResultPath: '$.enigma.mystery'};
	const first = await stateOutput(jsonPath, {functionName: 'f'}, stateEnv());
	expect(first).toEqual({output: {functionName: 'f', enigma: {mystery: {riddle}}}, assign: {answer: 42, inputData: {riddle}}});

	const env = stateEnv({language: 'JSONata', variables: first.assign});
	const task: AslState = {
		QueryLanguage: 'JSONata', Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke',
		Arguments: {FunctionName: '{% $states.input.functionName %}', Payload: {theQuestion: '{% $states.input.enigma.mystery.riddle %}', theAnswer: '{% $answer %}'}},
		Assign: {answer: '<omitted>', message: '{% $states.result %}'},
		Output: {result: '{% $states.result.Payload %}'},
	};
	expect(await effectiveInput(task, first.output, env)).toEqual({FunctionName: 'f', Payload: {theQuestion: riddle, theAnswer: 42}});
	const result = {ExecutedVersion: '$LATEST', Payload: {theQuestion: riddle, theAnswer: 42}};
	expect(await stateResult(task, first.output, result, env)).toEqual({output: {result: {theQuestion: riddle, theAnswer: 42}}, assign: {answer: '<omitted>', message: result}});
});

// LocalStack v2/evaluate_jsonata/test_base_evaluate_expressions.snapshot.json
describe('expressions AWS evaluated (test_base_evaluate_expressions)', () => {
	test.each([
		[String.raw`{% $contains("hello$world", /^hello\$/) %}`, true],
		[String.raw`{% $contains("hello$world", /^hello\ /) %}`, false],
		[String.raw`{% $contains('hello$world', /^hello\$/) %}`, true],
	])('%s is %s', async (expression, expected) => {
		expect((await stateOutput({Type: 'Pass', Output: expression}, {}, jsonataEnv())).output).toBe(expected);
	});

	test('Items as an array with expressions inside', async () => {
		expect(await mapItems({Type: 'Map', Items: [1, '{% $number("2") %}', 3]}, {}, jsonataEnv())).toEqual([1, 2, 3]);
	});

	test('a number field given by a binding expression', async () => {
		expect(await numericField({Type: 'Task', HeartbeatSeconds: '{% $variable := 1 %}'}, 'HeartbeatSeconds', {}, jsonataEnv())).toBe(1);
	});
});
