// Issue 11 item 8, on a real terminal: `sfntop Wall` opens the machine named
// Wall (a name one letter from `tail`), and the dashboard writes nothing to
// stderr when it quits — q or Ctrl-C, --local or a remote endpoint.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {CreateStateMachineCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {localEndpoint} from '../helpers/local-endpoint.js';
import {keys, startTerminal} from './terminal.js';

const stderrToFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'stderr-to-file.js');

describe('the dashboard on a terminal, stderr to a file', () => {
	let endpoint: Awaited<ReturnType<typeof localEndpoint>>;
	let folder: string;

	beforeAll(async () => {
		endpoint = await localEndpoint();
		await endpoint.sfn.send(new CreateStateMachineCommand({name: 'Wall', roleArn: 'arn:aws:iam::123456789012:role/R', definition: JSON.stringify({StartAt: 'Done', States: {Done: {Type: 'Pass', End: true}}})}));
		folder = mkdtempSync(path.join(tmpdir(), 'sfntop-stderr-'));
	});

	afterAll(async () => {
		await endpoint.server.close();
		rmSync(folder, {recursive: true, force: true});
	});

	/** Runs the dashboard, waits for `ready`, presses `key`, and returns what went to stderr. */
	async function quit(args: string[], ready: (screen: string) => boolean, key: string) {
		const file = path.join(folder, `stderr-${Math.random().toString(36).slice(2)}.txt`);
		const terminal = startTerminal({script: stderrToFile, args: [file, ...args], columns: 100, rows: 30, env: cliUserEnvironment});
		try {
			const screen = await terminal.waitForScreen(ready, 20_000, 'the dashboard');
			terminal.type(key);
			const {exitCode} = await terminal.exited;
			return {screen, exitCode, stderr: readFileSync(file, 'utf8')};
		} finally {
			await terminal.close();
		}
	}

	test('`sfntop Wall` opens the executions of the machine named Wall; q leaves stderr empty', async () => {
		const result = await quit(['Wall', '--endpoint-url', endpoint.server.url], screen => screen.includes('Executions') && screen.includes('Wall'), 'q');
		expect(result.screen).not.toContain('unknown command');
		expect(result.exitCode).toBe(0);
		expect(result.stderr).toBe('');
	}, 40_000);

	test('Ctrl-C on the machines list leaves stderr empty', async () => {
		const result = await quit(['--endpoint-url', endpoint.server.url], screen => screen.includes('State machines'), keys.ctrlC);
		expect(result.exitCode).toBe(0);
		expect(result.stderr).toBe('');
	}, 40_000);

	test('--local: q on a running execution leaves stderr empty', async () => {
		const result = await quit(['--local'], screen => screen.includes('Graph'), 'q');
		expect(result.exitCode).toBe(0);
		expect(result.stderr).toBe('');
	}, 40_000);
});
