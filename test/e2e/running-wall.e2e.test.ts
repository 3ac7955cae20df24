// The running wall in a real terminal, as an on-call engineer opens it during
// a deploy: 120 executions RUNNING on sfntop serve, the default call budget.
// Build first (npm run build).
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {localEndpoint} from '../helpers/local-endpoint.js';
import {startFleet} from '../helpers/running-fleet.js';
import {keys, startTerminal} from './terminal.js';

const credentials = {...cliUserEnvironment, CI: undefined};

/** The wall's rows on screen: lines that start with an execution name. */
const rowLines = (screen: string) => screen.split('\n').filter(line => /^run-\d{4} /.test(line));

describe('the running wall in a real terminal', () => {
	let server: RunningServer;

	beforeAll(async () => {
		const endpoint = await localEndpoint();
		server = endpoint.server;
		await startFleet(endpoint.sfn, 'Fleet', 120);
	}, 120_000);

	afterAll(async () => {
		await server.close();
	});

	test('r opens all 120 with the true count; the rows on screen are read first, within the budget; o sorts, / filters, enter opens one', async () => {
		const terminal = startTerminal({args: ['Fleet', '--endpoint-url', server.url], columns: 120, rows: 36, env: credentials});
		try {
			await terminal.waitForScreen(screen => screen.includes('Executions'), 20_000, 'the executions list');
			terminal.type('r');
			await terminal.waitForScreen(screen => /Running executions, longest running first ─+ 120 ─/.test(screen), 20_000, 'the wall with all 120');
			// 30 rows fit; at 2.5 reads a second they are all read in about 12 s, before most of the 90 others.
			const screen = await terminal.waitForScreen(text => rowLines(text).length === 30 && rowLines(text).every(line => /^run-\d{4} +(?:AwaitApproval|ProcessBatch) /.test(line)), 30_000, 'every row on screen read');
			expect(screen).toMatch(/reads \d+\/min of 150 \(budget 2\.5\/s\)/);
			expect(screen).toMatch(/^run-0000 +AwaitApproval +\d/m);
			expect(screen).toMatch(/^run-0003 +ProcessBatch +\S+ \S* +3\/4 ▶1/m);
			expect(screen).toMatch(/not read yet \d+/);
			expect(screen).toMatch(/since \d\d:\d\d:\d\d: started 0 · succeeded 0 · failed 0/);

			terminal.type('o');
			await terminal.waitForScreen(text => text.includes('Running executions, by name'), 5000, 'sorted by name');
			terminal.type('/');
			await terminal.waitForScreen(text => text.includes('enter keep, esc clear'), 5000, 'the filter field');
			terminal.type('run-011');
			await terminal.waitForScreen(text => text.includes('10 of 120 /run-011'), 5000, 'the filter typed');
			terminal.type(keys.enter);
			await terminal.waitForScreen(text => !text.includes('enter keep, esc clear'), 5000, 'the filter kept');
			await terminal.waitForScreen(text => text.includes('10 of 120 /run-011') && rowLines(text).length === 10, 5000, 'ten rows matching');
			terminal.type(keys.enter);
			await terminal.waitForScreen(text => text.includes('Fleet / run-0110') && text.includes('● RUNNING'), 15_000, 'the execution opened');
			terminal.type(keys.escape);
			await terminal.waitForScreen(text => text.includes('10 of 120 /run-011'), 5000, 'back on the wall, filter kept');
			terminal.type('q');
			expect((await terminal.exited).exitCode).toBe(0);
		} finally {
			await terminal.close();
		}
	}, 90_000);
});
