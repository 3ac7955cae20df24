import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateStateMachineCommand, SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startServer, type RunningServer} from '../../source/local/server.js';
import {credentials} from '../helpers/local-endpoint.js';
import {repoRoot, runCli} from '../helpers/run-cli.js';

/*
 * Region = --region, else AWS_REGION, else AWS_DEFAULT_REGION, else the
 * profile's, else the region inside a full ARN on the command line. Each run
 * has its own empty HOME and config files, so nothing of the machine's leaks in.
 */
describe('which region sfntop uses', () => {
	let server: RunningServer;
	let home: string;
	let configFile: string;

	beforeAll(async () => {
		server = await startServer({port: 0});
		home = await mkdtemp(path.join(tmpdir(), 'sfntop-region-'));
		configFile = path.join(home, 'config');
		await writeFile(configFile, '[default]\n\n[profile ops]\nregion = sa-east-1\n');
		const sfn = new SFNClient({endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1});
		await sfn.send(new CreateStateMachineCommand({name: 'OrderProcessingStateMachine', roleArn: 'arn:aws:iam::123456789012:role/R', definition: readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8')}));
	});

	afterAll(async () => {
		await server.close();
		await rm(home, {recursive: true, force: true});
	});

	const run = async (args: string[], environment: Record<string, string | undefined>) => runCli([...args, '--endpoint-url', server.url], {env: {
		AWS_ACCESS_KEY_ID: 'local',
		AWS_SECRET_ACCESS_KEY: 'local',
		AWS_REGION: undefined,
		AWS_DEFAULT_REGION: undefined,
		AWS_PROFILE: undefined,
		HOME: home,
		AWS_CONFIG_FILE: configFile,
		AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
		...environment,
	}});

	// An execution ARN in another region than the one in use is refused, naming the one in use.
	const foreignArn = 'arn:aws:states:eu-north-1:123456789012:execution:OrderProcessingStateMachine:x';
	const regionInUse = async (args: string[], environment: Record<string, string | undefined>) => {
		const result = await run(['tail', foreignArn, ...args], environment);
		return /but sfntop is using ([\w-]+);/.exec(result.stderr)?.[1] ?? result.stderr;
	};

	test('AWS_DEFAULT_REGION alone, as the AWS CLI has it: start works', async () => {
		const result = await run(['start', 'OrderProcessingStateMachine', '--name', 'default-region'], {AWS_DEFAULT_REGION: 'us-east-1'});
		expect(result.stderr).toBe('');
		expect(result.stdout).toBe('arn:aws:states:us-east-1:123456789012:execution:OrderProcessingStateMachine:default-region\n');
		expect(result.code).toBe(0);
	});

	test('--region beats AWS_REGION, which beats AWS_DEFAULT_REGION, which beats the profile', async () => {
		const everything = {AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'us-west-2', AWS_PROFILE: 'ops'};
		expect(await regionInUse(['--region', 'ca-central-1'], everything)).toBe('ca-central-1');
		expect(await regionInUse([], everything)).toBe('ap-south-1');
		expect(await regionInUse([], {...everything, AWS_REGION: undefined})).toBe('us-west-2');
		expect(await regionInUse([], {...everything, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined})).toBe('sa-east-1');
		expect(await regionInUse(['--profile', 'ops'], {})).toBe('sa-east-1');
	});

	test('an empty variable counts as unset', async () => {
		expect(await regionInUse([], {AWS_REGION: '', AWS_DEFAULT_REGION: 'us-west-2'})).toBe('us-west-2');
	});

	test('with no region anywhere, a full ARN on the command line names it', async () => {
		const result = await run(['tail', foreignArn], {});
		expect(result.stderr).toMatch(/^sfntop: no such execution/);
		expect(result.code).toBe(2);
	});

	test('with no region anywhere and no ARN: one line naming every place a region can come from', async () => {
		const result = await run(['ls'], {});
		expect(result.stderr).toBe('sfntop: no AWS region configured; pass --region, set AWS_DEFAULT_REGION (or AWS_REGION), or add a region to your profile\n');
		expect(result.code).toBe(3);
	});
});
