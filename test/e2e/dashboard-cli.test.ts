import {expect, test} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

test('without a terminal the dashboard points to `sfntop tail` and exits 2', async () => {
	const result = await runCli(['--local']);
	expect(result.code).toBe(2);
	expect(result.stderr.trim()).toBe('sfntop: the dashboard needs a terminal; use `sfntop tail EXECUTION` in scripts');
	expect(result.stdout).toBe('');
});
