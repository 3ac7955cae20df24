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

	test('<command> --help shows that command\'s usage', async () => {
		const result = await runCli(['graph', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('sfntop graph');
	});
});
