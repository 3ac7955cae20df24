/*
 * Wait, Map, Fail and the numeric fields. Causes are AWS's recorded answers
 * in LocalStack v2/base/test_wait.snapshot.json and
 * v2/scenarios/test_base_scenarios.snapshot.json (named per test).
 */
import {describe, expect, test} from 'vitest';
import {failDetails, mapBatches, mapItemInput, mapItems, numericField, StatesError, waitUntil, type AslState} from '../../../source/local/asl/index.js';
import {stateEnv} from './asl-env.js';

const now = Date.parse('2026-11-29T00:00:00Z');
const env = (stateName = 'WaitState') => stateEnv({stateName, enteredEventId: 2});
const causeOf = async (promise: Promise<unknown>) => {
	const error = await promise.then(() => undefined, (error: unknown) => error);
	expect(error).toBeInstanceOf(StatesError);
	return (error as StatesError).cause;
};

const prefix = (state: string) => `An error occurred while executing the state '${state}' (entered at the event id #2). `;

describe('Wait', () => {
	test('Seconds, SecondsPath, Timestamp, TimestampPath', async () => {
		expect(await waitUntil({Type: 'Wait', Seconds: 5}, {}, env(), now)).toBe(now + 5000);
		expect(await waitUntil({Type: 'Wait', SecondsPath: '$.input.waitSeconds'}, {input: {waitSeconds: 0}}, env(), now)).toBe(now);
		expect(await waitUntil({Type: 'Wait', Timestamp: '2026-11-29T00:01:00Z'}, {}, env(), now)).toBe(now + 60_000);
		expect(await waitUntil({Type: 'Wait', TimestampPath: '$.at'}, {at: '2026-11-29T01:00:00.000000+01:00'}, env(), now)).toBe(now);
		expect(await waitUntil({Type: 'Wait', TimestampPath: '$.at'}, {at: '2026-11-29T00:00:01.00Z'}, env(), now)).toBe(now + 1000);
	});

	test.each([
		[{waitSeconds: 1.5}, 'The SecondsPath parameter cannot be parsed as a long value: $.input.waitSeconds == 1.5'],
		[{waitSeconds: -1.5}, 'The SecondsPath parameter cannot be parsed as a long value: $.input.waitSeconds == -1.5'],
		[{waitSeconds: -1}, 'The SecondsPath parameter references a negative value: $.input.waitSeconds == -1'],
		[{}, 'The SecondsPath parameter does not reference an input value: $.input.waitSeconds'],
	])('SecondsPath with %j (test_base_wait_seconds_path)', async (input, cause) => {
		expect(await causeOf(waitUntil({Type: 'Wait', SecondsPath: '$.input.waitSeconds'}, {input}, env(), now))).toBe(prefix('WaitState') + cause);
	});

	test.each(['05-12-2016T21:29:29Z', '2016-12-05 21:29:29Z', '2016-12-05T21:29:29', '2016-12-05T25:29:29Z', '2016-13-05T21:29:29Z', '2016-02-30T21:29:29Z'])('TimestampPath %s is not a timestamp (test_wait_timestamp_path)', async value => {
		expect(await causeOf(waitUntil({Type: 'Wait', TimestampPath: '$.TimestampValue'}, {TimestampValue: value}, env('WaitUntil'), now)))
			.toBe(`${prefix('WaitUntil')}The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.TimestampValue == ${value}`);
	});

	test('JSONata Timestamp that is not one is States.QueryEvaluationError (test_wait_timestamp_jsonata)', async () => {
		const error = await waitUntil({Type: 'Wait', Timestamp: '{% $states.input.at %}'}, {at: '2016-12-05T21:29:29'}, stateEnv({language: 'JSONata', stateName: 'WaitState', enteredEventId: 2}), now).catch((error: unknown) => error);
		expect(error).toMatchObject({error: 'States.QueryEvaluationError', cause: `${prefix('WaitState')}The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05T21:29:29`});
	});

	test('more than 2^31 - 1 seconds ahead is too long (test_timestamp_too_far_in_future_boundary)', async () => {
		const day = 86_400_000;
		expect(await waitUntil({Type: 'Wait', Timestamp: new Date(now + (24_855 * day)).toISOString()}, {}, env('State_1'), now)).toBe(now + (24_855 * day));
		expect(await causeOf(waitUntil({Type: 'Wait', Timestamp: new Date(now + (24_856 * day)).toISOString()}, {}, env('State_1'), now))).toBe(`${prefix('State_1')}Wait state delay is too long.`);
	});
});

