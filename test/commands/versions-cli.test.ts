import process from 'node:process';
import {CreateStateMachineAliasCommand, CreateStateMachineCommand, SFNClient, UpdateStateMachineCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startServer, type RunningServer} from '../../source/local/server.js';
import {createSession} from '../../source/sync/session.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {runCli, type CliResult} from '../helpers/run-cli.js';

/*
 * Issue 13: starting through versions and aliases from the command line, and
 * seeing which one each execution ran under — against sfntop serve, in the
 * user's environment (AWS_DEFAULT_REGION, stdout a pipe).
 */

const environment = cliUserEnvironment;
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';
const pass = (label: string) => JSON.stringify({StartAt: 'P', States: {P: {Type: 'Pass', Result: {label}, End: true}}});

describe('versions and aliases in the line commands', () => {
	let server: RunningServer;
	let machineArn: string;
	const sfntop = async (...args: string[]): Promise<CliResult> => runCli([...args, '--endpoint-url', server.url], {env: environment, timeoutMs: 30_000});

	beforeAll(async () => {
		server = await startServer({port: 0});
		const sfn = new SFNClient({endpoint: server.url, region: 'us-east-1', credentials: {accessKeyId: 'local', secretAccessKey: 'local'}});
		const created = await sfn.send(new CreateStateMachineCommand({name: 'Greeter', roleArn, definition: pass('one'), publish: true}));
		machineArn = created.stateMachineArn!;
		await sfn.send(new UpdateStateMachineCommand({stateMachineArn: machineArn, definition: pass('two'), publish: true}));
		await sfn.send(new CreateStateMachineAliasCommand({name: 'prod', routingConfiguration: [{stateMachineVersionArn: `${machineArn}:1`, weight: 100}]}));
	});

	afterAll(async () => {
		await server.close();
	});

	test('start MACHINE:ALIAS runs the version the alias routes to', async () => {
		const result = await sfntop('start', 'Greeter:prod', '--name', 'via-alias', '--tail', '--json');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const first = JSON.parse(result.stdout.split('\n', 1)[0]) as {type: string; executionArn?: string};
		// Nothing else in --json says which execution was started: a script needs it to stop or redrive.
		expect(first).toMatchObject({type: 'ExecutionStarted', executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Greeter:via-alias'});
		const last = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {type: string; details: {output: string}};
		expect(last.type).toBe('ExecutionSucceeded');
		expect(JSON.parse(last.details.output)).toEqual({label: 'one'});
	});

	test('start MACHINE:VERSION runs that version', async () => {
		const result = await sfntop('start', 'Greeter:2', '--name', 'via-version');
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('arn:aws:states:us-east-1:123456789012:execution:Greeter:via-version\n');
	});

	test('ls shows what each execution ran under; ls MACHINE:ALIAS lists only the executions started through it', async () => {
		await sfntop('start', 'Greeter', '--name', 'plain');
		const all = await sfntop('ls', 'Greeter', '--no-color');
		expect(all.code).toBe(0);
		expect(all.stdout).toMatch(/^NAME\s+STATUS\s+STARTED\s+DURATION\s+VERSION$/m);
		expect(all.stdout).toMatch(/^via-alias +SUCCEEDED +\S+ +\S+(?: \S+)? +prod \(v1\)$/m);
		expect(all.stdout).toMatch(/^via-version +\S+ +\S+ +\S+(?: \S+)? +v2$/m);
		expect(all.stdout).toMatch(/^plain\s+\S+\s+\S+\s+\S+(?: \S+)?$/m);
		const viaAlias = await sfntop('ls', 'Greeter:prod', '--json');
		const rows = viaAlias.stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		expect(rows.map(row => row.name)).toEqual(['via-alias']);
		expect(rows[0]).toMatchObject({stateMachineAliasArn: `${machineArn}:prod`, stateMachineVersionArn: `${machineArn}:1`});
	});

	test('an alias or version that does not exist: one line, exit 2', async () => {
		const result = await sfntop('start', 'Greeter:staging');
		expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
		expect(result.stderr).toContain('Greeter:staging');
		expect(result.code).toBe(2);
	});

	test('the execution follower names the version and alias it ran under', async () => {
		const session = await createSession({endpointUrl: server.url, region: 'us-east-1', readOnly: false, intervalMs: 200});
		try {
			const follower = session.execution('arn:aws:states:us-east-1:123456789012:execution:Greeter:via-alias');
			await expect.poll(() => follower.getState().data?.description, {timeout: 5000}).toMatchObject({versionArn: `${machineArn}:1`, aliasArn: `${machineArn}:prod`});
		} finally {
			session.close();
		}
	});
});
