// Issue 11 item 8: a flag value or a name that cannot work gets one line naming
// it and exit 2, before anything is sent; a first word that is not a command is
// a machine or execution, and a command is suggested only when nothing has that name.
import {CreateStateMachineCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {localEndpoint} from '../helpers/local-endpoint.js';
import {runCli} from '../helpers/run-cli.js';

type Endpoint = Awaited<ReturnType<typeof localEndpoint>>;

const order = 'examples/order-processing.json';

describe('flag values that cannot work: one line naming the value, exit 2', () => {
	test.each([
		[['graph', order, '--width', 'abc'], '--width takes a number of columns (0 = unlimited), not "abc"'],
		[['graph', order, '--width', '-5'], '--width takes a number of columns (0 = unlimited), not "-5"'],
		[['graph', order, '--width=-5'], '--width takes a number of columns (0 = unlimited), not "-5"'],
		[['graph', order, '--width'], '--width takes a number of columns (0 = unlimited), not ""'],
		[['replay', 'test/fixtures/histories/order-success.json', '--width', '8O'], '--width takes a number of columns (0 = unlimited), not "8O"'],
		[['--interval', '0'], '--interval takes seconds, at least 0.2, not "0"'],
		[['--interval', '-3'], '--interval takes seconds, at least 0.2, not "-3"'],
		[['--interval', 'NaN'], '--interval takes seconds, at least 0.2, not "NaN"'],
		[['OrderProcessingStateMachine', '--interval', 'soon'], '--interval takes seconds, at least 0.2, not "soon"'],
		[['tail', 'M/latest', '--interval', '-3'], '--interval takes seconds, at least 0.2, not "-3"'],
		[['ls', '--profile'], '--profile needs a value'],
	])('sfntop %j', async (args, line) => {
		const result = await runCli(args, {env: cliUserEnvironment});
		expect(result.stderr).toBe(`sfntop: ${line}\n`);
		expect(result.stdout).toBe('');
		expect(result.code).toBe(2);
	});
});

describe('names and words, against an endpoint', () => {
	let endpoint: Endpoint;
	const sfntop = async (...args: string[]) => runCli([...args, '--endpoint-url', endpoint.server.url], {env: cliUserEnvironment});

	beforeAll(async () => {
		endpoint = await localEndpoint();
		const definition = JSON.stringify({StartAt: 'Done', States: {Done: {Type: 'Pass', End: true}}});
		for (const name of ['Wall', 'Quick']) {
			await endpoint.sfn.send(new CreateStateMachineCommand({name, roleArn: 'arn:aws:iam::123456789012:role/R', definition}));
		}
	});

	afterAll(async () => {
		await endpoint.server.close();
	});

	test.each([
		['bad name', 'it contains a space'],
		['a'.repeat(81), 'it is 81 characters long, more than AWS\'s 80'],
		['order#7', 'it contains "#"'],
		['a/b', 'it contains "/"'],
		['tab\there', 'it contains a tab'],
		['esc\u001B[2J', 'it contains U+001B'],
		['', 'it is empty'],
	])('start --name %j is refused locally: nothing is sent', async (name, why) => {
		const before = endpoint.server.requests.length;
		const result = await sfntop('start', 'Quick', '--name', name);
		expect(result.stderr).toMatch(/^sfntop: --name "[^\n]*" is not a name AWS accepts: /);
		expect(result.stderr).toContain(`: ${why}; AWS names are 1–80 characters without whitespace, brackets, `);
		expect(result.stderr.split('\n')).toHaveLength(2);
		expect(result.stderr).not.toContain('\u001B');
		expect(result.code).toBe(2);
		expect(endpoint.server.requests.length).toBe(before);
	});

	test('start --name with a name AWS accepts (non-ASCII letters too) starts it', async () => {
		const result = await sfntop('start', 'Quick', '--name', 'nightly-2026_11.29-注文');
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/:execution:Quick:nightly-2026_11\.29-注文\n$/);
		expect(result.code).toBe(0);
	});

	test('`sfntop Wall` is the machine named Wall, not a mistyped `tail`', async () => {
		// In a pipe the dashboard cannot open, and says so: the name was found.
		const result = await sfntop('Wall');
		expect(result.stderr).toBe('sfntop: the dashboard needs a terminal; use `sfntop tail EXECUTION` in scripts\n');
		expect(result.code).toBe(2);
	});

	test('a word like a command that names nothing gets the suggestion, after the lookup', async () => {
		const result = await sfntop('tial');
		expect(result.stderr).toBe('sfntop: unknown command "tial"; did you mean "sfntop tail"? (sfntop --help lists commands)\n');
		expect(result.code).toBe(2);
		expect(endpoint.server.requests.filter(request => request.operation === 'ListStateMachines').length).toBeGreaterThan(0);
	});

	test('a word like a command followed by more words is the command, mistyped', async () => {
		const result = await sfntop('lss', '--status', 'FAILED');
		expect(result.stderr).toBe('sfntop: unknown command "lss"; did you mean "sfntop ls"? (sfntop --help lists commands)\n');
		expect(result.code).toBe(2);
	});
});
