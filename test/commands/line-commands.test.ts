import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {mutatingApis} from '../../source/aws/sfn.js';
import {startServer, type RunningServer} from '../../source/local/server.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {runCli, type CliResult} from '../helpers/run-cli.js';

const credentials = cliUserEnvironment;

describe('line commands against sfntop serve', () => {
	let server: RunningServer;
	const sfntop = async (...args: string[]): Promise<CliResult> => runCli([...args, '--endpoint-url', server.url], {env: credentials, timeoutMs: 30_000});

	beforeAll(async () => {
		server = await startServer({port: 0});
		const created = await sfntop('start', 'OrderProcessingStateMachine');
		expect(created.code).toBe(2); // No machine yet: create one through the API the CLI does not have.
		const {SFNClient, CreateStateMachineCommand} = await import('@aws-sdk/client-sfn');
		const {readFileSync} = await import('node:fs');
		const sfn = new SFNClient({endpoint: server.url, region: 'us-east-1', credentials: {accessKeyId: 'local', secretAccessKey: 'local'}});
		await sfn.send(new CreateStateMachineCommand({name: 'OrderProcessingStateMachine', roleArn: 'arn:aws:iam::123456789012:role/R', definition: readFileSync(path.join(import.meta.dirname, '..', '..', 'examples', 'order-processing.json'), 'utf8')}));
	});

	afterAll(async () => {
		await server.close();
	});

	test('start --tail follows a successful execution to exit 0, one line per event', async () => {
		const result = await sfntop('start', 'OrderProcessingStateMachine', '--input', '{"orderId": "1", "delayMs": 20}', '--name', 'ok-1', '--tail', '--interval', '0.2', '--no-color');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines[0]).toBe('started arn:aws:states:us-east-1:123456789012:execution:OrderProcessingStateMachine:ok-1');
		expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} {2}- +ExecutionStarted {2}input \{"orderId": "1"/);
		expect(lines.some(line => /ChargeCustomer +LambdaFunctionSucceeded/.test(line))).toBe(true);
		expect(lines.at(-1)).toMatch(/ShipOrder|-/);
		expect(result.stdout).toMatch(/ExecutionSucceeded {2}output /);
	});

	test('tail exits 1 for a failed execution and shows the error and cause', async () => {
		await sfntop('start', 'OrderProcessingStateMachine', '--input', '{"orderId": "2", "delayMs": 10, "failAt": "charge-customer"}', '--name', 'fails-1');
		const result = await sfntop('tail', 'OrderProcessingStateMachine/fails-1', '--interval', '0.2', '--no-color', '--width', '0');
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/ChargeCustomer +LambdaFunctionFailed {2}PaymentDeclined: The card was declined by the issuer$/m);
		expect(result.stdout.trim().split('\n').at(-1)).toMatch(/ExecutionFailed {2}PaymentDeclined/);
	});

	test('tail --json prints one parseable object per event', async () => {
		const result = await sfntop('tail', 'OrderProcessingStateMachine/ok-1', '--json');
		expect(result.code).toBe(0);
		const events = result.stdout.trim().split('\n').map(line => JSON.parse(line) as {id: number; type: string; state: string | null; timestamp: string; details: Record<string, unknown>});
		expect(events[0]).toMatchObject({id: 1, type: 'ExecutionStarted', state: null});
		expect(events[1]).toMatchObject({id: 2, type: 'TaskStateEntered', state: 'ValidateOrder'});
		expect(events[2]).toMatchObject({type: 'LambdaFunctionScheduled', state: 'ValidateOrder'});
		expect(events.every(event => /^\d{4}-\d\d-\d\dT/.test(event.timestamp))).toBe(true);
		expect(events.at(-1)!.type).toBe('ExecutionSucceeded');
	});

	test('tail --logs shows each handler\'s own log lines under its state', async () => {
		const result = await sfntop('tail', 'OrderProcessingStateMachine/fails-1', '--logs', '--no-color', '--width', '0');
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/ChargeCustomer +│ START RequestId: /);
		// Lambda's timestamp and request id prefix is dropped; the level stays (issue 11 item 6).
		expect(result.stdout).toMatch(/ChargeCustomer +│ INFO charge-customer: The card was declined by the issuer$/m);
		expect(result.stdout).toMatch(/ValidateOrder +│ INFO validate-order: processing order 2$/m);
		expect(result.stdout).not.toMatch(/ValidateOrder +│ .*charge-customer/);
	});

	test('stop aborts a running execution; tail then exits 1', async () => {
		await sfntop('start', 'OrderProcessingStateMachine', '--input', '{"orderId": "3", "delayMs": 5000}', '--name', 'slow-1');
		const stopped = await sfntop('stop', 'OrderProcessingStateMachine/slow-1', '--error', 'Operator', '--cause', 'test');
		expect(stopped.code).toBe(0);
		expect(stopped.stdout).toBe('stopped arn:aws:states:us-east-1:123456789012:execution:OrderProcessingStateMachine:slow-1\n');
		const tailed = await sfntop('tail', 'OrderProcessingStateMachine/slow-1', '--no-color', '--interval', '0.2');
		expect(tailed.code).toBe(1);
		expect(tailed.stdout).toMatch(/ExecutionAborted {2}Operator: test/);
	});

	test('redrive shows the preview, refuses without --yes off a terminal, and with --yes reruns from the failed state', async () => {
		const refused = await sfntop('redrive', 'OrderProcessingStateMachine/fails-1');
		expect(refused.code).toBe(2);
		expect(refused.stdout).toContain('runs again:   ChargeCustomer, ShipOrder');
		expect(refused.stdout).toContain('keeps result: ValidateOrder, ReserveInventory');
		expect(refused.stderr).toBe('sfntop: not redriving without confirmation: pass --yes when not on a terminal\n');

		const redriven = await sfntop('redrive', 'OrderProcessingStateMachine/fails-1', '--yes');
		expect(redriven.code).toBe(0);
		expect(redriven.stdout).toContain('redriven; arn:aws:states:us-east-1:123456789012:execution:OrderProcessingStateMachine:fails-1 is RUNNING again');
		const tailed = await sfntop('tail', 'OrderProcessingStateMachine/fails-1', '--no-color', '--interval', '0.2');
		expect(tailed.code).toBe(0);
		expect(tailed.stdout).toMatch(/ExecutionRedriven {2}redrive 1/);

		const again = await sfntop('redrive', 'OrderProcessingStateMachine/fails-1', '--yes');
		expect(again.code).toBe(2);
		expect(again.stderr).toMatch(/^sfntop: cannot redrive .*: the execution is SUCCEEDED; only FAILED, ABORTED or TIMED_OUT executions can be redriven\n$/);
	});

	test('ls lists machines and executions, as a table or NDJSON', async () => {
		const machines = await sfntop('ls', '--no-color');
		expect(machines.stdout).toMatch(/^NAME +TYPE +CREATED\nOrderProcessingStateMachine +STANDARD +\d{4}-/);
		const executions = await sfntop('ls', 'OrderProcessingStateMachine', '--no-color');
		expect(executions.stdout.split('\n', 1)[0]).toMatch(/^NAME +STATUS +STARTED +DURATION$/);
		expect(executions.stdout).toMatch(/^ok-1 +SUCCEEDED +\d{4}-\d\d-\d\dT[\d:]+Z +\d/m);
		const aborted = await sfntop('ls', 'OrderProcessingStateMachine', '--status', 'ABORTED', '--json');
		const rows = aborted.stdout.trim().split('\n').map(line => JSON.parse(line) as {name: string; status: string});
		expect(rows).toEqual([expect.objectContaining({name: 'slow-1', status: 'ABORTED'})]);
	});

	test('--read-only refuses start, stop and redrive and sends no mutating call', async () => {
		const before = server.requests.length;
		for (const args of [['start', 'OrderProcessingStateMachine'], ['stop', 'OrderProcessingStateMachine/latest'], ['redrive', 'OrderProcessingStateMachine/slow-1', '--yes']]) {
			const result = await sfntop(...args, '--read-only');
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(/^sfntop: --read-only: (?:starting|stopping|redriving) an execution is disabled\n$/);
		}

		await sfntop('tail', 'OrderProcessingStateMachine/ok-1', '--read-only');
		await sfntop('ls', 'OrderProcessingStateMachine', '--read-only');
		const mutating = server.requests.slice(before).filter(request => mutatingApis.has(request.operation));
		expect(mutating).toEqual([]);
	});

	// The exit code comes from the kind of error, not from its wording: an Express machine with no
	// logging leaves nothing to follow, which AWS calls StateMachineTypeNotSupported (exit 2, not 3).
	test('tail and redrive of an Express execution with no log group: one line and exit 2', async () => {
		const {SFNClient, CreateStateMachineCommand, StartExecutionCommand} = await import('@aws-sdk/client-sfn');
		const sfn = new SFNClient({endpoint: server.url, region: 'us-east-1', credentials: {accessKeyId: 'local', secretAccessKey: 'local'}});
		await sfn.send(new CreateStateMachineCommand({name: 'Unlogged', type: 'EXPRESS', roleArn: 'arn:aws:iam::123456789012:role/R', definition: JSON.stringify({StartAt: 'Done', States: {Done: {Type: 'Succeed'}}})}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Unlogged'}));
		for (const command of ['tail', 'redrive']) {
			const result = await sfntop(command, executionArn!);
			expect(result.stderr).toBe('sfntop: Unlogged is an Express state machine without CloudWatch Logs logging, so its executions leave no history to follow; give it a logging configuration (level ALL, includeExecutionData, a log group), e.g. `aws stepfunctions update-state-machine --logging-configuration …`\n');
			expect(result.code).toBe(2);
		}
	});

	test.each([
		['an unknown execution', ['tail', 'OrderProcessingStateMachine/nope'], 2, /^sfntop: no such execution \(Execution Does Not Exist: 'arn:aws:states:us-east-1:123456789012:execution:OrderProcessingStateMachine:nope'\); check the ARN, or use MACHINE\/latest\n$/],
		['a malformed ARN', ['tail', 'arn:aws:states:nope'], 2, /^sfntop: "arn:aws:states:nope" is not a Step Functions state machine or execution ARN/],
		['an ARN of another region', ['tail', 'arn:aws:states:eu-west-1:123456789012:execution:M:x'], 2, /^sfntop: arn:aws:states:eu-west-1:123456789012:execution:M:x is in region eu-west-1, but sfntop is using us-east-1; pass --region eu-west-1\n$/],
		['a missing machine', ['ls', 'NoSuchMachine'], 2, /^sfntop: no state machine named NoSuchMachine in us-east-1; `sfntop ls` lists them\n$/],
		['input that is not JSON', ['start', 'OrderProcessingStateMachine', '--input', '{nope'], 2, /^sfntop: --input is not valid JSON: .+ at line 1, column 2\n$/],
		['a missing @file', ['start', 'OrderProcessingStateMachine', '--input', '@missing.json'], 2, /^sfntop: cannot read --input file missing\.json: no such file\n$/],
	])('%s: one line and the right exit code', async (_name, args, code, message) => {
		const result = await sfntop(...args);
		expect(result.stderr).toMatch(message);
		expect(result.code).toBe(code);
	});
});

