import {Buffer} from 'node:buffer';
import {readFileSync} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type {Duplex} from 'node:stream';
import {CreateStateMachineCommand, ListExecutionsCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {repoRoot, runCli} from '../helpers/run-cli.js';

/*
 * A retried start, stop or redrive must never do the thing twice. A proxy in
 * front of `sfntop serve` loses answers the way a network does: it passes a
 * request on and then drops the connection (the work is done, the client
 * never hears), or answers "throttled" itself.
 */
type Verdict = 'forward' | 'throttle' | 'forward-then-drop';
type Seen = {operation: string; body: Record<string, unknown>};

/** Passes an answer back, or (no `response`) loses it: the connection drops a little later, after a fast execution has ended. */
function relay(answer: http.IncomingMessage, response: http.ServerResponse | undefined, socket: Duplex) {
	const parts: Buffer[] = [];
	answer.on('data', (chunk: Buffer) => {
		parts.push(chunk);
	});
	answer.on('end', () => {
		if (!response) {
			setTimeout(() => {
				socket.destroy();
			}, 1500);
			return;
		}

		response.writeHead(answer.statusCode ?? 500, answer.headers);
		response.end(Buffer.concat(parts));
	});
}

async function lossyProxy(target: string, decide: (operation: string, seen: Seen[]) => Verdict) {
	const seen: Seen[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
		});
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			const operation = String(request.headers['x-amz-target'] ?? '').split('.').at(-1) ?? '';
			seen.push({operation, body: JSON.parse(body.toString() || '{}') as Record<string, unknown>});
			const verdict = decide(operation, seen);
			if (verdict === 'throttle') {
				response.writeHead(400, {'content-type': 'application/x-amz-json-1.0'});
				response.end('{"__type": "ThrottlingException", "message": "Rate exceeded"}');
				return;
			}

			const forwarded = http.request(`${target}${request.url ?? '/'}`, {method: request.method, headers: request.headers}, answer => {
				relay(answer, verdict === 'forward-then-drop' ? undefined : response, request.socket);
			});
			forwarded.end(body);
		});
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return {url: `http://127.0.0.1:${(server.address() as {port: number}).port}`, seen, close: () => server.close()};
}

const order = readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8');

describe('retried mutations happen once', () => {
	let endpoint: Awaited<ReturnType<typeof localEndpoint>>;
	let machineArn: string;

	beforeAll(async () => {
		endpoint = await localEndpoint();
		({stateMachineArn: machineArn} = await endpoint.sfn.send(new CreateStateMachineCommand({name: 'Orders', definition: order, roleArn: 'arn:aws:iam::123456789012:role/R'})) as {stateMachineArn: string});
	});

	afterAll(async () => {
		await endpoint.server.close();
	});

	const executionsOf = async () => (await endpoint.sfn.send(new ListExecutionsCommand({stateMachineArn: machineArn}))).executions ?? [];

	test('start without --name: the answer is lost after the execution ended, the retry finds it, one execution', async () => {
		const before = (await executionsOf()).length;
		let starts = 0;
		const proxy = await lossyProxy(endpoint.server.url, operation => (operation === 'StartExecution' && ++starts === 1 ? 'forward-then-drop' : 'forward'));
		try {
			const result = await runCli(['start', 'Orders', '--input', '{"orderId": "1", "delayMs": 5}', '--endpoint-url', proxy.url], {env: cliUserEnvironment, timeoutMs: 30_000});
			expect(result.stderr).toMatch(/^(?:sfntop: lost the connection to http:\S+ \(ECONNRESET\); retrying\n)?$/);
			expect(result.code).toBe(0);
			const attempts = proxy.seen.filter(request => request.operation === 'StartExecution');
			expect(attempts.length).toBeGreaterThanOrEqual(2);
			// Every attempt carries the same generated name: that is what makes it safe.
			expect(new Set(attempts.map(request => request.body.name)).size).toBe(1);
			expect(attempts[0].body.name).toMatch(/^[\d\-a-f]{36}$/);
			// The retry met ExecutionAlreadyExists (the execution had ended) and checked the execution was ours.
			expect(proxy.seen.some(request => request.operation === 'DescribeExecution' && request.body.executionArn === `${machineArn.replace(':stateMachine:', ':execution:')}:${String(attempts[0].body.name)}`)).toBe(true);
			const executions = await executionsOf();
			expect(executions).toHaveLength(before + 1);
			expect(result.stdout).toBe(`${executions[0].executionArn}\n`);
		} finally {
			proxy.close();
		}
	}, 40_000);

	test('start --name after a refused (throttled) attempt: an older execution of that name is not taken for ours', async () => {
		const input = '{"orderId": "3", "delayMs": 5}';
		const old = await endpoint.sfn.send(new (await import('@aws-sdk/client-sfn')).StartExecutionCommand({stateMachineArn: machineArn, name: 'reused', input}));
		await waitForEnd(endpoint.sfn, old.executionArn!);
		let starts = 0;
		const proxy = await lossyProxy(endpoint.server.url, operation => (operation === 'StartExecution' && ++starts === 1 ? 'throttle' : 'forward'));
		try {
			const result = await runCli(['start', 'Orders', '--name', 'reused', '--input', input, '--endpoint-url', proxy.url], {env: cliUserEnvironment, timeoutMs: 30_000});
			expect(result.stderr).toMatch(/^sfntop: an execution with that name already exists/);
			expect(result.code).toBe(2);
		} finally {
			proxy.close();
		}
	}, 40_000);

	test('redrive: a throttled first attempt is retried with the same clientToken', async () => {
		const failed = await endpoint.sfn.send(new (await import('@aws-sdk/client-sfn')).StartExecutionCommand({stateMachineArn: machineArn, name: 'to-redrive', input: '{"orderId": "2", "delayMs": 5, "failAt": "charge-customer"}'}));
		await waitForEnd(endpoint.sfn, failed.executionArn!);
		let redrives = 0;
		const proxy = await lossyProxy(endpoint.server.url, operation => (operation === 'RedriveExecution' && ++redrives === 1 ? 'throttle' : 'forward'));
		try {
			const result = await runCli(['redrive', 'Orders/to-redrive', '--yes', '--endpoint-url', proxy.url], {env: cliUserEnvironment, timeoutMs: 30_000});
			expect(result.code).toBe(0);
			const attempts = proxy.seen.filter(request => request.operation === 'RedriveExecution');
			expect(attempts).toHaveLength(2);
			expect(attempts[0].body.clientToken).toMatch(/^[\d\-a-f]{36}$/);
			expect(attempts[1].body.clientToken).toBe(attempts[0].body.clientToken);
		} finally {
			proxy.close();
		}
	}, 40_000);
});
