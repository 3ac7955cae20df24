import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {repoRoot, runCli} from '../helpers/run-cli.js';

const {version} = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {version: string});

describe('sfntop cli', () => {
	test('--version prints the package version', async () => {
		const result = await runCli(['--version']);
		expect(result.code).toBe(0);
		expect(result.stdout.trim()).toBe(version);
	});

	test('--help lists every command', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		for (const name of ['graph', 'replay', 'ls', 'tail', 'start', 'stop', 'redrive', 'serve']) {
			expect(result.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
		}
	});

	test('a mistyped command gets one line with a suggestion and exit 2', async () => {
		const result = await runCli(['grpah', 'x.json']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe('sfntop: unknown command "grpah"; did you mean "sfntop graph"? (sfntop --help lists commands)\n');
	});

	test('an unknown flag gets one line and exit 2', async () => {
		const result = await runCli(['graph', '--frobnicate', 'x.json']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe('sfntop: unknown option --frobnicate for sfntop graph; see --help\n');
	});

	// `--interval` takes a value on the dashboard too, so the word after it is that value, not a
	// machine or a command (it was read as `unknown command "1"`).
	test.each([
		[['--local', '--interval', '1']],
		[['--interval', '1', '--local']],
		[['--local', '--interval=1']],
		[['--region', 'us-east-1', '--local', '--interval', '0.5']],
	])('sfntop %j reaches the dashboard', async args => {
		const result = await runCli(args);
		expect(result.stderr).toBe('sfntop: the dashboard needs a terminal; use `sfntop tail EXECUTION` in scripts\n');
		expect(result.code).toBe(2);
	});

	test('a global flag before the command word keeps its value: sfntop --region R ls', async () => {
		const result = await runCli(['--region', 'us-east-1', 'ls', '--endpoint-url', 'localhost']);
		expect(result.stderr).toBe('sfntop: --endpoint-url must be a URL such as http://127.0.0.1:8083, not "localhost"\n');
		expect(result.code).toBe(2);
	});

	test('<command> --help shows that command\'s usage', async () => {
		const result = await runCli(['graph', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('sfntop graph');
	});
});
