import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {awsHistory} from '../fixtures/aws/aws-history.js';
import {mapStateRetryDefinition, mapStateRetryHistory} from '../fixtures/aws/container-retries.js';
import {childArn, distributedMapHistory, mapRunArn, nestedParentHistory} from '../fixtures/aws/linked-executions.js';
import {jsonataOrderHistory} from '../fixtures/aws/variables.js';
import {historyFixture} from '../helpers/histories.js';
import {runCli} from '../helpers/run-cli.js';

const order = 'examples/order-processing.json';

describe('sfntop replay', () => {
	test('shows where an execution failed and why, in the graph and the table', async () => {
		const result = await runCli(['replay', historyFixture('order-failed-at-charge.json'), '--definition', order, '--no-color', '--width', '80']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Execution FAILED');
		expect(result.stdout).toContain('PaymentDeclined: {"errorMessage": "Card declined"');
		expect(result.stdout).toContain('✗ ChargeCustomer');
		expect(result.stdout).toContain('✓ ValidateOrder');
		expect(result.stdout).toMatch(/^ChargeCustomer\s+FAILED\s+1\s+\S+ \S+\s+PaymentDeclined$/m);
		expect(result.stdout).toMatch(/^ShipOrder\s+NOT_STARTED\s+0\s+-$/m);
		for (const line of result.stdout.split('\n')) {
			expect([...line].length).toBeLessThanOrEqual(80);
		}
	});

	test('the failed state is highlighted in colour', async () => {
		const result = await runCli(['replay', historyFixture('order-failed-at-charge.json'), '--definition', order, '--width', '80'], {env: {FORCE_COLOR: '1'}});
		expect(result.stdout).toMatch(/\u001B\[1;37;41m│ ✗ ChargeCustomer │/);
	});

	test('--at N shows the execution as it was after event N', async () => {
		const result = await runCli(['replay', historyFixture('order-success.json'), '--definition', order, '--no-color', '--at', '7']);
		expect(result.stdout).toContain('Execution RUNNING');
		expect(result.stdout).toContain('(as of event 7 of 22)');
		expect(result.stdout).toMatch(/^ReserveInventory\s+RUNNING/m);
		expect(result.stdout).toMatch(/^ChargeCustomer\s+NOT_STARTED/m);
	});

	test('without --definition it builds the graph from the history and says so', async () => {
		const result = await runCli(['replay', historyFixture('map-failed-iteration.json'), '--no-color']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('sfntop: no --definition given: the graph shows only the states this history entered\n');
		expect(result.stdout).toContain('Map: ProcessItems');
		expect(result.stdout).toMatch(/ProcessItems\s+FAILED\s+1\s+(?:\S.*)?2\/3/);
	});

	test('--json prints the execution and one entry per state', async () => {
		const result = await runCli(['replay', historyFixture('order-redriven.json'), '--definition', order, '--json']);
		const model = JSON.parse(result.stdout) as {execution: Record<string, unknown>; states: Array<Record<string, unknown>>};
		expect(model.execution).toMatchObject({status: 'SUCCEEDED', redriveCount: 1, error: null});
		expect(model.execution.startDate).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(model.states.map(state => state.name)).toEqual(['ValidateOrder', 'ReserveInventory', 'ChargeCustomer', 'ShipOrder']);
		expect(model.states[2]).toMatchObject({name: 'ChargeCustomer', parent: null, status: 'SUCCEEDED', attempts: 2});
	});

	test('a Map state that AWS retried twice: 3 attempts, each retry with the failure behind it', async () => {
		const directory = mkdtempSync(path.join(tmpdir(), 'sfntop-replay-'));
		try {
			const definition = path.join(directory, 'definition.json');
			writeFileSync(definition, JSON.stringify(mapStateRetryDefinition));
			const history = JSON.stringify(awsHistory(mapStateRetryHistory));
			const table = await runCli(['replay', '-', '--definition', definition, '--no-color', '--width', '100'], {input: history});
			expect(table.stdout).toMatch(/^MapState\s+FAILED\s+3\s/m);
			const result = await runCli(['replay', '-', '--definition', definition, '--json'], {input: history});
			const model = JSON.parse(result.stdout) as {states: Array<Record<string, unknown>>};
			expect(model.states.find(state => state.name === 'MapState')).toMatchObject({
				status: 'FAILED',
				attempts: 3,
				retries: [
					{attempt: 1, error: 'HandleItemFailError', cause: 'HandleItemFailCause', failedAt: '2025-11-24T16:00:00.700Z', retriedAt: '2025-11-24T16:00:00.900Z'},
					{attempt: 2, error: 'HandleItemFailError', cause: 'HandleItemFailCause', failedAt: '2025-11-24T16:00:01.100Z', retriedAt: '2025-11-24T16:00:01.300Z'},
				],
			});
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});

	test('--json: the variables each state assigned, as values; a map run; a child execution', async () => {
		const variables = JSON.parse((await runCli(['replay', '-', '--json'], {input: JSON.stringify(awsHistory(jsonataOrderHistory))})).stdout) as {states: Array<Record<string, unknown>>};
		expect(variables.states.find(state => state.name === 'Price')).toMatchObject({assignedVariables: {total: 120, currency: 'EUR'}});
		const map = JSON.parse((await runCli(['replay', '-', '--json'], {input: JSON.stringify(awsHistory(distributedMapHistory))})).stdout) as {states: Array<Record<string, unknown>>};
		expect(map.states[0]).toMatchObject({name: 'ProcessBatch', mapRun: {arn: mapRunArn, status: 'SUCCEEDED'}});
		const nested = JSON.parse((await runCli(['replay', '-', '--json'], {input: JSON.stringify(awsHistory(nestedParentHistory))})).stdout) as {states: Array<Record<string, unknown>>};
		expect(nested.states[0]).toMatchObject({name: 'PlaceOrder', childExecutions: [childArn]});
	});

	test('reads CloudWatch Logs records as JSON Lines and as filter-log-events output', async () => {
		for (const file of ['express-records.jsonl', 'express-filter-log-events.json']) {
			const result = await runCli(['replay', historyFixture(file), '--json']);
			expect(result.code).toBe(0);
			const model = JSON.parse(result.stdout) as {execution: {status: string}; states: Array<{name: string; status: string}>};
			expect(model.execution.status).toBe('SUCCEEDED');
			expect(model.states.map(state => `${state.name}:${state.status}`)).toEqual(['RecordEvent:SUCCEEDED', 'Publish:SUCCEEDED']);
		}
	});

	test('a records file with several executions asks which one', async () => {
		const lines = [
			JSON.stringify({id: '1', type: 'ExecutionStarted', details: {}, previous_event_id: '0', event_timestamp: '1764000000000', execution_arn: 'arn:aws:states:us-east-1:123456789012:express:M:a:1'}),
			JSON.stringify({id: '1', type: 'ExecutionStarted', details: {}, previous_event_id: '0', event_timestamp: '1764000000000', execution_arn: 'arn:aws:states:us-east-1:123456789012:express:M:b:2'}),
		].join('\n');
		const result = await runCli(['replay', '-'], {input: lines});
		expect(result.code).toBe(2);
		expect(result.stderr).toBe('sfntop: this file holds records of 2 executions; pick one with --execution ARN: arn:aws:states:us-east-1:123456789012:express:M:a:1, arn:aws:states:us-east-1:123456789012:express:M:b:2\n');
		const picked = await runCli(['replay', '-', '--execution', 'arn:aws:states:us-east-1:123456789012:express:M:b:2', '--json'], {input: lines});
		expect(picked.code).toBe(0);
	});

	test('hostile text in a history is shown escaped', async () => {
		const history = {events: [
			{id: 1, type: 'ExecutionStarted', timestamp: 1_764_000_000, executionStartedEventDetails: {input: '{}'}},
			{id: 2, previousEventId: 1, type: 'PassStateEntered', timestamp: 1_764_000_001, stateEnteredEventDetails: {name: 'Pwn\u001B]52;c;aGk=\u0007', input: '{}'}},
			{id: 3, previousEventId: 2, type: 'ExecutionFailed', timestamp: 1_764_000_002, executionFailedEventDetails: {error: 'E\u001B[2J', cause: 'bad\u009B31m\u202Etxt'}},
		]};
		const result = await runCli(['replay', '-', '--width', '100'], {input: JSON.stringify(history)});
		expect(result.code).toBe(0);
		const ownStyling = result.stdout.replaceAll(/\u001B\[[\d;]*m/g, '');
		expect(ownStyling).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
		expect(ownStyling).toContain('Pwn\\x1b]52;c;aGk=\\x07');
		expect(ownStyling).toContain('E\\x1b[2J: bad\\x9b31m\\u202etxt');
	});

	test.each([
		['a missing file', ['replay', 'nope.json'], '', 'sfntop: cannot read nope.json: no such file\n'],
		['not JSON', ['replay', '-'], '{"events": [', 'sfntop: standard input is not valid JSON: Unexpected end of JSON input\n'],
		['JSON that is not a history', ['replay', '-'], '{"hello": 1}', 'sfntop: standard input is not an execution history: expected {"events": [...]} or an array of events\n'],
		['no events', ['replay', '-'], '{"events": []}', 'sfntop: standard input holds no history events; expected the output of `aws stepfunctions get-execution-history` or CloudWatch Logs execution records\n'],
		['a bad --at', ['replay', '-', '--at', '-3'], '{"events": [{"id": 1, "type": "ExecutionStarted"}]}', 'sfntop: --at takes an event id: a whole number, 0 or more\n'],
	])('%s: one line, exit 2', async (_name, args, input, message) => {
		const result = await runCli(args, {input});
		expect(result.stderr).toBe(message);
		expect(result.code).toBe(2);
	});
});
