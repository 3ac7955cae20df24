import process from 'node:process';
import {execFile} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {repoRoot} from '../helpers/run-cli.js';

// The callback API promisified, as Node documents it (execFile returns a ChildProcess; promisify ignores it).
// eslint-disable-next-line @typescript-eslint/strict-void-return
const run = promisify(execFile);

/** A Node older than 22 from the machine's PATH, outside node_modules, if there is one. */
async function findOldNode(): Promise<string | undefined> {
	const directories = (process.env.PATH ?? '').split(path.delimiter).filter(directory => !directory.includes('node_modules'));
	for (const directory of directories) {
		const candidate = path.join(directory, 'node');
		if (!existsSync(candidate)) {
			continue;
		}

		const {stdout} = await run(candidate, ['-p', 'process.versions.node']).catch(() => ({stdout: '99'}));
		if (Number(stdout.trim().split('.', 1)[0]) < 22) {
			return candidate;
		}
	}

	return undefined;
}

describe('the published package', () => {
	let workDirectory: string;
	let tarball: string;

	beforeAll(async () => {
		workDirectory = await mkdtemp(path.join(tmpdir(), 'sfntop-pack-'));
		const {stdout} = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', workDirectory], {cwd: repoRoot});
		tarball = path.join(workDirectory, stdout.trim().split('\n').at(-1)!);
	}, 60_000);

	afterAll(async () => {
		await rm(workDirectory, {recursive: true, force: true});
	});

	test('ships the built CLI, README and LICENSE and nothing else', async () => {
		const {stdout} = await run('tar', ['-tzf', tarball]);
		const files = stdout.trim().split('\n').map(file => file.replace(/^package\//, ''));
		expect(files).toContain('bin/sfntop.cjs');
		expect(files).toContain('dist/cli.js');
		expect(files).toContain('README.md');
		expect(files).toContain('LICENSE');
		expect(files).toContain('package.json');
		const unexpected = files.filter(file => !/^(?:bin\/sfntop\.cjs|dist\/.+\.js|README\.md|LICENSE|package\.json)$/.test(file));
		expect(unexpected).toEqual([]);
		expect(files.some(file => file.includes('test'))).toBe(false);
	});

	test('installing the tarball globally gives a working sfntop', async () => {
		const prefix = path.join(workDirectory, 'prefix');
		await run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {timeout: 120_000});
		const bin = path.join(prefix, 'bin', 'sfntop');
		const {stdout} = await run(process.execPath, [bin, '--version']);
		expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
		const help = await run(process.execPath, [bin, 'graph', '--help']);
		expect(help.stdout).toContain('sfntop graph');
	}, 150_000);

	test('on a Node older than 22 it prints one line naming the version required', async context => {
		const oldNode = await findOldNode();
		if (!oldNode) {
			context.skip();
			return;
		}

		const result = await run(oldNode, [path.join(repoRoot, 'bin', 'sfntop.cjs'), '--version']).then(
			() => ({code: 0, stderr: ''}),
			(error: unknown) => error as {code: number; stderr: string},
		);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^sfntop: needs Node\.js 22 or newer; this is Node\.js \d+\.\d+\.\d+\. .+\n$/);
	});
});
