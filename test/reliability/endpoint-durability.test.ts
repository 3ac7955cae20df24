import {mkdtemp, rm} from 'node:fs/promises';
import http from 'node:http';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Buffer} from 'node:buffer';
import {readFileSync} from 'node:fs';
import {CreateStateMachineCommand, DescribeExecutionCommand, ListExecutionsCommand, SFNClient, StartExecutionCommand, type HistoryEvent} from '@aws-sdk/client-sfn';
import {describe, expect, test} from 'vitest';
import {startServer} from '../../source/local/server.js';
import {credentials, fullHistory, localEndpoint} from '../helpers/local-endpoint.js';
import {repoRoot} from '../helpers/run-cli.js';
import {serveProcess} from '../helpers/serve-process.js';

const orderDefinition = readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8');
const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';

const serveWithData = async (dataDir: string) => serveProcess(['--port', '0', '--data-dir', dataDir]);

async function post(url: string, target: string, body: string | Buffer): Promise<{status: number; body: Record<string, unknown>}> {
	return new Promise((resolve, reject) => {
		const request = http.request(url, {method: 'POST', headers: {'x-amz-target': target, 'content-type': 'application/x-amz-json-1.0'}}, response => {
			let text = '';
			response.on('data', (chunk: Buffer) => {
				text += chunk.toString();
			});
			response.on('end', () => {
				resolve({status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>});
			});
		});
		request.on('error', reject);
		request.end(body);
	});
}

describe('the embedded endpoint under stress and crashes', () => {
	test('100 concurrent StartExecution calls make 100 executions, none lost', async () => {
		const {server, sfn} = await localEndpoint();
		try {
			const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Busy', definition: orderDefinition, roleArn}));
			const started = await Promise.all(Array.from({length: 100}, async (_, index) => sfn.send(new StartExecutionCommand({stateMachineArn, name: `run-${index}`, input: '{"orderId": "1", "delayMs": 5}'}))));
			expect(new Set(started.map(result => result.executionArn)).size).toBe(100);
			const {executions} = await sfn.send(new ListExecutionsCommand({stateMachineArn, maxResults: 1000}));
			expect(executions).toHaveLength(100);
		} finally {
			await server.close();
		}
	});

	test('kill -9 during a busy run: every acknowledged execution and every event read back is there after a restart', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-kill-'));
		try {
			const first = await serveWithData(dataDir);
			const sfn = new SFNClient({endpoint: first.url, region: 'us-east-1', credentials, maxAttempts: 1});
			const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Crashy', definition: orderDefinition, roleArn}));
			const acknowledged: string[] = [];
			for (let index = 0; index < 20; index++) {
				const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input: JSON.stringify({orderId: String(index), delayMs: 30 * (index % 5)})}));
				acknowledged.push(executionArn!);
			}

			const seen = new Map<string, HistoryEvent[]>();
			for (const arn of acknowledged) {
				seen.set(arn, await fullHistory(sfn, arn));
			}

			first.child.kill('SIGKILL');
			await new Promise(resolve => {
				first.child.on('exit', resolve);
			});

			const second = await serveWithData(dataDir);
			try {
				const again = new SFNClient({endpoint: second.url, region: 'us-east-1', credentials, maxAttempts: 1});
				for (const arn of acknowledged) {
					const after = await fullHistory(again, arn);
					const before = seen.get(arn)!;
					expect(after.slice(0, before.length)).toEqual(before);
					const {status} = await again.send(new DescribeExecutionCommand({executionArn: arn}));
					expect(['SUCCEEDED', 'FAILED']).toContain(status);
				}
			} finally {
				second.child.kill('SIGTERM');
			}
		} finally {
			await rm(dataDir, {recursive: true, force: true});
		}
	}, 60_000);

	test('a request body over 1 MiB and malformed JSON get AWS-style errors, and the server keeps serving', async () => {
		const server = await startServer({port: 0});
		try {
			const big = await post(server.url, 'AWSStepFunctions.ListStateMachines', Buffer.alloc((1024 * 1024) + 10, 'x'));
			expect(big.status).toBe(413);
			expect(big.body.__type).toBe('ValidationException');
			const malformed = await post(server.url, 'AWSStepFunctions.ListStateMachines', '{"maxResults": ');
			expect(malformed).toEqual({status: 400, body: {__type: 'SerializationException', message: 'Request body is not valid JSON'}});
			const unknown = await post(server.url, 'AWSStepFunctions.FlyToTheMoon', '{}');
			expect(unknown.body.__type).toBe('UnknownOperationException');
			const fine = await post(server.url, 'AWSStepFunctions.ListStateMachines', '{}');
			expect(fine).toEqual({status: 200, body: {stateMachines: []}});
		} finally {
			await server.close();
		}
	});

	test('binds to loopback by default', async () => {
		const server = await startServer({port: 0});
		try {
			expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		} finally {
			await server.close();
		}
	});
});
