import {CreateStateMachineCommand, StartExecutionCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {handlerError} from '../../source/local/handlers/types.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';
import {runCli} from '../helpers/run-cli.js';

/** Text that would drive a terminal if printed raw. */
const hostile = [
	'\u001B]52;c;ZWNobyBwd25lZA==\u0007', // OSC 52 clipboard write
	'\u001B]0;owned\u0007', // OSC 0 title
	'\u001B[2J\u001B[H', // Clear screen, cursor home
	'\u009B31m', // 8-bit CSI
	'\u001BPq#0\u001B\\', // DCS
	'\u202Etxt.exe', // RTL override
	'nul\u0000byte',
	'x'.repeat(10_000),
].join(' ');

/** Only sfntop's own colour codes may remain: SGR sequences. Anything else is remote text getting through. */
function assertClean(output: string): void {
	const withoutOwnStyling = output.replaceAll(/\u001B\[[\d;]*m/g, '');
	expect(withoutOwnStyling).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
}

describe('hostile remote text never reaches the terminal raw', () => {
	let server: RunningServer;
	let executionArn: string;
	const environment = cliUserEnvironment;
	const stateName = 'Evil\u001B]0;title\u0007State\u202E';

	beforeAll(async () => {
		const endpoint = await localEndpoint({
			handlers: {
				async evil(_event, context) {
					context.log(`log line ${hostile}`);
					throw handlerError('Evil\u001B[31mError', `cause ${hostile}`);
				},
			},
		});
		server = endpoint.server;
		const definition = JSON.stringify({StartAt: stateName, States: {[stateName]: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:evil', End: true}}});
		const {stateMachineArn} = await endpoint.sfn.send(new CreateStateMachineCommand({name: 'Hostile', definition, roleArn: 'arn:aws:iam::123456789012:role/R'}));
		({executionArn} = await endpoint.sfn.send(new StartExecutionCommand({stateMachineArn, name: 'hostile-1', input: JSON.stringify({payload: hostile})})) as {executionArn: string});
		await waitForEnd(endpoint.sfn, executionArn);
	});

	afterAll(async () => {
		await server.close();
	});

	test.each([
		['tail', ['tail', 'Hostile/hostile-1', '--width', '120']],
		['tail --logs', ['tail', 'Hostile/hostile-1', '--logs', '--width', '120']],
		['tail --json', ['tail', 'Hostile/hostile-1', '--json', '--logs']],
		['ls', ['ls', 'Hostile', '--width', '120']],
		['ls machines', ['ls', '--width', '120']],
		['redrive preview', ['redrive', 'Hostile/hostile-1']],
	])('%s', async (_name, args) => {
		const result = await runCli([...args, '--endpoint-url', server.url], {env: environment, timeoutMs: 30_000});
		assertClean(result.stdout);
		assertClean(result.stderr);
		expect(result.stdout.length, result.stderr).toBeGreaterThan(0);
	});

	test('tail shows the hostile state name escaped, in one line, and the layout holds', async () => {
		const result = await runCli(['tail', 'Hostile/hostile-1', '--no-color', '--width', '100', '--endpoint-url', server.url], {env: environment});
		expect(result.stdout).toContain('Evil\\x1b]0;title\\x07State');
		for (const line of result.stdout.split('\n')) {
			expect([...line].length).toBeLessThanOrEqual(100);
		}
	});
});
