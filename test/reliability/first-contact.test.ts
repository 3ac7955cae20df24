import {mkdtemp, rm} from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {runCli} from '../helpers/run-cli.js';
import {freePort, mapShape, serve, startShape} from './follow-under-faults.js';

/*
 * Issue 11 item 5: the first contact decides. An endpoint that can never
 * answer (nothing listening, a name that does not resolve, TLS spoken to plain
 * HTTP, a web server that is not AWS) is one line and exit 3 at once, for
 * `tail` as for `ls`; once sfntop has talked to the endpoint, an outage is
 * retried, with one "retrying" line per outage.
 */
const execution = 'arn:aws:states:us-east-1:123456789012:execution:OrderProcessingStateMachine:x';
const sfntop = async (args: string[], endpointUrl: string) => runCli([...args, '--endpoint-url', endpointUrl], {env: cliUserEnvironment, timeoutMs: 15_000});

describe('an endpoint that can never answer: one line, exit 3', () => {
	let web: http.Server;
	let webUrl: string;

	beforeAll(async () => {
		// A web server that is not AWS, like `python -m http.server`: HTML, 501 for POST.
		web = http.createServer((_request, response) => {
			response.writeHead(501, {'content-type': 'text/html'});
			response.end('<html><body>Unsupported method (\'POST\')</body></html>');
		});
		await new Promise<void>(resolve => {
			web.listen(0, '127.0.0.1', resolve);
		});
		webUrl = `http://127.0.0.1:${(web.address() as {port: number}).port}`;
	});

	afterAll(() => {
		web.close();
	});

	const cases: Array<[string, () => string, RegExp]> = [
		['nothing listening', () => 'http://127.0.0.1:9', /^sfntop: cannot reach http:\/\/127\.0\.0\.1:9: connection refused/],
		// eslint-disable-next-line unicorn/prefer-https -- the scheme does not matter here, and http keeps TLS out of it
		['a host name that does not resolve', () => 'http://no-such-host.invalid', /^sfntop: cannot reach http:\/\/no-such-host\.invalid: the host name does not resolve/],
		['https spoken to a plain HTTP server', () => webUrl.replace('http:', 'https:'), /^sfntop: .*TLS/],
		['a web server that is not AWS', () => webUrl, /^sfntop: .* did not answer like AWS/],
	];
	for (const [name, url, line] of cases) {
		for (const command of [['tail', execution], ['tail', 'OrderProcessingStateMachine/latest'], ['ls']]) {
			test(`${name}: sfntop ${command.join(' ')}`, async () => {
				const result = await sfntop(command, url());
				expect(result.stderr).toMatch(line);
				expect(result.stderr.trim().split('\n')).toHaveLength(1);
				expect(result.stdout).toBe('');
				expect(result.code).toBe(3);
			});
		}
	}
});

test('an endpoint that takes the connection and never answers: one line once the request times out, exit 3', async () => {
	const silent = net.createServer(() => undefined);
	await new Promise<void>(resolve => {
		silent.listen(0, '127.0.0.1', resolve);
	});
	try {
		const url = `http://127.0.0.1:${(silent.address() as {port: number}).port}`;
		const result = await runCli(['ls', '--endpoint-url', url], {env: cliUserEnvironment, timeoutMs: 40_000});
		expect(result.stderr).toBe(`sfntop: no answer from ${url} in time (the request timed out); check --endpoint-url and your network\n`);
		expect(result.code).toBe(3);
	} finally {
		silent.close();
	}
}, 45_000);

describe('an outage after the first contact', () => {
	test('tail keeps going across a restart of the endpoint, with one "retrying" line and no --interval advice', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-outage-'));
		const port = await freePort();
		const args = ['--port', String(port), '--data-dir', dataDir];
		let endpoint = await serve(args);
		try {
			const arn = await startShape(endpoint.url, mapShape(20, 400, 1)); // About 8 s: still running when the endpoint goes.
			const tail = sfntop(['tail', arn, '--json'], endpoint.url);
			await new Promise(resolve => {
				setTimeout(resolve, 2500);
			});
			endpoint.child.kill('SIGKILL');
			await new Promise(resolve => {
				setTimeout(resolve, 4000);
			});
			endpoint = await serve(args);
			const result = await tail;
			const stderr = result.stderr.trim().split('\n');
			expect(stderr.filter(line => line.includes('retrying'))).toHaveLength(1);
			expect(result.stderr).not.toMatch(/--interval/);
			// The restarted endpoint fails what was running (States.Runtime): tail says so with exit 1, every event once.
			expect(result.code).toBe(1);
			const ids = result.stdout.trim().split('\n').map(line => (JSON.parse(line) as {id: number}).id);
			expect(ids).toEqual(ids.map((_, index) => index + 1));
		} finally {
			endpoint.child.kill('SIGKILL');
			await rm(dataDir, {recursive: true, force: true});
		}
	}, 60_000);
});
