import {expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {runCli} from '../helpers/run-cli.js';
import {startTerminal} from './terminal.js';

test('without a terminal the dashboard points to `sfntop tail` and exits 2', async () => {
	const result = await runCli(['--local']);
	expect(result.code).toBe(2);
	expect(result.stderr.trim()).toBe('sfntop: the dashboard needs a terminal; use `sfntop tail EXECUTION` in scripts');
	expect(result.stdout).toBe('');
});

test('in a terminal, an endpoint that can never answer is one line and exit 3, not a dashboard that waits', async () => {
	const terminal = startTerminal({args: ['--endpoint-url', 'http://127.0.0.1:9'], columns: 100, rows: 20, env: {...cliUserEnvironment, CI: undefined}});
	try {
		const {exitCode} = await terminal.exited;
		expect(exitCode).toBe(3);
		expect(terminal.screen()).toMatch(/sfntop: cannot reach http:\/\/127\.0\.0\.1:9: connection refused/);
	} finally {
		await terminal.close();
	}
}, 30_000);
