/*
 * JSONPath input and output processing, in AWS's order. Causes and
 * assignments are AWS's recorded answers in LocalStack's snapshots, named per test.
 */
import {describe, expect, test} from 'vitest';
import {caughtOutput, effectiveInput, stateOutput, stateResult, StatesError, type AslState} from '../../../source/local/asl/index.js';
import {stateEnv} from './asl-env.js';

async function failureOf(promise: Promise<unknown>): Promise<StatesError> {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	if (!(error instanceof StatesError)) {
		throw new Error(`expected a StatesError, got ${String(error)}`);
	}

	return error;
}

describe('a Task: InputPath → Parameters → [task] → ResultSelector → ResultPath → OutputPath', () => {
	const task: AslState = {
		Type: 'Task',
		Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f',
		InputPath: '$.order',
		Parameters: {'id.$': '$.id', fixed: 'x', 'when.$': '$$.Execution.StartTime', nested: {'items.$': '$.items[*].sku'}},
		ResultSelector: {'status.$': '$.Payload.status'},
		ResultPath: '$.result',
		OutputPath: '$.result',
	};
	const input = {order: {id: 7, items: [{sku: 'a'}, {sku: 'b'}]}, other: true};

	test('the task receives InputPath + Parameters', async () => {
		expect(await effectiveInput(task, input, stateEnv())).toEqual({id: 7, fixed: 'x', when: '2026-11-29T00:00:00.000Z', nested: {items: ['a', 'b']}});
	});

	test('the output is ResultSelector → ResultPath → OutputPath', async () => {
		expect(await stateResult(task, input, {Payload: {status: 'ok', noise: 1}}, stateEnv())).toEqual({output: {status: 'ok'}, assign: undefined});
	});

	test('ResultPath null keeps the input; no ResultPath replaces it with the result', async () => {
		expect((await stateResult({Type: 'Task', ResultPath: null}, {a: 1}, {b: 2}, stateEnv())).output).toEqual({a: 1});
		expect((await stateResult({Type: 'Task'}, {a: 1}, {b: 2}, stateEnv())).output).toEqual({b: 2});
	});

	test('InputPath and OutputPath null give {}', async () => {
		expect(await effectiveInput({Type: 'Task', InputPath: null}, {a: 1}, stateEnv())).toEqual({});
		expect((await stateResult({Type: 'Task', OutputPath: null}, {a: 1}, {b: 2}, stateEnv())).output).toEqual({});
	});
});

describe('paths that select nothing (test_invalid_jsonpath, test_catch_states_runtime)', () => {
	const env = stateEnv({stateName: 'pass', enteredEventId: 2});
	const input = {'int-literal': 0};

	test('InputPath', async () => {
		const error = await failureOf(stateOutput({Type: 'Pass', InputPath: '$.NoSuchInputPath'}, input, env));
		expect(error.error).toBe('States.Runtime');
		expect(error.cause).toBe('An error occurred while executing the state \'pass\' (entered at the event id #2). Invalid path \'$.NoSuchInputPath\' : No results for path: $[\'NoSuchInputPath\']');
	});

	test('OutputPath, deeper than the input goes', async () => {
		const error = await failureOf(stateResult({Type: 'Task', OutputPath: '$.no.such.result.path'}, {}, {}, stateEnv({stateName: 'RaiseRuntime', enteredEventId: 2})));
		expect(error.cause).toBe('An error occurred while executing the state \'RaiseRuntime\' (entered at the event id #2). Invalid path \'$.no.such.result.path\' : Missing property in path $[\'no\']');
	});

	test('a Parameters path, also when it reads $$', async () => {
		const error = await failureOf(stateOutput({Type: 'Pass', Parameters: {'value.$': '$.no_such_jsonpath'}}, input, env));
		expect(error.cause).toBe('An error occurred while executing the state \'pass\' (entered at the event id #2). The JSONPath \'$.no_such_jsonpath\' specified for the field \'value.$\' could not be found in the input \'{"int-literal":0}\'');
		const context = await failureOf(stateOutput({Type: 'Pass', Parameters: {'value.$': '$$.Execution.Input.no_such_jsonpath'}}, input, env));
		expect(context.cause).toContain('The JSONPath \'$$.Execution.Input.no_such_jsonpath\' specified for the field \'value.$\' could not be found in the input \'{"int-literal":0}\'');
	});

	test('without an entered event id the cause is bare (TestState-style)', async () => {
		const error = await failureOf(stateOutput({Type: 'Pass', InputPath: '$.x'}, {}, stateEnv()));
		expect(error.cause).toBe('Invalid path \'$.x\' : No results for path: $[\'x\']');
	});
});

