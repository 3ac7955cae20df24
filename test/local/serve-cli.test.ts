import process from 'node:process';
import {execFile, type ChildProcess} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {repoRoot, runCli} from '../helpers/run-cli.js';
import {serveProcess} from '../helpers/serve-process.js';

// The callback API promisified, as Node documents it (execFile returns a ChildProcess; promisify ignores it).
// eslint-disable-next-line @typescript-eslint/strict-void-return
const run = promisify(execFile);
const awsEnvironment = {...process.env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: ''};

const startServe = async (args: string[] = []) => serveProcess(['--port', '0', ...args]);

async function hasAwsCli(): Promise<boolean> {
	try {
		await run('aws', ['--version']);
		return true;
	} catch {
		return false;
	}
}

describe('sfntop serve as a process, with the AWS CLI', () => {
	let serve: {child: ChildProcess; url: string};

	beforeAll(async () => {
		serve = await startServe();
	});

	afterAll(() => {
		serve.child.kill('SIGTERM');
	});

	const aws = async (...args: string[]) => {
		const {stdout} = await run('aws', [...args, '--endpoint-url', serve.url, '--output', 'json'], {env: awsEnvironment, cwd: path.join(repoRoot, 'examples')});
		return stdout.trim() === '' ? {} : JSON.parse(stdout) as Record<string, unknown>;
	};

	test('the documented order workflow commands work verbatim', async context => {
		if (!await hasAwsCli()) {
			context.skip();
			return;
		}

		const created = await aws('stepfunctions', 'create-state-machine', '--name', 'OrderProcessingStateMachine', '--definition', 'file://order-processing.json', '--role-arn', 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole');
		expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:OrderProcessingStateMachine');
		const started = await aws('stepfunctions', 'start-execution', '--state-machine-arn', created.stateMachineArn as string, '--input', '{"orderId": "12345"}');
		const executionArn = started.executionArn as string;
		expect(executionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:execution:OrderProcessingStateMachine:/);

		let described: Record<string, unknown> = {};
		for (let tries = 0; tries < 100; tries++) {
			described = await aws('stepfunctions', 'describe-execution', '--execution-arn', executionArn);
			if (described.status !== 'RUNNING') {
				break;
			}

			await new Promise(resolve => {
				setTimeout(resolve, 100);
			});
		}

		expect(described.status).toBe('SUCCEEDED');
		const history = await aws('stepfunctions', 'get-execution-history', '--execution-arn', executionArn);
		const types = (history.events as Array<{type: string}>).map(event => event.type);
		expect(types[0]).toBe('ExecutionStarted');
		expect(types.filter(type => type === 'LambdaFunctionSucceeded')).toHaveLength(4);
		expect(types.at(-1)).toBe('ExecutionSucceeded');

		const failing = await aws('stepfunctions', 'start-execution', '--state-machine-arn', created.stateMachineArn as string, '--input', '{"orderId": "9", "delayMs": 10, "failAt": "charge-customer"}');
		for (let tries = 0; tries < 100; tries++) {
			if ((await aws('stepfunctions', 'describe-execution', '--execution-arn', failing.executionArn as string)).status === 'FAILED') {
				break;
			}

			await new Promise(resolve => {
				setTimeout(resolve, 100);
			});
		}

		const redriven = await aws('stepfunctions', 'redrive-execution', '--execution-arn', failing.executionArn as string);
		expect(typeof redriven.redriveDate).toBe('number');
		const logs = await aws('logs', 'filter-log-events', '--log-group-name', '/aws/lambda/charge-customer');
		expect((logs.events as Array<{message: string}>).some(event => event.message.startsWith('REPORT RequestId:'))).toBe(true);
	});
});

describe('versions and aliases with the AWS CLI', () => {
	let serve: {child: ChildProcess; url: string};

	beforeAll(async () => {
		serve = await startServe();
	});

	afterAll(() => {
		serve.child.kill('SIGTERM');
	});

	const aws = async (...args: string[]) => {
		const {stdout} = await run('aws', ['stepfunctions', ...args, '--endpoint-url', serve.url, '--output', 'json'], {env: awsEnvironment, cwd: path.join(repoRoot, 'examples')});
		return stdout.trim() === '' ? {} : JSON.parse(stdout) as Record<string, unknown>;
	};

	test('publish on create, an alias, a start through it: describe-execution names both', async context => {
		if (!await hasAwsCli()) {
			context.skip();
			return;
		}

		const created = await aws('create-state-machine', '--name', 'OrdersV', '--definition', 'file://order-processing.json', '--role-arn', 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole', '--publish', '--version-description', 'first release');
		expect(created.stateMachineVersionArn).toBe(`${created.stateMachineArn as string}:1`);
		const alias = await aws('create-state-machine-alias', '--name', 'prod', '--routing-configuration', `stateMachineVersionArn=${created.stateMachineVersionArn as string},weight=100`);
		expect(alias.stateMachineAliasArn).toBe(`${created.stateMachineArn as string}:prod`);
		const started = await aws('start-execution', '--state-machine-arn', alias.stateMachineAliasArn as string, '--input', '{"orderId": "7", "delayMs": 0}');
		const described = await aws('describe-execution', '--execution-arn', started.executionArn as string);
		expect(described).toMatchObject({stateMachineArn: created.stateMachineArn, stateMachineVersionArn: created.stateMachineVersionArn, stateMachineAliasArn: alias.stateMachineAliasArn});
		const versions = await aws('list-state-machine-versions', '--state-machine-arn', created.stateMachineArn as string);
		expect((versions.stateMachineVersions as Array<{stateMachineVersionArn: string}>).map(version => version.stateMachineVersionArn)).toEqual([created.stateMachineVersionArn]);
	});
});

describe('sfntop serve errors', () => {
	test('a port in use is one line and exit 2', async () => {
		const serve = await startServe();
		try {
			const {port} = new URL(serve.url);
			const result = await runCli(['serve', '--port', port]);
			expect(result.code).toBe(2);
			expect(result.stderr).toBe(`sfntop: port ${port} on 127.0.0.1 is already in use; pick another with --port (0 picks a free one)\n`);
		} finally {
			serve.child.kill('SIGTERM');
		}
	});

	test('a bad --faults spec is one line and exit 2', async () => {
		const result = await runCli(['serve', '--port', '0', '--faults', 'throttle=2']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe('sfntop: --faults: throttle takes a probability from 0 to 1, not "2"\n');
	});

	test('a missing --handlers file is one line and exit 2', async () => {
		const result = await runCli(['serve', '--port', '0', '--handlers', 'no-such-handlers.mjs']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe('sfntop: cannot load handlers from no-such-handlers.mjs: no such file\n');
	});

	test('a --port that is not a number, or a word serve does not take, is one line and exit 2', async () => {
		const port = await runCli(['serve', '--port', 'abc']);
		expect([port.code, port.stderr]).toEqual([2, 'sfntop: --port takes a port number from 0 to 65535, not "abc"\n']);
		const extra = await runCli(['serve', 'extra', '--port', '0']);
		expect(extra.code).toBe(2);
		expect(extra.stderr).toMatch(/^sfntop: sfntop serve takes no arguments; unexpected "extra"/);
	});

	test('a --data-dir that cannot be made is one line and exit 2, not a silent hang', async () => {
		// Under /proc mkdir fails with ENOENT, where Node's recursive mkdir never returned.
		const result = await runCli(['serve', '--port', '0', '--data-dir', '/proc/sfntop-test/data']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^sfntop: cannot use --data-dir \/proc\/sfntop-test\/data: .+\n$/);
	});

	test('SIGTERM stops it cleanly with exit 0', async () => {
		const serve = await startServe(['--demo']);
		const code = await new Promise<number | null>(resolve => {
			serve.child.on('exit', resolve);
			serve.child.kill('SIGTERM');
		});
		expect(code).toBe(0);
	});
});
