/*
 * Definition validation. Expected codes, messages and locations are AWS's,
 * each case naming where it was recorded or measured.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {invalidDefinitionMessage, validateDefinition, type Diagnostic} from '../../../source/local/asl/index.js';
import {orderEventsExpress, orderFulfillment, orderProcessing} from '../../../source/local/demo/machines.js';

const errorsOf = async (definition: unknown, type?: 'STANDARD' | 'EXPRESS'): Promise<Diagnostic[]> =>
	(await validateDefinition(typeof definition === 'string' ? definition : JSON.stringify(definition), {type})).diagnostics.filter(diagnostic => diagnostic.severity === 'ERROR');

const pass = (extra: Record<string, unknown> = {}) => ({Type: 'Pass', End: true, ...extra});
const machine = (states: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({StartAt: Object.keys(states)[0], States: states, ...extra});
const error = (code: string, message: string, location?: string): Diagnostic => ({severity: 'ERROR', code, message, ...(location !== undefined && {location})});
const schema = (message: string, location: string) => error('SCHEMA_VALIDATION_FAILED', message, location);

describe('what AWS recorded (LocalStack v2/test_sfn_api_validation.snapshot.json)', () => {
	test('blank text', async () => {
		expect(await errorsOf(' ')).toEqual([{severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object'}]);
	});

	test('not JSON: Jackson\'s message and position', async () => {
		const source = '[Source: (String)"not a definition"; line: 1, column: 4]';
		expect(await errorsOf('not a definition')).toEqual([error('INVALID_JSON_DESCRIPTION', `Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at ${source}`, source)]);
	});

	test('an empty object, then one without StartAt', async () => {
		expect(await errorsOf('{}')).toEqual([schema('These fields are required: [States, StartAt]', '/')]);
		expect(await errorsOf({States: {A: pass()}})).toEqual([schema('These fields are required: [StartAt]', '/')]);
	});

	test('a JSONPath state under a JSONata machine', async () => {
		expect(await errorsOf(machine({Pass: pass({QueryLanguage: 'JSONPath'})}, {QueryLanguage: 'JSONata'})))
			.toEqual([schema('\'QueryLanguage\' can not be \'JSONPath\' if set to \'JSONata\' for whole state machine', '/States/Pass')]);
		expect(await errorsOf(machine({Pass: pass({QueryLanguage: 'JSONata'})}))).toEqual([]);
	});

	test('Express machines cannot wait for a task token, run .sync, or use activities (test_sfn_api_express)', async () => {
		expect(await errorsOf(machine({SendMessageWithWait: {Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true}}), 'EXPRESS'))
			.toEqual([schema('Express state machine does not support \'.waitForTaskToken\' service integration ', '/States/SendMessageWithWait/Resource')]);
		expect(await errorsOf(machine({StartExecution: {Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', End: true}}), 'EXPRESS'))
			.toEqual([schema('Express state machine does not support \'.sync\' service integration', '/States/StartExecution/Resource')]);
		expect(await errorsOf(machine({ActivityTask: {Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:work', End: true}}), 'EXPRESS'))
			.toEqual([schema('Express state machine does not support Activity ARN', '/States/ActivityTask/Resource')]);
		expect(await errorsOf(machine({ActivityTask: {Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:work', End: true}}), 'STANDARD')).toEqual([]);
	});
});

describe('InvalidDefinition answers AWS recorded', () => {
	test('a missing States (test_sfn_api test_create_delete_invalid_sm)', async () => {
		expect(invalidDefinitionMessage(await errorsOf({StartAt: 'A'}))).toBe('Invalid State Machine Definition: \'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /\'');
	});

	test('a dangling Next and the state it leaves unreachable (localstack issue 11978, reproduced on AWS)', async () => {
		const definition = {StartAt: 'pass1', States: {pass1: {Type: 'Pass', Next: 'pass3'}, pass2: pass()}};
		expect(invalidDefinitionMessage(await errorsOf(definition))).toBe('Invalid State Machine Definition: \'MISSING_TRANSITION_TARGET: Missing \'Next\' target: pass3 at /States/pass1/Next, MISSING_TRANSITION_TARGET: State "pass2" is not reachable. at /States/pass2\'');
	});

	test('a Wait Timestamp that is not RFC 3339, in either language (test_wait_timestamp_invalid)', async () => {
		for (const timestamp of ['2016-12-05 21:29:29Z', '2016-12-05T21:29:29', '2016-13-05T21:29:29Z', '2016-12-05T25:29:29Z', '05-12-2016T21:29:29Z']) {
			const message = 'Invalid State Machine Definition: \'SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/WaitUntil/Timestamp\'';
			expect(invalidDefinitionMessage(await errorsOf(machine({WaitUntil: {Type: 'Wait', Timestamp: timestamp, End: true}})))).toBe(message);
			expect(invalidDefinitionMessage(await errorsOf(machine({WaitUntil: {Type: 'Wait', Timestamp: timestamp, End: true}}, {QueryLanguage: 'JSONata'})))).toBe(message);
		}
	});

	test('an intrinsic with an escape AWS does not know (test_illegal_escapes)', async () => {
		const definition = machine({IntrinsicEscape: pass({Parameters: {'parsed.$': 'States.StringToJson(\'{"text":"An \\"escaped double quote\\" here"}\')'}})});
		expect(invalidDefinitionMessage(await errorsOf(definition))).toBe('Invalid State Machine Definition: \'SCHEMA_VALIDATION_FAILED: The value for the field \'parsed.$\' must be a valid JSONPath or a valid intrinsic function call at /States/IntrinsicEscape/Parameters\'');
	});

	test('Credentials without RoleArn (test_invalid_credentials_field)', async () => {
		expect(await errorsOf(machine({State0: {Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: {}, End: true}})))
			.toEqual([schema('The field \'RoleArn\' is required but was missing', '/States/State0/Credentials')]);
	});

	test('empty Branches (test_parallel_state_empty_branches) and a Type AWS does not know', async () => {
		expect(await errorsOf(machine({StateName: {Type: 'Parallel', Branches: [], End: true}}))).toEqual([schema('Value cannot be empty', '/States/StateName/Branches')]);
		expect(await errorsOf(machine({ExistingButInvalidState: {Type: 'Invalid', End: true}})))
			.toEqual([schema('The field \'Type\' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]', '/States/ExistingButInvalidState/Type')]);
	});

	test('a finding without a location ends "at null" (floci-io/floci issue 2735, measured on AWS)', async () => {
		expect(invalidDefinitionMessage(await errorsOf({StartAt: 'A', States: {A: {Type: 'Pass', Next: 'B'}, B: {Type: 'Pass', Next: 'A'}}})))
			.toBe('Invalid State Machine Definition: \'MISSING_END_STATE: Workflow has no terminal state at null\'');
	});
});

describe('the graph of each scope', () => {
	test('dangling targets name the word Next wherever they are (floci pull request 2786)', async () => {
		const definition = machine({
			C: {Type: 'Choice', Choices: [{Variable: '$.x', IsPresent: true, Next: 'Nope1'}], Default: 'Nope2'},
			T: {Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ErrorEquals: ['States.ALL'], Next: 'Nope3'}], End: true},
		});
		expect((await errorsOf(definition)).map(item => [item.message, item.location])).toEqual([
			['Missing \'Next\' target: Nope1', '/States/C/Choices[0]/Next'],
			['Missing \'Next\' target: Nope2', '/States/C/Default'],
			['Missing \'Next\' target: Nope3', '/States/T/Catch[0]/Next'],
			['State "T" is not reachable.', '/States/T'],
		]);
	});

	test('no terminal state hides the unreachable-state findings', async () => {
		const definition = {StartAt: 'A', States: {A: {Type: 'Pass', Next: 'B'}, B: {Type: 'Pass', Next: 'A'}, C: {Type: 'Pass', Next: 'A'}}};
		expect(await errorsOf(definition)).toEqual([error('MISSING_END_STATE', 'Workflow has no terminal state')]);
	});

	test('a Next cannot leave its branch', async () => {
		const definition = machine({P: {Type: 'Parallel', End: true, Branches: [{StartAt: 'Inner', States: {Inner: {Type: 'Pass', Next: 'P'}}}]}});
		expect((await errorsOf(definition)).map(item => item.location)).toContain('/States/P/Branches[0]/States/Inner/Next');
	});

	test('state names are unique across branches (DUPLICATE_STATE_NAME)', async () => {
		const definition = machine({
			P: {Type: 'Parallel', Next: 'Add', Branches: [{StartAt: 'Add', States: {Add: pass()}}]},
			Add: pass(),
		});
		expect(await errorsOf(definition)).toEqual([error('DUPLICATE_STATE_NAME', 'Duplicate State name: Add', '/States/Add')]);
	});

	test('a state name over 80 characters (INVALID_STATE_NAME)', async () => {
		const name = 'x'.repeat(81);
		expect(await errorsOf(machine({[name]: pass()}))).toEqual([error('INVALID_STATE_NAME', `Invalid State name: State '${name}' exceeds the 80-character limit allowed by the service`, `/States/${name}`)]);
		expect(await errorsOf(machine({['x'.repeat(80)]: pass()}))).toEqual([]);
	});
});

describe('the shape of states', () => {
	test.each([
		['End together with Next', {A: {Type: 'Pass', Next: 'B', End: true}, B: pass()}, schema('There should only be one of the following fields: [Next, End]', '/States/A')],
		['neither End nor Next', {A: {Type: 'Pass'}}, schema('There should be one of the following fields: [Next, End]', '/States/A')],
		['a state that is null', {A: null}, schema('Expected value of type: OBJECT', '/States/A')],
		['a field the type does not take', {A: pass({TimeoutSeconds: 5})}, schema('Field \'TimeoutSeconds\' is not supported', '/States/A')],
		['Retry on a Pass', {A: pass({Retry: []})}, schema('Field \'Retry\' is not supported', '/States/A')],
		['a Choice without rules', {A: {Type: 'Choice', Default: 'B'}, B: pass()}, schema('These fields are required: [Choices]', '/States/A')],
		['a Choice with an empty list', {A: {Type: 'Choice', Choices: [], Default: 'B'}, B: pass()}, schema('Value cannot be empty', '/States/A/Choices')],
		['a Choice rule without Next', {A: {Type: 'Choice', Choices: [{Variable: '$', StringMatches: 'Test'}], Default: 'B'}, B: pass()}, schema('These fields are required: [Next]', '/States/A/Choices[0]')],
		['a Task without Resource', {A: {Type: 'Task', End: true}}, schema('These fields are required: [Resource]', '/States/A')],
		['a Wait with two times', {A: {Type: 'Wait', Seconds: 1, SecondsPath: '$.s', End: true}}, schema('There should only be one of the following fields: [Seconds, Timestamp, SecondsPath, TimestampPath]', '/States/A')],
		['an Output in a JSONPath state', {A: pass({Output: {}})}, schema('The QueryLanguage is set to \'JSONPath\', but field \'Output\' is only supported for the \'JSONata\' QueryLanguage', '/States/A')],
		['an invalid InputPath', {A: pass({InputPath: 'foo'})}, schema('The value for the field \'InputPath\' must be a valid JSONPath', '/States/A/InputPath')],
		['a ResultPath into a variable', {A: pass({ResultPath: '$x.y'})}, schema('The value for the field \'ResultPath\' must be a valid ReferencePath', '/States/A/ResultPath')],
		['an unknown intrinsic', {A: pass({Parameters: {'x.$': 'States.Nope($.a)'}})}, schema('The value for the field \'x.$\' must be a valid JSONPath or a valid intrinsic function call', '/States/A/Parameters')],
		['a Retry without ErrorEquals', {A: {Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{MaxAttempts: 2}], End: true}}, schema('These fields are required: [ErrorEquals]', '/States/A/Retry[0]')],
		['States.ALL not alone', {A: {Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ErrorEquals: ['States.ALL', 'X']}], End: true}}, schema('States.ALL must appear alone in the last retrier', '/States/A/Retry[0]/ErrorEquals')],
		['a Catch without Next', {A: {Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ErrorEquals: ['X']}], End: true}}, schema('These fields are required: [Next]', '/States/A/Catch[0]')],
		['a Map without a processor', {A: {Type: 'Map', End: true}}, schema('There should be one of the following fields: [ItemProcessor, Iterator]', '/States/A')],
		['QueryLanguage on an ItemProcessor (floci issue 2968)', {A: {Type: 'Map', End: true, ItemProcessor: {QueryLanguage: 'JSONPath', StartAt: 'B', States: {B: pass()}}}}, schema('Field \'QueryLanguage\' is not supported', '/States/A/ItemProcessor')],
	])('%s', async (_, states, expected) => {
		expect(await errorsOf(machine(states as Record<string, unknown>))).toEqual([expected]);
	});

	test('nested Map and Parallel states are checked too', async () => {
		const inner = {StartAt: 'Deep', States: {Deep: {Type: 'Task', End: true}}};
		const definition = machine({M: {Type: 'Map', End: true, ItemProcessor: {StartAt: 'P', States: {P: {Type: 'Parallel', End: true, Branches: [inner]}}}}});
		expect(await errorsOf(definition)).toEqual([schema('These fields are required: [Resource]', '/States/M/ItemProcessor/States/P/Branches[0]/States/Deep')]);
	});
});

describe('JSONata definitions', () => {
	const jsonata = (states: Record<string, unknown>) => machine(states, {QueryLanguage: 'JSONata'});

	test('an expression that does not parse (INVALID_JSONATA_EXPRESSION, floci issue 2745)', async () => {
		expect(await errorsOf(jsonata({Main: pass({Output: '{% 1 + %}'})}))).toEqual([error('INVALID_JSONATA_EXPRESSION', 'Unexpected end of expression', '/States/Main/Output')]);
		expect(await errorsOf(jsonata({Main: pass({Output: {a: ['{% a[1,2) %}']}})}))).toEqual([error('INVALID_JSONATA_EXPRESSION', 'Expected "]", got ","', '/States/Main/Output/a[0]')]);
	});

	test('a bare name at the top level (UNSUPPORTED_JSONATA_EXPRESSION, floci issue 2670)', async () => {
		expect(await errorsOf(jsonata({E: pass({Output: {v: '{% phone %}'}})}))).toEqual([error('UNSUPPORTED_JSONATA_EXPRESSION', 'Reference to \'phone\' at the top level is not supported.', '/States/E/Output/v')]);
		expect(await errorsOf(jsonata({E: pass({Output: {v: '{% $states.input.items[price > 5].name ~> $count() %}'}})}))).toEqual([]);
	});

	test('JSONPath-only fields in a JSONata state (floci issue 2968)', async () => {
		expect(await errorsOf(jsonata({A: pass({InputPath: '$.a'})}))).toEqual([schema('The QueryLanguage is set to \'JSONata\', but field \'InputPath\' is only supported for the \'JSONPath\' QueryLanguage', '/States/A')]);
	});

	test('the states inside a Map inherit the machine\'s language, not the Map\'s', async () => {
		const definition = machine({M: {Type: 'Map', QueryLanguage: 'JSONata', End: true, ItemProcessor: {StartAt: 'P', States: {P: pass({Output: '{% $states.input %}'})}}}});
		expect(await errorsOf(definition)).toEqual([schema('The QueryLanguage is set to \'JSONPath\', but field \'Output\' is only supported for the \'JSONata\' QueryLanguage', '/States/M/ItemProcessor/States/P')]);
	});

	test('Choice Condition may be a literal boolean (test_sfn_api_variable_references)', async () => {
		expect(await errorsOf(jsonata({C: {Type: 'Choice', Choices: [{Condition: true, Next: 'T'}], Default: 'T'}, T: pass()}))).toEqual([]);
	});
});

describe('the definitions sfntop itself ships', () => {
	test.each([
		['examples/order-processing.json', readFileSync('examples/order-processing.json', 'utf8')],
		['test/fixtures/histories/parallel-definition.json', readFileSync('test/fixtures/histories/parallel-definition.json', 'utf8')],
		['test/fixtures/histories/map-definition.json', readFileSync('test/fixtures/histories/map-definition.json', 'utf8')],
		['test/fixtures/histories/catch-definition.json', readFileSync('test/fixtures/histories/catch-definition.json', 'utf8')],
		['demo orderProcessing', JSON.stringify(orderProcessing)],
		['demo orderFulfillment', JSON.stringify(orderFulfillment)],
	])('%s is valid', async (_, text) => {
		const result = await validateDefinition(text);
		expect(result.diagnostics).toEqual([]);
		expect(result.definition).toBeDefined();
	});

	test('the demo Express machine is valid as EXPRESS', async () => {
		expect((await validateDefinition(JSON.stringify(orderEventsExpress), {type: 'EXPRESS'})).diagnostics).toEqual([]);
	});
});

describe('variable references (DescribeStateMachine variableReferences, test_sfn_api_variable_references)', () => {
	test('per state, sorted', async () => {
		const definition = machine({
			Setup: {Type: 'Pass', Assign: {guess: 'the_guess', answer: 'the_answer'}, Next: 'CheckAnswer'},
			CheckAnswer: {Type: 'Choice', Choices: [{Variable: '$guess', StringEqualsPath: '$answer', Next: 'CorrectAnswer'}], Default: 'WrongAnswer'},
			CorrectAnswer: {Type: 'Pass', Result: {state: 'CORRECT'}, End: true},
			WrongAnswer: {Type: 'Pass', Assign: {'guess.$': '$answer'}, Result: {state: 'WRONG'}, Next: 'CheckAnswer'},
		});
		expect((await validateDefinition(JSON.stringify(definition))).variableReferences).toEqual({CheckAnswer: ['answer', 'guess'], WrongAnswer: ['answer']});
	});
});