describe('Pass', () => {
	test('Result is literal: ".$" keys in it are not evaluated (choice_operators template)', async () => {
		expect((await stateOutput({Type: 'Pass', Result: {'TestResult.$': 'ConditionTrue'}}, {}, stateEnv())).output).toEqual({'TestResult.$': 'ConditionTrue'});
	});

	test('Result goes where ResultPath says', async () => {
		expect((await stateOutput({Type: 'Pass', Result: 1, ResultPath: '$.r'}, {a: 0}, stateEnv())).output).toEqual({a: 0, r: 1});
	});

	test('values that look like paths or expressions stay text unless their key ends in .$ (BASE_CONSTANT_LITERALS)', async () => {
		const template = {list: ['$.no.such.path', '$varname', '{% $varname %}', '$$', 'States.Format(\'{}\', $varname)']};
		expect((await stateOutput({Type: 'Pass', Parameters: template}, {}, stateEnv())).output).toEqual(template);
	});
});

describe('Assign in JSONPath states (test_assign_reference_variables.snapshot.json)', () => {
	test('$ is the result: Pass Result (BASE_ASSIGN_FROM_RESULT)', async () => {
		expect(await stateOutput({Type: 'Pass', Result: {answer: 42}, Assign: {'theAnswer.$': '$.answer'}}, {}, stateEnv())).toEqual({output: {answer: 42}, assign: {theAnswer: 42}});
	});

	test('$ is the result: Pass Parameters, then a plain Pass (BASE_ASSIGN_FROM_PARAMETERS)', async () => {
		expect(await stateOutput({Type: 'Pass', Parameters: {input: 'PENDING'}, Assign: {'result.$': '$.input'}}, {}, stateEnv())).toEqual({output: {input: 'PENDING'}, assign: {result: 'PENDING'}});
		expect((await stateOutput({Type: 'Pass', Assign: {result: 'SUCCESS', 'originalResult.$': '$.input'}}, {input: 'PENDING'}, stateEnv())).assign).toEqual({result: 'SUCCESS', originalResult: 'PENDING'});
	});

	test('paths, context paths and intrinsics (BASE_PATHS)', async () => {
		const {assign} = await stateOutput({Type: 'Pass', Assign: {
			'str_path_root.$': '$',
			'str_path.$': '$.input_value',
			'str_contextpath.$': '$$.Execution.Id',
			'str_intrinsic_func.$': 'States.Format(\'Format Func {}\', $.input_value)',
		}}, {input_value: 'input_value_literal'}, stateEnv());
		expect(assign).toEqual({
			str_path_root: {input_value: 'input_value_literal'},
			str_path: 'input_value_literal',
			str_contextpath: 'arn:aws:states:us-east-1:123456789012:execution:machine:run-1',
			str_intrinsic_func: 'Format Func input_value_literal',
		});
	});

	test('InputPath and OutputPath read variables as they were before the state (BASE_EVALUATION_ORDER_PASS_STATE)', async () => {
		const state: AslState = {Type: 'Pass', InputPath: '$answer', ResultPath: '$.theAnswer', OutputPath: '$answer', Assign: {answer: '<omitted>'}};
		const env = stateEnv({variables: {answer: 42, question: 'What is the answer?'}});
		expect(await stateOutput(state, {theQuestion: 'What is the answer?'}, env)).toEqual({output: 42, assign: {answer: '<omitted>'}});
	});

	test('Parameters read a variable (BASE_REFERENCE_IN_PARAMETERS)', async () => {
		expect((await stateOutput({Type: 'Pass', Parameters: {'result.$': '$result'}}, {}, stateEnv({variables: {result: 'foobar'}}))).output).toEqual({result: 'foobar'});
	});

	test('a Task\'s Assign reads the result after ResultSelector', async () => {
		const state: AslState = {Type: 'Task', ResultSelector: {'n.$': '$.Payload.n'}, ResultPath: '$.r', Assign: {'count.$': '$.n'}};
		expect(await stateResult(state, {a: 1}, {Payload: {n: 3}}, stateEnv())).toEqual({output: {a: 1, r: {n: 3}}, assign: {count: 3}});
	});
});

describe('Catch (JSONPath)', () => {
	const errorOutput = {Error: 'Exception', Cause: 'boom'};

	test('no ResultPath: the error output replaces the input', async () => {
		expect((await caughtOutput({ErrorEquals: ['States.ALL'], Next: 'F'}, {a: 1}, errorOutput, stateEnv())).output).toEqual(errorOutput);
	});

	test('ResultPath puts it into the input; Assign reads it as $', async () => {
		expect(await caughtOutput({ErrorEquals: ['States.ALL'], Next: 'F', ResultPath: '$.error', Assign: {'last.$': '$.Error'}}, {a: 1}, errorOutput, stateEnv()))
			.toEqual({output: {a: 1, error: errorOutput}, assign: {last: 'Exception'}});
	});
});

test('Wait and Succeed: InputPath → OutputPath', async () => {
	expect((await stateOutput({Type: 'Succeed', InputPath: '$.a', OutputPath: '$.b'}, {a: {b: 1}}, stateEnv())).output).toBe(1);
	expect(await stateOutput({Type: 'Wait', Seconds: 1, Assign: {foo: 'oof'}}, {}, stateEnv())).toEqual({output: {}, assign: {foo: 'oof'}});
});
