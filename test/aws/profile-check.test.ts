import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startServer, type RunningServer} from '../../source/local/server.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {runCli} from '../helpers/run-cli.js';

/*
 * Issue 11 item 8: `sfntop ls --profile nosuchprofile` printed the SDK's
 * nine-line "Multiple credential sources" warning and then "no AWS
 * credentials found". A profile that is in neither shared file is one line
 * naming it, exit 2. Each run has its own HOME, so the machine's files never count.
 */
describe('--profile and AWS_PROFILE name a profile that must exist', () => {
	let server: RunningServer;
	let home: string;

	beforeAll(async () => {
		server = await startServer({port: 0});
		home = await mkdtemp(path.join(tmpdir(), 'sfntop-profile-'));
	});

	afterAll(async () => {
		await server.close();
		await rm(home, {recursive: true, force: true});
	});

	const freshHome = async (files: Record<string, string>) => {
		const directory = await mkdtemp(path.join(home, 'home-'));
		for (const [name, text] of Object.entries(files)) {
			await mkdir(path.dirname(path.join(directory, name)), {recursive: true});
			await writeFile(path.join(directory, name), text);
		}

		return directory;
	};

	const ls = async (args: string[], environment: Record<string, string | undefined>) => runCli(['ls', ...args, '--endpoint-url', server.url], {env: {
		...cliUserEnvironment,
		AWS_PROFILE: undefined,
		AWS_CONFIG_FILE: undefined,
		AWS_SHARED_CREDENTIALS_FILE: undefined,
		...environment,
	}});

	test('a profile in neither file: one line naming it and the files read, exit 2', async () => {
		const result = await ls(['--profile', 'nosuchprofile'], {HOME: await freshHome({})});
		expect(result.stderr).toBe('sfntop: AWS profile "nosuchprofile" is not in ~/.aws/config or ~/.aws/credentials\n');
		expect(result.stdout).toBe('');
		expect(result.code).toBe(2);
	});

	test('AWS_PROFILE naming a missing profile is refused the same way, saying where the name came from', async () => {
		const otherHome = await freshHome({'.aws/config': '[profile ops]\nregion = us-east-1\n'});
		const result = await ls([], {HOME: otherHome, AWS_PROFILE: 'nosuchprofile'});
		expect(result.stderr).toBe('sfntop: AWS profile "nosuchprofile" (AWS_PROFILE) is not in ~/.aws/config or ~/.aws/credentials\n');
		expect(result.code).toBe(2);
	});

	test('a profile in ~/.aws/credentials or ~/.aws/config works, with nothing on stderr (not even beside AWS_ACCESS_KEY_ID)', async () => {
		const credentialsHome = await freshHome({'.aws/credentials': '[nosuchprofile]\naws_access_key_id = local\naws_secret_access_key = local\n'});
		const fromCredentials = await ls(['--profile', 'nosuchprofile'], {HOME: credentialsHome});
		expect(fromCredentials.stderr).toBe('');
		expect(fromCredentials.code).toBe(0);

		const configHome = await freshHome({'.aws/config': '[profile ops]\naws_access_key_id = local\naws_secret_access_key = local\n'});
		const fromConfig = await ls(['--profile', 'ops'], {HOME: configHome});
		expect(fromConfig.stderr).toBe('');
		expect(fromConfig.code).toBe(0);
	});

	test('AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE are the files read when set', async () => {
		const elsewhere = await freshHome({
			'aws-config': '[profile from-config]\naws_access_key_id = local\naws_secret_access_key = local\n',
			'aws-credentials': '[from-credentials]\naws_access_key_id = local\naws_secret_access_key = local\n',
		});
		const environment = {HOME: await freshHome({}), AWS_CONFIG_FILE: path.join(elsewhere, 'aws-config'), AWS_SHARED_CREDENTIALS_FILE: path.join(elsewhere, 'aws-credentials')};
		expect((await ls(['--profile', 'from-config'], environment)).code).toBe(0);
		expect((await ls(['--profile', 'from-credentials'], environment)).code).toBe(0);

		const missing = await ls(['--profile', 'nosuchprofile'], environment);
		expect(missing.stderr).toBe(`sfntop: AWS profile "nosuchprofile" is not in ${environment.AWS_CONFIG_FILE} or ${environment.AWS_SHARED_CREDENTIALS_FILE}\n`);
		expect(missing.code).toBe(2);
	});
});