describe('line command errors without a working endpoint', () => {
	test('an endpoint that refuses connections', async () => {
		const result = await runCli(['ls', '--endpoint-url', 'http://127.0.0.1:9'], {env: credentials});
		expect(result.stderr).toBe('sfntop: cannot reach http://127.0.0.1:9: connection refused; is the endpoint running? (check --endpoint-url)\n');
		expect(result.code).toBe(3);
	});

	test('no credentials anywhere', async () => {
		const home = await mkdtemp(path.join(tmpdir(), 'sfntop-home-'));
		try {
			// AWS_EC2_METADATA_DISABLED keeps the SDK's chain from asking the instance-metadata address.
			const result = await runCli(['ls', '--endpoint-url', 'http://127.0.0.1:9'], {env: {AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined, AWS_DEFAULT_REGION: 'us-east-1', HOME: home, AWS_CONFIG_FILE: path.join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none'), AWS_EC2_METADATA_DISABLED: 'true', AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined, AWS_WEB_IDENTITY_TOKEN_FILE: undefined}});
			expect(result.stderr).toBe('sfntop: no AWS credentials found; set AWS_PROFILE or pass --profile, run `aws configure`, or `aws sso login`\n');
			expect(result.code).toBe(3);
		} finally {
			await rm(home, {recursive: true, force: true});
		}
	});

	test('no region anywhere', async () => {
		const home = await mkdtemp(path.join(tmpdir(), 'sfntop-home-'));
		try {
			const result = await runCli(['ls'], {env: {AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_PROFILE: undefined, HOME: home, AWS_CONFIG_FILE: path.join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none')}});
			expect(result.stderr).toBe('sfntop: no AWS region configured; pass --region, set AWS_DEFAULT_REGION (or AWS_REGION), or add a region to your profile\n');
			expect(result.code).toBe(3);
		} finally {
			await rm(home, {recursive: true, force: true});
		}
	});
});