describe('Map', () => {
	test('ItemsPath selects the items; a variable works too', async () => {
		expect(await mapItems({Type: 'Map', ItemsPath: '$.list'}, {list: [1, 2]}, env())).toEqual([1, 2]);
		expect(await mapItems({Type: 'Map', ItemsPath: '$items'}, {}, stateEnv({variables: {items: [1, 2, 3]}}))).toEqual([1, 2, 3]);
		expect(await mapItems({Type: 'Map'}, ['a'], env())).toEqual(['a']);
	});

	test('items that are not an array (test_state_map_context_object)', async () => {
		expect(await causeOf(mapItems({Type: 'Map', ItemsPath: '$$'}, [], stateEnv()))).toBe('Reference path "$" must point to array.');
		expect(await causeOf(mapItems({Type: 'Map', ItemsPath: '$$.Execution.Input'}, [], stateEnv()))).toBe('Reference path "$.Execution.Input" must point to array.');
	});

	test('ItemSelector sees the input and $$.Map.Item', async () => {
		const state: AslState = {Type: 'Map', ItemSelector: {'index.$': '$$.Map.Item.Index', 'value.$': '$$.Map.Item.Value', 'shared.$': '$.shared'}};
		expect(await mapItemInput(state, 'x', 3, {shared: 1}, env())).toEqual({index: 3, value: 'x', shared: 1});
		expect(await mapItemInput({Type: 'Map'}, 'x', 3, {}, env())).toBe('x');
	});

	test.each([
		['"string"', 'string'], ['1', 1], ['null', null], ['true', true], ['{"foo":"bar"}', {foo: 'bar'}],
	])('JSONata Map input %s that is not an array (test_map_state_items_input_types)', async (printed, input) => {
		const error = await mapItems({Type: 'Map'}, input, stateEnv({language: 'JSONata', stateName: 'MapIterateState', enteredEventId: 4})).catch((error: unknown) => error);
		expect(error).toMatchObject({error: 'States.QueryEvaluationError', cause: `An error occurred while executing the state 'MapIterateState' (entered at the event id #4). Map state input must be an array but was: ${printed}`});
	});

	test.each([
		['\'string\'', 'string', '"string"'], ['1', 'number', '1'], ['null', 'null', 'null'], ['true', 'boolean', 'true'], ['{\'foo\': \'bar\'}', 'object', '{"foo":"bar"}'],
	])('JSONata Items %s that is not an array (test_map_state_items_eval_jsonata_fail)', async (expression, type, printed) => {
		const error = await mapItems({Type: 'Map', Items: `{% ${expression} %}`}, {}, stateEnv({language: 'JSONata', stateName: 'MapIterateState', enteredEventId: 2})).catch((error: unknown) => error);
		expect(error).toMatchObject({cause: `An error occurred while executing the state 'MapIterateState' (entered at the event id #2). The JSONata expression '${expression}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${printed}`});
	});

	test('a JSONata Items that returns a function (test_map_state_items_eval_jsonata_fail[function])', async () => {
		const error = await mapItems({Type: 'Map', Items: '{% $fn := function($x){$x} %}'}, {}, stateEnv({language: 'JSONata', stateName: 'MapIterateState', enteredEventId: 2})).catch((error: unknown) => error);
		expect(error).toMatchObject({cause: 'An error occurred while executing the state \'MapIterateState\' (entered at the event id #2). The JSONata expression \'$fn := function($x){$x}\' specified for the field \'Items\' returned an unsupported result type.'});
	});
});

describe('Fail', () => {
	test('literal, path and intrinsic; absent stays absent', async () => {
		expect(await failDetails({Type: 'Fail', Error: 'E'}, {}, env('fail'))).toEqual({error: 'E'});
		expect(await failDetails({Type: 'Fail', ErrorPath: '$.e', CausePath: 'States.Format(\'n={}\', $.n)'}, {e: 'Bad', n: 2}, env('fail'))).toEqual({error: 'Bad', cause: 'n=2'});
	});

	test('ErrorPath that selects nothing (test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH])', async () => {
		expect(await causeOf(failDetails({Type: 'Fail', ErrorPath: '$.ErrorX'}, {Error: 'error-value'}, stateEnv({stateName: 'fail', enteredEventId: 4}))))
			.toBe('An error occurred while executing the state \'fail\' (entered at the event id #4). The JSONPath \'$.ErrorX\' specified for the field \'ErrorPath\' could not be found in the input \'{"Error":"error-value"}\'');
	});
});

