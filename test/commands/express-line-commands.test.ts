import {CreateLogGroupCommand} from '@aws-sdk/client-cloudwatch-logs';
import {CreateStateMachineCommand, StartExecutionCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {localEndpoint} from '../helpers/local-endpoint.js';
import {runCli} from '../helpers/run-cli.js';

/*
 * Issue 11 item 10: Express machines have no ListExecutions or history API;
 * `ls`, `tail` and MACHINE/latest read their executions from the CloudWatch
 * Logs execution records, as the dashboard does, and a machine without
 * logging gets one line saying what to configure.
 */
const roleArn = 'arn:aws:iam::123456789012:role/R';
const definition = JSON.stringify({StartAt: 'Record', States: {Record: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:record-event', Next: 'Done'}, Done: {Type: 'Succeed'}}});
const logging = {level: 'ALL' as const, includeExecutionData: true, destinations: [{cloudWatchLogsLogGroup: {logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/Events:*'}}]};

type JsonLine = Record<string, unknown>;
const jsonLines = (text: string) => text.trim().split('\n').map(line => JSON.parse(line) as JsonLine);

describe('Express machines in the line commands', () => {
	let endpoint: Awaited<ReturnType<typeof localEndpoint>>;
	const sfntop = async (...args: string[]) => runCli([...args, '--endpoint-url', endpoint.server.url, '--no-color'], {env: cliUserEnvironment, timeoutMs: 30_000});

	beforeAll(async () => {
		endpoint = await localEndpoint();
		// As on AWS, the log group must exist before a machine can log to it.
		await endpoint.logs.send(new CreateLogGroupCommand({logGroupName: '/aws/vendedlogs/states/Events'}));
		const {stateMachineArn} = await endpoint.sfn.send(new CreateStateMachineCommand({name: 'Events', type: 'EXPRESS', roleArn, definition, loggingConfiguration: logging}));
		await endpoint.sfn.send(new CreateStateMachineCommand({name: 'Silent', type: 'EXPRESS', roleArn, definition}));
		const quiet = await endpoint.sfn.send(new CreateStateMachineCommand({name: 'Quiet', type: 'EXPRESS', roleArn, definition, loggingConfiguration: {...logging, level: 'ERROR'}}));
		await endpoint.sfn.send(new StartExecutionCommand({stateMachineArn: quiet.stateMachineArn, name: 'quiet-fails', input: '{"orderId": "9", "delayMs": 5, "failAt": "record-event"}'}));
		await endpoint.sfn.send(new StartExecutionCommand({stateMachineArn, name: 'first-fails', input: '{"orderId": "1", "delayMs": 5, "failAt": "record-event"}'}));
		await new Promise(resolve => {
			setTimeout(resolve, 300);
		});
		await endpoint.sfn.send(new StartExecutionCommand({stateMachineArn, name: 'then-succeeds', input: '{"orderId": "2", "delayMs": 5}'}));
		await new Promise(resolve => {
			setTimeout(resolve, 300);
		});
	});

	afterAll(async () => {
		await endpoint.server.close();
	});

	test('ls MACHINE lists its executions from the log records, newest first; --status and --json work', async () => {
		const result = await sfntop('ls', 'Events');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const rows = result.stdout.trim().split('\n');
		expect(rows[0]).toMatch(/^NAME +STATUS +STARTED +DURATION$/);
		expect(rows.slice(1).map(row => row.split(/ +/).slice(0, 2))).toEqual([['then-succeeds', 'SUCCEEDED'], ['first-fails', 'FAILED']]);

		const failed = await sfntop('ls', 'Events', '--status', 'FAILED', '--json');
		const [only, ...rest] = jsonLines(failed.stdout);
		expect(rest).toEqual([]);
		expect(only).toMatchObject({name: 'first-fails', status: 'FAILED'});
		expect(String(only.arn)).toMatch(/^arn:aws:states:us-east-1:123456789012:express:Events:first-fails:/);
	});

	test('tail MACHINE/latest follows the newest execution and exits 0 when it succeeded', async () => {
		const result = await sfntop('tail', 'Events/latest');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/ExecutionStarted/);
		expect(result.stdout.trim().split('\n').at(-1)).toMatch(/ExecutionSucceeded/);
	});

	test('tail MACHINE/NAME --json: every record once, in order, exit 1 for a failed execution', async () => {
		const result = await sfntop('tail', 'Events/first-fails', '--json');
		expect(result.code).toBe(1);
		const events = jsonLines(result.stdout);
		expect(events.map(event => event.id)).toEqual(events.map((_, index) => index + 1));
		expect(events.at(-1)).toMatchObject({type: 'ExecutionFailed'});
	});

	test('tail --logs shows the Lambda\'s own lines under its state', async () => {
		const result = await sfntop('tail', 'Events/latest', '--logs', '--width', '0');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/Record +│ START RequestId:/);
	});

	test('start --tail on an Express machine follows it to the end', async () => {
		const result = await sfntop('start', 'Events', '--input', '{"orderId": "3", "delayMs": 5}', '--tail');
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n', 1)[0]).toMatch(/^started arn:aws:states:us-east-1:123456789012:express:Events:/);
		expect(result.stdout).toMatch(/ExecutionSucceeded/);
	});

	test('a machine without logging: one line saying what to configure, exit 2', async () => {
		for (const args of [['ls', 'Silent'], ['tail', 'Silent/latest']]) {
			const result = await sfntop(...args);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/^sfntop: Silent is an Express state machine without CloudWatch Logs logging, so .*; give it a logging configuration \(level ALL, includeExecutionData, a log group\).*\n$/);
			expect(result.code).toBe(2);
		}
	});

	test('a machine that logs only errors: its failures are listed, but following needs level ALL', async () => {
		const listed = await sfntop('ls', 'Quiet', '--json');
		expect(jsonLines(listed.stdout)).toMatchObject([{name: 'quiet-fails', status: 'FAILED'}]);
		const followed = await sfntop('tail', 'Quiet/latest');
		expect(followed.stderr).toBe('sfntop: Quiet is an Express state machine that logs only ERROR events, so its executions leave no history to follow; set its logging level to ALL\n');
		expect(followed.code).toBe(2);
	});
});
