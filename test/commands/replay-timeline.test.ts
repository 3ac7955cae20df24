import {describe, expect, test} from 'vitest';
import {historyFixture} from '../helpers/histories.js';
import {runCli} from '../helpers/run-cli.js';

describe('sfntop replay --timeline', () => {
	test('a bar per state from entered to exited, Map iterations as lanes, the critical path marked, within 80 columns', async () => {
		const result = await runCli(['replay', historyFixture('map-failed-iteration.json'), '--timeline', '--width', '80'], {env: {NO_COLOR: '1'}});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).not.toMatch(/\u001B/);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^Execution FAILED {2}started/);
		expect(lines.every(line => [...line].length <= 80)).toBe(true);
		const rows = lines.slice(lines.findIndex(line => line.trimStart().startsWith('STATE')) + 1, -2);
		expect(rows.map(row => row.slice(0, 20).trimEnd())).toEqual([
			'*✗  ProcessItems',
			' ✓    #0',
			' ✓      ProcessItem',
			'*✗    #1',
			'*✗      ProcessItem',
			' ✓    #2',
			' ✓      ProcessItem',
		]);
		expect(rows[4]).toContain('▓▓▓▓▓▓▓▓');
		expect(rows[4].endsWith(' 450 ms')).toBe(true);
		expect(lines.at(-1)).toBe('█ running  ▓ failed attempt  ░ waiting  ─ Map/Parallel  * critical path');
	});

	test('--ascii draws with ASCII only; retries show as failed attempts and waiting', async () => {
		const result = await runCli(['replay', historyFixture('order-retry-then-success.json'), '--timeline', '--ascii', '--no-color', '--width', '60']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^[\n\u0020-\u007E]*$/);
		expect(result.stdout).toMatch(/^\*\+ {2}ReserveInventory +x+\.+x+\.+#+ +1\.4 s$/m);
	});

	test('--timeline --json gives every run with its segments', async () => {
		const result = await runCli(['replay', historyFixture('order-retry-then-success.json'), '--timeline', '--json']);
		expect(result.code).toBe(0);
		const parsed = JSON.parse(result.stdout) as {runs: Array<{path: string; status: string; critical: boolean; segments: Array<{kind: string}>}>};
		const reserve = parsed.runs.find(run => run.path === 'ReserveInventory')!;
		expect(reserve).toMatchObject({status: 'SUCCEEDED', critical: true});
		expect(reserve.segments.map(segment => segment.kind)).toEqual(['failed', 'wait', 'failed', 'wait', 'run']);
	});
});
