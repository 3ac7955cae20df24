/*
 * Variables (Assign) on the engine: exit events carry `assignedVariables`
 * (name → JSON text) and `assignedVariablesDetails` as AWS writes them
 * (recorded in LocalStack v2/assign/test_assign_reference_variables.snapshot.json
 * and v2/states_variables/test_error_output.snapshot.json test_catch_error_variable_sampling);
 * iterations and branches read outer variables, and what they assign stays inside.
 */
import {describe, expect, test} from 'vitest';
import {details, failWith, handlersOf, identity, lambdaArn, runEngine} from './run-engine.js';

const exitOf = (events: Awaited<ReturnType<typeof runEngine>>['events'], name: string) => events.find(event => event.type.endsWith('StateExited') && details(event).name === name);

describe('variables', () => {
	test('a Catch\'s Assign: the caught state\'s exit carries the assigned error output', async () => {
		const {events, outcome} = await runEngine({QueryLanguage: 'JSONata', StartAt: 'Task', States: {
			Task: {Type: 'Task', Resource: lambdaArn('broken'), Catch: [{ErrorEquals: ['States.ALL'], Assign: {errorVar: '{% $states.errorOutput %}'}, Next: 'Fallback'}], End: true},
			Fallback: {Type: 'Pass', Output: '{% {"error": $errorVar} %}', End: true},
		}}, {}, handlersOf({broken: () => failWith('Exception', 'Some exception was raised.')}));
		const exit = details(exitOf(events, 'Task'));
		expect(Object.keys(exit.assignedVariables as Record<string, string>)).toEqual(['errorVar']);
		expect(JSON.parse((exit.assignedVariables as Record<string, string>).errorVar)).toMatchObject({Error: 'Exception'});
		expect(exit.assignedVariablesDetails).toEqual({truncated: false});
		expect(JSON.parse(outcome.output!)).toMatchObject({error: {Error: 'Exception'}});
	});

	test('a JSONPath Choice rule\'s Assign; a state without Assign writes no assignedVariables', async () => {
		const {events, outcome} = await runEngine({StartAt: 'Setup', States: {
			Setup: {Type: 'Pass', Assign: {guess: 'the_guess', answer: 'the_answer'}, Next: 'Check'},
			Check: {Type: 'Choice', Choices: [{Variable: '$guess', StringEqualsPath: '$answer', Next: 'Right'}], Default: 'Wrong'},
			Wrong: {Type: 'Pass', Assign: {'guess.$': '$answer'}, Next: 'Check'},
			Right: {Type: 'Pass', Parameters: {'final.$': '$guess'}, End: true},
		}});
		expect(outcome.output).toBe('{"final":"the_answer"}');
		expect(details(exitOf(events, 'Setup')).assignedVariables).toEqual({guess: '"the_guess"', answer: '"the_answer"'});
		expect(exitOf(events, 'Check')).not.toHaveProperty('stateExitedEventDetails.assignedVariables');
		expect(details(exitOf(events, 'Wrong')).assignedVariables).toEqual({guess: '"the_answer"'});
	});

	test('iterations read outer variables; what they assign is gone after the Map', async () => {
		const {outcome} = await runEngine({QueryLanguage: 'JSONata', StartAt: 'Set', States: {
			Set: {Type: 'Pass', Assign: {bias: 10}, Next: 'Each'},
			Each: {Type: 'Map', Items: [1, 2], ItemProcessor: {StartAt: 'Add', States: {Add: {Type: 'Pass', Assign: {inner: '{% $states.input + $bias %}'}, Output: '{% $states.input + $bias %}', End: true}}}, Next: 'After'},
			After: {Type: 'Pass', Output: '{% {"results": $states.input, "innerSeen": $exists($inner)} %}', End: true},
		}});
		expect(JSON.parse(outcome.output!)).toEqual({results: [11, 12], innerSeen: false});
	});

	test('a redrive restores the variables the top level had assigned before the state it reruns', async () => {
		let calls = 0;
		const handlers = handlersOf({
			flaky() {
				calls++;
				return calls === 1 ? failWith('Flaky', 'first call fails') : {ok: true};
			},
		});
		const definition = {QueryLanguage: 'JSONata', StartAt: 'Set', States: {
			Set: {Type: 'Pass', Assign: {orderId: 'o-7'}, Next: 'Call'},
			Call: {Type: 'Task', Resource: lambdaArn('flaky'), Output: '{% {"order": $orderId, "result": $states.result} %}', End: true},
		}};
		const first = await runEngine(definition, {}, handlers);
		expect(first.outcome.status).toBe('FAILED');
		const second = await runEngine(definition, {}, handlers, {identity: {...identity, redriveCount: 1}, redrive: {previousEvents: first.events}});
		expect(second.outcome).toEqual({status: 'SUCCEEDED', output: '{"order":"o-7","result":{"ok":true}}'});
		expect(second.events.filter(event => event.type.endsWith('StateEntered')).map(event => details(event).name)).toEqual(['Call']);
	});
});
