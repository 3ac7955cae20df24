/*
 * `sfntop serve --handlers FILE` as a user runs it: a handler is code the
 * user wrote, and Lambda keeps its mistakes inside the invocation. Checked
 * against the Lambda Node.js runtime's behaviour (aws-lambda-nodejs-runtime-interface-client):
 * - an exception thrown from a timer, or a promise rejected and never
 * handled, while the invocation runs fails that invocation — the error's
 * own type, or `Runtime.UnhandledPromiseRejection` with the reason as text;
 * - one that happens after the handler returned cannot fail it any more;
 * - a result JSON cannot write fails the invocation with
 * `Runtime.JSONStringifyError` "Unable to stringify response body";
 * - the function's stdout and stderr go to its log group, like console.log.
 * serve itself must go on, keep its executions, and print nothing but its
 * own lines.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {spawnSync, type ChildProcess} from 'node:child_process';
import {tmpdir} from 'node:os';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import path from 'node:path';
import type {Buffer} from 'node:buffer';
import {CloudWatchLogsClient, FilterLogEventsCommand} from '@aws-sdk/client-cloudwatch-logs';
import {CreateStateMachineCommand, DescribeExecutionCommand, ListStateMachinesCommand, SFNClient, StartExecutionCommand, type HistoryEvent} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {credentials, fullHistory, waitForEnd} from '../helpers/local-endpoint.js';
import {repoRoot} from '../helpers/run-cli.js';
import {serveProcess} from '../helpers/serve-process.js';

const roleArn = 'arn:aws:iam::123456789012:role/R';
const functionArn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

const handlersSource = `
const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
export default {
	'late-throw': async () => { setTimeout(() => { throw new Error('late boom'); }, 20); return {ok: 1}; },
	'late-reject': async () => { setTimeout(() => { Promise.reject(new Error('late rejection')); }, 20); return {ok: 2}; },
	'timer-throw': async () => { setTimeout(() => { throw new TypeError('timer boom'); }, 10); await pause(3000); return 'not reached'; },
	'forgotten-reject': async () => { Promise.reject(new Error('nobody waited')); await pause(3000); return 'not reached'; },
	circular: async () => { const result = {}; result.self = result; return result; },
	bigint: async () => ({count: 10n}),
	getter: async () => ({get secret() { throw new Error('getter threw'); }}),
	'to-json': async () => ({toJSON() { throw new RangeError('no JSON for you'); }}),
	dated: async () => ({when: new Date(0), gone: undefined, list: [undefined, () => 1]}),
	writer: async () => { process.stdout.write('raw out line\\n'); process.stderr.write('raw err line\\n'); process.stdout.write('no newline at the end'); console.log('console line'); return 'wrote'; },
	'arn:aws:states:::sns:publish': async () => ({big: 1n}),
};
`;

describe('a --handlers function\'s mistakes stay inside its invocation', () => {
	let directory: string;
	let serve: {child: ChildProcess; url: string};
	let sfn: SFNClient;
	let logs: CloudWatchLogsClient;
	let stdout = '';
	let stderr = '';

	beforeAll(async () => {
		directory = mkdtempSync(path.join(tmpdir(), 'sfntop-handlers-'));
		const file = path.join(directory, 'handlers.mjs');
		writeFileSync(file, handlersSource);
		serve = await serveProcess(['--port', '0', '--handlers', file]);
		serve.child.stdout!.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		serve.child.stderr!.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		sfn = new SFNClient({endpoint: serve.url, region: 'us-east-1', credentials, maxAttempts: 1});
		logs = new CloudWatchLogsClient({endpoint: serve.url, region: 'us-east-1', credentials, maxAttempts: 1});
	});

	afterAll(() => {
		serve?.child.kill('SIGTERM');
		rmSync(directory, {recursive: true, force: true});
	});

	let machines = 0;
	async function run(state: Record<string, unknown>, input: unknown = {}): Promise<{status: string; events: HistoryEvent[]; executionArn: string}> {
		const caught = state.Catch === undefined ? {} : {Caught: {Type: 'Pass', End: true}};
		const definition = JSON.stringify({StartAt: 'Call', States: {Call: {...state, End: true}, ...caught}});
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: `M${++machines}`, roleArn, definition}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input: JSON.stringify(input)}));
		const status = await waitForEnd(sfn, executionArn!);
		return {status, events: await fullHistory(sfn, executionArn!), executionArn: executionArn!};
	}

	const lambdaTask = (name: string, extra: Record<string, unknown> = {}) => ({Type: 'Task', Resource: functionArn(name), ...extra});
	const failureOf = (events: HistoryEvent[]) => {
		const failed = events.find(event => event.type === 'LambdaFunctionFailed' || event.type === 'TaskFailed');
		const details = failed?.lambdaFunctionFailedEventDetails ?? failed?.taskFailedEventDetails;
		// A Lambda's cause is its error JSON; a service handler's is the message text.
		const cause = details?.cause?.startsWith('{') ? JSON.parse(details.cause) as Record<string, unknown> : details?.cause;
		return {type: failed?.type, error: details?.error, cause};
	};

	test('an exception thrown from a timer while the function runs fails that invocation with the error\'s type; serve goes on', async () => {
		const {status, events} = await run(lambdaTask('timer-throw'));
		expect(status).toBe('FAILED');
		expect(events.map(event => event.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'ExecutionFailed']);
		expect(failureOf(events)).toMatchObject({error: 'TypeError', cause: {errorType: 'TypeError', errorMessage: 'timer boom'}});
	});

	test('a promise the function rejected and never handled fails it with Runtime.UnhandledPromiseRejection, catchable', async () => {
		const {status, events} = await run(lambdaTask('forgotten-reject', {Catch: [{ErrorEquals: ['Runtime.UnhandledPromiseRejection'], Next: 'Caught'}]}));
		expect(status).toBe('SUCCEEDED');
		expect(events.map(event => event.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
		expect(failureOf(events)).toMatchObject({error: 'Runtime.UnhandledPromiseRejection', cause: {errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: nobody waited'}});
	});

	test('errors after the handler returned do not touch its (succeeded) invocation: one line each on serve\'s stderr, and serve keeps every execution', async () => {
		const first = await run(lambdaTask('late-throw'));
		const second = await run(lambdaTask('late-reject'));
		expect(first.status).toBe('SUCCEEDED');
		expect(second.status).toBe('SUCCEEDED');
		await new Promise(resolve => {
			setTimeout(resolve, 200);
		});
		expect(serve.child.exitCode).toBeNull();
		expect((await sfn.send(new ListStateMachinesCommand({}))).stateMachines!.length).toBeGreaterThanOrEqual(4);
		expect((await sfn.send(new DescribeExecutionCommand({executionArn: first.executionArn}))).status).toBe('SUCCEEDED');
		const lines = stderr.split('\n').filter(Boolean);
		expect(lines.filter(line => line.includes('late-throw'))).toEqual([expect.stringMatching(/late-throw.*after it returned.*Error: late boom/)]);
		expect(lines.filter(line => line.includes('late-reject'))).toEqual([expect.stringMatching(/late-reject.*after it returned.*late rejection/)]);
		expect(stderr.split('\n').filter(line => line.trimStart().startsWith('at '))).toEqual([]);
	});

	test.each([
		['circular', 'a circular object'],
		['bigint', 'a BigInt'],
		['getter', 'a getter that throws'],
		['to-json', 'a toJSON that throws'],
	])('a result JSON cannot write (%s: %s) fails the attempt with Runtime.JSONStringifyError, retried and caught like any task error', async name => {
		const {status, events} = await run(lambdaTask(name, {
			Retry: [{ErrorEquals: ['Runtime.JSONStringifyError'], IntervalSeconds: 1, MaxAttempts: 1}],
			Catch: [{ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'Caught'}],
		}));
		expect(status).toBe('SUCCEEDED');
		expect(events.map(event => event.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
		expect(failureOf(events)).toMatchObject({error: 'Runtime.JSONStringifyError', cause: {errorType: 'Runtime.JSONStringifyError', errorMessage: 'Unable to stringify response body'}});
	});

	test('a result is what JSON makes of it, as Lambda sends it: dates as text, undefined and functions left out', async () => {
		const {status, events} = await run(lambdaTask('dated'));
		expect(status).toBe('SUCCEEDED');
		const succeeded = events.find(event => event.type === 'LambdaFunctionSucceeded');
		expect(JSON.parse(succeeded!.lambdaFunctionSucceededEventDetails!.output!)).toEqual({when: '1970-01-01T00:00:00.000Z', list: [null, null]});
	});

	test('through lambda:invoke and a service handler the same: TaskFailed, not a broken execution', async () => {
		const invoked = await run({Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {FunctionName: 'circular'}});
		expect(failureOf(invoked.events)).toMatchObject({type: 'TaskFailed', error: 'Runtime.JSONStringifyError'});
		const service = await run({Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: {Message: 'hi'}});
		expect(service.events.map(event => event.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'ExecutionFailed']);
		expect(failureOf(service.events)).toMatchObject({error: 'Runtime.JSONStringifyError', cause: 'Unable to stringify response body'});
	});

	test('process.stdout.write and process.stderr.write go to /aws/lambda/<function>, not to serve\'s stdout', async () => {
		const {status} = await run(lambdaTask('writer'));
		expect(status).toBe('SUCCEEDED');
		const {events = []} = await logs.send(new FilterLogEventsCommand({logGroupName: '/aws/lambda/writer'}));
		const messages = events.map(event => event.message ?? '');
		expect(messages).toEqual(expect.arrayContaining(['raw out line', 'raw err line', 'no newline at the end', expect.stringMatching(/\tINFO\tconsole line$/)]));
		expect(messages.at(-1)).toMatch(/^REPORT RequestId:/);
		expect(stdout).toBe('');
		expect(stderr).not.toContain('raw err line');
	});
});

describe('an error outside any handler invocation is serve\'s own bug', () => {
	const runHandlerModule = pathToFileURL(path.join(repoRoot, 'dist/local/handlers/run-handler.js')).href;
	const script = (fault: string) => `
		const {runHandler} = await import(${JSON.stringify(runHandlerModule)});
		await runHandler(async () => 1, {}, {}, {label: 'function f (request r)'});
		setTimeout(() => { ${fault} }, 10);
		setTimeout(() => { console.log('still running'); }, 500);
	`;

	test.each([
		['a thrown exception', 'throw new Error(\'serve bug\');'],
		['an unhandled rejection', 'Promise.reject(new Error(\'serve bug\'));'],
	])('%s still ends the process as Node would: its stack on stderr, exit 1', (_name, fault) => {
		const result = spawnSync(process.execPath, ['--input-type=module', '-e', script(fault)], {encoding: 'utf8'});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Error: serve bug');
		expect(result.stderr.split('\n').some(line => line.trimStart().startsWith('at '))).toBe(true);
		expect(result.stdout).toBe('');
	});
});
