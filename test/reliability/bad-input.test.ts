import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {describe, expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {runCli} from '../helpers/run-cli.js';

const environment = cliUserEnvironment;

describe('bad input: one line, the right exit code, never a stack trace', () => {
	test('an endpoint that answers with HTML', async () => {
		const server = http.createServer((_request, response) => {
			response.writeHead(200, {'content-type': 'text/html'});
			response.end('<html><body>Login required</body></html>');
		});
		await new Promise<void>(resolve => {
			server.listen(0, '127.0.0.1', resolve);
		});
		try {
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
			const result = await runCli(['ls', '--endpoint-url', url], {env: environment});
			expect(result.stderr).toBe(`sfntop: ${url} did not answer like AWS (HTML or other non-AWS reply to ListStateMachines); check --endpoint-url\n`);
			expect(result.code).toBe(3);
		} finally {
			server.close();
		}
	});

	test.each([
		['unknown flag', ['ls', '--frobnicate'], 2, 'sfntop: unknown option --frobnicate for sfntop ls; see --help\n'],
		['unknown command', ['tial', 'x'], 2, 'sfntop: unknown command "tial"; did you mean "sfntop tail"? (sfntop --help lists commands)\n'],
		['ASL with a Next to a missing state', ['graph', '-'], 2, 'sfntop: Next of state "Loop" names "Nowhere", which is not a state in the state machine\n'],
		['a bad --status', ['ls', 'M', '--status', 'DONE', '--endpoint-url', 'http://127.0.0.1:9'], 2, 'sfntop: --status takes one of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE, not "DONE"\n'],
		['a bad --interval', ['tail', 'M/latest', '--interval', '0', '--endpoint-url', 'http://127.0.0.1:9'], 2, 'sfntop: --interval takes seconds, at least 0.2, not "0"\n'],
		['an --endpoint-url that is not a URL', ['ls', '--endpoint-url', 'localhost'], 2, 'sfntop: --endpoint-url must be a URL such as http://127.0.0.1:8083, not "localhost"\n'],
	])('%s', async (_name, args, code, message) => {
		const result = await runCli(args, {env: environment, input: '{"StartAt": "Loop", "States": {"Loop": {"Type": "Pass", "Next": "Nowhere"}}}'});
		expect(result.stderr).toBe(message);
		expect(result.code).toBe(code);
		expect(result.stderr.split('\n').filter(line => line.trimStart().startsWith('at '))).toEqual([]);
	});
});
