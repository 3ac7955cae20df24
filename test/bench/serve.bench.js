// The endpoint (sfntop serve) under load, each figure beside a same-run baseline:
// - 1,000 StartExecution calls from 100 concurrent clients (keep-alive HTTP,
//   as SDK clients do): starts per second and p99 latency, beside the same
//   clients against a bare Node HTTP server answering a fixed reply (what
//   the machine, Node and HTTP cost without sfntop);
// - the RSS of serve after 2,000 order-workflow executions have finished,
//   beside its RSS right after it started.
// Both servers run as child processes, so the clients' own work is not counted.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(repoRoot, 'bin', 'sfntop.cjs');
const orderDefinition = readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8');
const bareServer = `
const http = require('node:http');
const reply = JSON.stringify({executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Orders:x', startDate: 1});
const server = http.createServer((request, response) => {
	request.resume();
	request.on('end', () => {
		response.writeHead(200, {'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(reply)});
		response.end(reply);
	});
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

async function startChild(args) {
	const child = spawn(process.execPath, args, {env: {...process.env, CI: ''}, stdio: ['ignore', 'pipe', 'inherit']});
	const url = await new Promise((resolve, reject) => {
		let output = '';
		child.stdout.on('data', chunk => {
			output += chunk;
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) {
				resolve(match[1]);
			}
		});
		child.once('exit', code => {
			reject(new Error(`server exited ${code}: ${output}`));
		});
	});
	return {
		child,
		url,
		rssMb() {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
			return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
		},
		async stop() {
			const exited = new Promise(resolve => {
				child.once('exit', resolve);
			});
			child.kill('SIGKILL');
			await exited;
		},
	};
}

function client(url) {
	const agent = new http.Agent({keepAlive: true, maxSockets: 100});
	return async (operation, body) => new Promise((resolve, reject) => {
		const request = http.request(url, {method: 'POST', agent, headers: {'x-amz-target': `AWSStepFunctions.${operation}`, 'content-type': 'application/x-amz-json-1.0'}}, response => {
			let text = '';
			response.on('data', chunk => {
				text += chunk;
			});
			response.on('end', () => {
				if (response.statusCode !== 200) {
					reject(new Error(`${operation}: ${response.statusCode} ${text}`));
					return;
				}

				resolve(JSON.parse(text));
			});
		});
		request.on('error', reject);
		request.end(JSON.stringify(body));
	});
}

// `total` calls from `clients` concurrent clients; the wall time and every
// call's latency (retries included). A call cut by a network error is
// retried, as the SDK does (starts are named, so a retry is safe).
async function load(call, total, clients, bodyOf) {
	const latencies = [];
	let next = 0;
	let retries = 0;
	const started = performance.now();
	await Promise.all(Array.from({length: clients}, async () => {
		while (next < total) {
			const index = next++;
			const before = performance.now();
			for (let attempt = 1; ; attempt++) {
				try {
					await call('StartExecution', bodyOf(index));
					break;
				} catch (error) {
					if (attempt === 3 || !error.code) {
						throw error;
					}

					retries++;
				}
			}

			latencies.push(performance.now() - before);
		}
	}));
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	return {perSecond: total / seconds, p99: latencies[Math.floor(latencies.length * 0.99) - 1], retries};
}

async function waitUntilIdle(call, stateMachineArn) {
	for (let tries = 0; tries < 1200; tries++) {
		const {executions} = await call('ListExecutions', {stateMachineArn, statusFilter: 'RUNNING', maxResults: 1});
		if (executions.length === 0) {
			return;
		}

		await new Promise(resolve => {
			setTimeout(resolve, 250);
		});
	}

	throw new Error('executions still running after 5 minutes');
}

export default async function bench() {
	const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';
	const input = index => ({name: `order-${index}`, input: JSON.stringify({orderId: String(index), delayMs: 10})});

	const bare = await startChild(['-e', bareServer]);
	let baseline;
	try {
		baseline = await load(client(bare.url), 1000, 100, index => input(index));
	} finally {
		await bare.stop();
	}

	const serve = await startChild([cli, 'serve', '--port', '0']);
	try {
		const call = client(serve.url);
		const idleRss = serve.rssMb();
		const {stateMachineArn} = await call('CreateStateMachine', {name: 'Orders', definition: orderDefinition, roleArn});
		const starts = await load(call, 1000, 100, index => ({...input(index), stateMachineArn}));
		await waitUntilIdle(call, stateMachineArn);
		await load(call, 1000, 100, index => ({...input(1000 + index), stateMachineArn}));
		await waitUntilIdle(call, stateMachineArn);
		const rss = serve.rssMb();
		return [
			{name: `serve: StartExecution throughput, 1,000 calls from 100 clients, ${starts.retries} retried (baseline: bare Node HTTP server)`, value: Math.round(starts.perSecond), unit: 'starts/s', baseline: Math.round(baseline.perSecond), target: '>= 300 starts/s', met: starts.perSecond >= 300},
			{name: 'serve: StartExecution p99 latency, same run', value: Math.round(starts.p99), unit: 'ms', baseline: Math.round(baseline.p99), target: '< 1000 ms', met: starts.p99 < 1000},
			{name: 'serve: RSS after 2,000 order-workflow executions (baseline: idle serve)', value: Math.round(rss), unit: 'MB', baseline: Math.round(idleRss), target: '< 250 MB', met: rss < 250},
		];
	} finally {
		await serve.stop();
	}
}
