import {CreateStateMachineCommand, SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startServer, type RunningServer} from '../../source/local/server.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {runCli} from '../helpers/run-cli.js';
import {startFleet} from '../helpers/running-fleet.js';

const credentials = cliUserEnvironment;

describe('sfntop ls MACHINE --status RUNNING --wide', () => {
	let server: RunningServer;
	const sfntop = async (...args: string[]) => runCli([...args, '--endpoint-url', server.url], {env: credentials, timeoutMs: 30_000});

	beforeAll(async () => {
		server = await startServer({port: 0});
		const sfn = new SFNClient({endpoint: server.url, region: 'us-east-1', credentials: {accessKeyId: 'local', secretAccessKey: 'local'}});
		await startFleet(sfn, 'Fleet', 8);
		await sfn.send(new CreateStateMachineCommand({name: 'Quick', type: 'EXPRESS', roleArn: 'arn:aws:iam::123456789012:role/R', definition: JSON.stringify({StartAt: 'A', States: {A: {Type: 'Pass', End: true}}})}));
	});

	afterAll(async () => {
		await server.close();
	});

	test('prints every running execution once with its current state, elapsed time and Map progress, one small history read each', async () => {
		const before = server.requests.length;
		const result = await sfntop('ls', 'Fleet', '--status', 'RUNNING', '--wide', '--no-color', '--budget', '20');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^NAME +CURRENT STATE +STARTED +ELAPSED +MAP$/);
		expect(lines).toHaveLength(9);
		// Newest first; started together, so their order among themselves is the endpoint's.
		expect(lines.find(line => line.startsWith('run-0007'))).toMatch(/^run-0007 +ProcessBatch +\d{4}-\d\d-\d\dT[\d:]+Z +[\d.]+ ?[a-z]+(?: \d+s)? +3\/4 ▶1$/);
		expect(lines.find(line => line.startsWith('run-0006'))).toMatch(/^run-0006 +AwaitApproval +\d{4}-/);
		const operations = server.requests.slice(before).map(request => request.operation);
		expect(operations.filter(operation => operation === 'GetExecutionHistory')).toHaveLength(8);
		// One look at the machine's type (the wall is for Standard machines), none per row.
		expect(operations.filter(operation => operation.startsWith('Describe'))).toEqual(['DescribeStateMachine']);
	});

	test('--json: one object per execution with currentState and mapProgress', async () => {
		const result = await sfntop('ls', 'Fleet', '--wide', '--json');
		const rows = result.stdout.trim().split('\n').map(line => JSON.parse(line) as {name: string; status: string; currentState: string; mapProgress: unknown});
		expect(rows).toHaveLength(8);
		expect(rows.find(row => row.name === 'run-0007')).toMatchObject({name: 'run-0007', status: 'RUNNING', currentState: 'ProcessBatch', mapProgress: {total: 4, succeeded: 3, failed: 0, running: 1}});
		expect(rows.find(row => row.name === 'run-0006')).toMatchObject({name: 'run-0006', currentState: 'AwaitApproval', mapProgress: null});
	});

	test('an Express machine: one line saying the wall is for Standard machines and where its executions are, exit 2, no ListExecutions', async () => {
		const before = server.requests.length;
		const result = await sfntop('ls', 'Quick', '--status', 'RUNNING', '--wide');
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe('sfntop: Quick is an Express machine: the running wall is for Standard machines; AWS has no ListExecutions or execution history for Express; `sfntop ls Quick --status RUNNING` lists its executions from its CloudWatch Logs records\n');
		expect(server.requests.slice(before).map(request => request.operation).filter(operation => operation === 'ListExecutions' || operation === 'GetExecutionHistory')).toEqual([]);
	});

	test.each([
		[['ls', 'Fleet', '--status', 'FAILED', '--wide'], /^sfntop: --wide lists the running executions of one machine/],
		[['ls', '--wide'], /^sfntop: --wide lists the running executions of one machine/],
		[['ls', 'Fleet', '--wide', '--budget', '0'], /^sfntop: --budget takes row reads per second, more than 0 and at most 100, not "0"\n$/],
	])('%j is one line and exit 2', async (args, message) => {
		const result = await sfntop(...args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
	});
});
