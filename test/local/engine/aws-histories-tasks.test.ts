/*
 * Task, error and data histories compared with what AWS recorded (our own
 * definitions and expectations; checked against LocalStack's AWS snapshots):
 * v2/services/test_lambda_task.snapshot.json, test_lambda_task_service.snapshot.json,
 * v2/scenarios/test_base_scenarios.snapshot.json (test_lambda_invoke_with_retry_base,
 * test_catch_states_runtime, test_map_state_items_eval_jsonata_fail),
 * v2/error_handling/test_states_errors.snapshot.json (data limits),
 * v2/timeouts/test_timeouts.snapshot.json (test_fixed_timeout_lambda),
 * v2/context_object/test_context_object.snapshot.json, v2/assign/test_assign_base.snapshot.json,
 * v2/assign/test_assign_reference_variables.snapshot.json (test_undefined_reference),
 * v2/base/test_base.snapshot.json (test_state_fail_empty),
 * v2/query_language/test_mixed_query_language.snapshot.json (test_lambda_task_resource_data_flow),
 * v2/error_handling/test_task_service_lambda.snapshot.json (test_no_such_function).
 */
import {describe, expect, test} from 'vitest';
import {details, failWith, handlersOf, identity, lambdaArn, runEngine, shape} from './run-engine.js';