describe('numeric fields (test_max_concurrency_path, test_map_state_tolerated_failure_*_path)', () => {
	const mapEnv = stateEnv({stateName: 'MapState', enteredEventId: 2});
	test('literal and path', async () => {
		expect(await numericField({Type: 'Map', MaxConcurrency: 3}, 'MaxConcurrency', {}, mapEnv)).toBe(3);
		expect(await numericField({Type: 'Map', MaxConcurrencyPath: '$.m'}, 'MaxConcurrency', {m: 2}, mapEnv)).toBe(2);
		expect(await numericField({Type: 'Task'}, 'TimeoutSeconds', {}, mapEnv)).toBeUndefined();
	});

	test.each([
		['MaxConcurrency', 'NoNumber', '"NoNumber" which is not a valid integer: $.v'],
		['MaxConcurrency', {}, '"{}" which is not a valid integer: $.v'],
		['ToleratedFailureCount', 'NoNumber', '"NoNumber" which is not a valid integer: $.v'],
		['ToleratedFailurePercentage', {}, '"{}" which is not a valid float: $.v'],
	] as const)('%sPath refers to %j', async (field, value, tail) => {
		expect(await causeOf(numericField({Type: 'Map', [`${field}Path`]: '$.v'}, field, {v: value}, mapEnv))).toBe(`${prefix('MapState')}The ${field}Path field refers to value ${tail}`);
	});

	test('ranges', async () => {
		expect(await causeOf(numericField({Type: 'Map', ToleratedFailureCountPath: '$.v'}, 'ToleratedFailureCount', {v: -1}, mapEnv))).toBe(`${prefix('MapState')}ToleratedFailureCount cannot be negative.`);
		expect(await causeOf(numericField({Type: 'Map', ToleratedFailurePercentagePath: '$.v'}, 'ToleratedFailurePercentage', {v: 100.1}, mapEnv))).toBe(`${prefix('MapState')}ToleratedFailurePercentage must be between 0 and 100.`);
	});

	test('TimeoutSecondsPath that selects nothing (test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_TIMEOUTSECONDSPATH])', async () => {
		expect(await causeOf(numericField({Type: 'Task', TimeoutSecondsPath: '$.NoSuchTimeoutSecondsPath'}, 'TimeoutSeconds', {}, stateEnv({stateName: 'task', enteredEventId: 2}))))
			.toBe('An error occurred while executing the state \'task\' (entered at the event id #2). Invalid path \'$.NoSuchTimeoutSecondsPath\' : No results for path: $[\'NoSuchTimeoutSecondsPath\']');
	});

	test('a JSONata expression', async () => {
		expect(await numericField({Type: 'Task', TimeoutSeconds: '{% $states.input.t * 2 %}'}, 'TimeoutSeconds', {t: 5}, stateEnv({language: 'JSONata'}))).toBe(10);
	});
});

describe('ItemBatcher (Distributed Map)', () => {
	test('batches by count, with BatchInput from the state input', async () => {
		const state: AslState = {Type: 'Map', ItemBatcher: {MaxItemsPerBatch: 2, BatchInput: {'job.$': '$.job'}}};
		expect(await mapBatches(state, [1, 2, 3], {job: 'j1'}, env())).toEqual([
			{Items: [1, 2], BatchInput: {job: 'j1'}},
			{Items: [3], BatchInput: {job: 'j1'}},
		]);
	});

	test('batches by bytes; a Path gives the count', async () => {
		const state: AslState = {Type: 'Map', ItemBatcher: {MaxItemsPerBatchPath: '$.n', MaxInputBytesPerBatch: 40}};
		expect(await mapBatches(state, ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'], {n: 10}, env())).toEqual([{Items: ['aaaaaaaaaa', 'bbbbbbbbbb']}, {Items: ['cccccccccc']}]);
	});

	test('without ItemBatcher every item is one child', async () => {
		expect(await mapBatches({Type: 'Map'}, [1, 2], {}, env())).toEqual([1, 2]);
	});
});