describe('Task states, as AWS writes them', () => {
	test('a direct Lambda ARN: LambdaFunctionScheduled {input, inputDetails, resource}, Started, Succeeded {output}, then the exit', async () => {
		const {events} = await runEngine({StartAt: 'Step', States: {Step: {Type: 'Task', Resource: lambdaArn('echo'), End: true}}}, {hello: 'world'}, handlersOf({echo: event => ({Return: event})}));
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 TaskStateEntered', '3 2 LambdaFunctionScheduled', '4 3 LambdaFunctionStarted', '5 4 LambdaFunctionSucceeded', '6 5 TaskStateExited', '7 6 ExecutionSucceeded']);
		expect(details(events[2])).toEqual({resource: lambdaArn('echo'), input: '{"hello":"world"}', inputDetails: {truncated: false}});
		expect(events[3]).not.toHaveProperty('lambdaFunctionStartedEventDetails');
		expect(details(events[4])).toEqual({output: '{"Return":{"hello":"world"}}', outputDetails: {truncated: false}});
	});

	test('lambda:invoke: TaskScheduled {parameters, region, resource, resourceType}, TaskStarted, TaskSucceeded with Invoke\'s response', async () => {
		const {events} = await runEngine({StartAt: 'Step', States: {Step: {Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {FunctionName: 'echo', 'Payload.$': '$'}, End: true}}}, {a: 1}, handlersOf({echo: event => event}));
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 TaskStateEntered', '3 2 TaskScheduled', '4 3 TaskStarted', '5 4 TaskSucceeded', '6 5 TaskStateExited', '7 6 ExecutionSucceeded']);
		expect(details(events[2])).toEqual({resourceType: 'lambda', resource: 'invoke', region: 'us-east-1', parameters: '{"FunctionName":"echo","Payload":{"a":1}}'});
		expect(details(events[3])).toEqual({resourceType: 'lambda', resource: 'invoke'});
		const output = JSON.parse(String(details(events[4]).output)) as Record<string, unknown>;
		expect(output).toMatchObject({ExecutedVersion: '$LATEST', Payload: {a: 1}, StatusCode: 200, SdkHttpMetadata: {HttpStatusCode: 200}});
	});

	test('lambda:invoke of a function that does not exist: TaskFailed Lambda.ResourceNotFoundException with Lambda\'s answer as text, on ExecutionFailed too', async () => {
		const {events} = await runEngine({StartAt: 'Start', States: {Start: {Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {FunctionName: 'no_such_fn', Payload: null}, End: true}}}, {}, handlersOf({}));
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 TaskStateEntered', '3 2 TaskScheduled', '4 3 TaskStarted', '5 4 TaskFailed', '6 5 ExecutionFailed']);
		const cause = /^Function not found: arn:aws:lambda:us-east-1:123456789012:function:no_such_fn:\$LATEST \(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [\d\-a-f]{36}; Proxy: null\)$/;
		expect(details(events[4])).toMatchObject({resourceType: 'lambda', resource: 'invoke', error: 'Lambda.ResourceNotFoundException'});
		expect(details(events[4]).cause).toMatch(cause);
		expect(details(events[5])).toEqual({error: 'Lambda.ResourceNotFoundException', cause: details(events[4]).cause});
	});

	test('Retry then Catch: one Scheduled/Started/Failed triple per attempt, chained; the exit after the last failure carries the error output', async () => {
		const {events} = await runEngine({StartAt: 'Call', States: {
			Call: {Type: 'Task', Resource: lambdaArn('broken'), Retry: [{ErrorEquals: ['States.ALL'], IntervalSeconds: 0, MaxAttempts: 2}], Catch: [{ErrorEquals: ['States.ALL'], Next: 'Handle'}], End: true},
			Handle: {Type: 'Pass', End: true},
		}}, {}, handlersOf({broken: () => failWith('Exception', 'Some exception was raised.')}));
		expect(shape(events)).toEqual([
			'1 0 ExecutionStarted',
			'2 0 TaskStateEntered',
			'3 2 LambdaFunctionScheduled',
			'4 3 LambdaFunctionStarted',
			'5 4 LambdaFunctionFailed',
			'6 5 LambdaFunctionScheduled',
			'7 6 LambdaFunctionStarted',
			'8 7 LambdaFunctionFailed',
			'9 8 LambdaFunctionScheduled',
			'10 9 LambdaFunctionStarted',
			'11 10 LambdaFunctionFailed',
			'12 11 TaskStateExited',
			'13 12 PassStateEntered',
			'14 13 PassStateExited',
			'15 14 ExecutionSucceeded',
		]);
		expect(details(events[4]).error).toBe('Exception');
		expect(JSON.parse(String(details(events[4]).cause))).toMatchObject({errorType: 'Exception', errorMessage: 'Some exception was raised.'});
		expect(JSON.parse(String(details(events[11]).output))).toMatchObject({Error: 'Exception'});
	});

	test('TimeoutSeconds: timeoutInSeconds on the Scheduled event, LambdaFunctionTimedOut {error: States.Timeout}, ExecutionFailed without a cause', async () => {
		const never = handlersOf({hang: async () => new Promise(() => {/* Never settles. */})});
		const {events, outcome} = await runEngine({StartAt: 'Start', States: {Start: {Type: 'Task', Resource: lambdaArn('hang'), TimeoutSeconds: 1, End: true}}}, {}, never);
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 TaskStateEntered', '3 2 LambdaFunctionScheduled', '4 3 LambdaFunctionStarted', '5 4 LambdaFunctionTimedOut', '6 5 ExecutionFailed']);
		expect(details(events[2]).timeoutInSeconds).toBe(1);
		expect(details(events[4])).toEqual({error: 'States.Timeout'});
		expect(details(events[5])).toEqual({error: 'States.Timeout'});
		expect(outcome).toEqual({status: 'FAILED', error: 'States.Timeout'});
	});

	test('States.Runtime is never caught, even by a Catch that names it: ExecutionFailed right after the task', async () => {
		const {events, outcome} = await runEngine({StartAt: 'Raise', States: {
			Raise: {Type: 'Task', Resource: lambdaArn('empty'), OutputPath: '$.no.such.result.path', Catch: [{ErrorEquals: ['States.Runtime'], Next: 'Caught'}], Next: 'Final'},
			Caught: {Type: 'Pass', End: true},
			Final: {Type: 'Pass', End: true},
		}}, {}, handlersOf({empty: () => ({})}));
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 TaskStateEntered', '3 2 LambdaFunctionScheduled', '4 3 LambdaFunctionStarted', '5 4 LambdaFunctionSucceeded', '6 5 ExecutionFailed']);
		expect(outcome.error).toBe('States.Runtime');
		expect(outcome.cause).toBe('An error occurred while executing the state \'Raise\' (entered at the event id #2). Invalid path \'$.no.such.result.path\' : Missing property in path $[\'no\']');
	});

	test('a handler result over 256 KiB fails the attempt with States.DataLimitExceeded, which States.ALL catches', async () => {
		const big = handlersOf({big: () => 'a'.repeat(257 * 1024)});
		const {events} = await runEngine({StartAt: 'Invoke', States: {
			Invoke: {Type: 'Task', Resource: lambdaArn('big'), Catch: [{ErrorEquals: ['States.ALL'], Next: 'Handle'}], End: true},
			Handle: {Type: 'Pass', End: true},
		}}, {}, big);
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 TaskStateEntered', '3 2 LambdaFunctionScheduled', '4 3 LambdaFunctionStarted', '5 4 LambdaFunctionFailed', '6 5 TaskStateExited', '7 6 PassStateEntered', '8 7 PassStateExited', '9 8 ExecutionSucceeded']);
		expect(details(events[4])).toEqual({error: 'States.DataLimitExceeded', cause: `The state/task '${lambdaArn('big')}' returned a result with a size exceeding the maximum number of bytes service limit.`});
	});

	test('a state output over 256 KiB fails the execution: no exit event', async () => {
		const {events, outcome} = await runEngine({StartAt: 'State_1', States: {State_1: {Type: 'Pass', Result: {Arg1: 'a'.repeat(257 * 1024)}, End: true}}});
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 PassStateEntered', '3 2 ExecutionFailed']);
		expect(outcome).toEqual({status: 'FAILED', error: 'States.DataLimitExceeded', cause: 'The state/task \'State_1\' returned a result with a size exceeding the maximum number of bytes service limit.'});
	});

	test('a failing JSONata expression writes EvaluationFailed, chained where the state\'s entry was chained', async () => {
		const {events, outcome} = await runEngine({QueryLanguage: 'JSONata', StartAt: 'State0', States: {State0: {Type: 'Pass', Output: '{% $doesNotExist %}', End: true}}});
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 PassStateEntered', '3 0 EvaluationFailed', '4 3 ExecutionFailed']);
		expect(details(events[2])).toMatchObject({error: 'States.QueryEvaluationError', location: 'Output', state: 'State0'});
		expect(String(details(events[2]).cause)).toMatch(/^An error occurred while executing the state 'State0' \(entered at the event id #2\)\. The JSONata expression '\$doesNotExist' specified for the field 'Output' returned nothing/);
		expect(outcome.error).toBe('States.QueryEvaluationError');
	});

	test('a Fail state without Cause gets no invented cause', async () => {
		const {events, outcome} = await runEngine({StartAt: 'Stop', States: {Stop: {Type: 'Fail', Error: 'OnlyError'}}});
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 FailStateEntered', '3 2 ExecutionFailed']);
		expect(details(events[2])).toEqual({error: 'OnlyError'});
		expect(outcome).toEqual({status: 'FAILED', error: 'OnlyError'});
	});
});

describe('the context object and variables', () => {
	test('$$ holds Execution {Id, Input, StartTime, Name, RoleArn, RedriveCount}, StateMachine {Id, Name} and State {Name, EnteredTime}; a Task\'s State has RetryCount', async () => {
		const {outcome} = await runEngine({StartAt: 'Look', States: {
			Look: {Type: 'Pass', Parameters: {'context.$': '$$'}, Next: 'Task'},
			Task: {Type: 'Task', Resource: lambdaArn('echo'), Parameters: {'state.$': '$$.State', 'name.$': '$$.State.Name'}, ResultPath: '$.task', End: true},
		}}, {value: 0}, handlersOf({echo: event => event}));
		const output = JSON.parse(outcome.output!) as {context: Record<string, Record<string, unknown>>; task: {state: Record<string, unknown>; name: string}};
		expect(Object.keys(output.context).toSorted()).toEqual(['Execution', 'State', 'StateMachine']);
		expect(output.context.Execution).toEqual({Id: identity.executionArn, Input: {value: 0}, StartTime: new Date(identity.startTime).toISOString(), Name: 'run-1', RoleArn: identity.roleArn, RedriveCount: 0});
		expect(output.context.StateMachine).toEqual({Id: identity.machineArn, Name: 'Machine'});
		expect(Object.keys(output.context.State)).toEqual(['Name', 'EnteredTime']);
		expect(output.context.State.Name).toBe('Look');
		expect(output.task.name).toBe('Task');
		expect(output.task.state).toMatchObject({Name: 'Task', RetryCount: 0});
	});

	test('Assign: assignedVariables (name → JSON text) and assignedVariablesDetails on the exit event; iterations read outer variables', async () => {
		const {events, outcome} = await runEngine({QueryLanguage: 'JSONata', StartAt: 'Set', States: {
			Set: {Type: 'Pass', Assign: {x: 42, items: [1, 2]}, Next: 'Each'},
			Each: {Type: 'Map', Items: '{% $items %}', MaxConcurrency: 1, ItemProcessor: {StartAt: 'Inner', States: {Inner: {Type: 'Pass', Assign: {innerX: '{% $x %}'}, Output: '{% $states.input + $x %}', End: true}}}, End: true},
		}});
		expect(details(events[2])).toEqual({assignedVariables: {x: '42', items: '[1,2]'}, assignedVariablesDetails: {truncated: false}, name: 'Set', output: '{}', outputDetails: {truncated: false}});
		const inner = events.filter(event => event.type === 'PassStateExited' && details(event).name === 'Inner');
		expect(inner.map(event => details(event).assignedVariables)).toEqual([{innerX: '42'}, {innerX: '42'}]);
		expect(outcome.output).toBe('[43,44]');
	});

	test('mixed languages: a JSONata Task\'s Arguments are the Lambda input; its Assign and Output show on the exit; a JSONPath state follows', async () => {
		const {events, outcome} = await runEngine({StartAt: 'JsonataState', States: {
			JsonataState: {Type: 'Task', QueryLanguage: 'JSONata', Resource: lambdaArn('echo'), Arguments: {Payload: {foo: 'foo-1'}}, Assign: {resultsVar: '{% $states.result %}'}, Output: {results: '{% $states.result %}'}, Next: 'JsonPathState'},
			JsonPathState: {Type: 'Pass', End: true},
		}}, {}, handlersOf({echo: event => event}));
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 TaskStateEntered', '3 2 LambdaFunctionScheduled', '4 3 LambdaFunctionStarted', '5 4 LambdaFunctionSucceeded', '6 5 TaskStateExited', '7 6 PassStateEntered', '8 7 PassStateExited', '9 8 ExecutionSucceeded']);
		expect(details(events[2]).input).toBe('{"Payload":{"foo":"foo-1"}}');
		expect(details(events[5])).toEqual({assignedVariables: {resultsVar: '{"Payload":{"foo":"foo-1"}}'}, assignedVariablesDetails: {truncated: false}, name: 'JsonataState', output: '{"results":{"Payload":{"foo":"foo-1"}}}', outputDetails: {truncated: false}});
		expect(outcome.output).toBe('{"results":{"Payload":{"foo":"foo-1"}}}');
	});

	test('States.QueryEvaluationError is catchable: EvaluationFailed, then the Catch takes it', async () => {
		const {events, outcome} = await runEngine({QueryLanguage: 'JSONata', StartAt: 'Call', States: {
			Call: {Type: 'Task', Resource: lambdaArn('echo'), Arguments: '{% $notThere.x %}', Catch: [{ErrorEquals: ['States.QueryEvaluationError'], Next: 'Handled'}], End: true},
			Handled: {Type: 'Pass', End: true},
		}}, {}, handlersOf({echo: event => event}));
		expect(shape(events)).toEqual(['1 0 ExecutionStarted', '2 0 TaskStateEntered', '3 0 EvaluationFailed', '4 3 TaskStateExited', '5 4 PassStateEntered', '6 5 PassStateExited', '7 6 ExecutionSucceeded']);
		expect(JSON.parse(outcome.output!)).toMatchObject({Error: 'States.QueryEvaluationError'});
	});
});

