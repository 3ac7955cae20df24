import {readFileSync} from 'node:fs';
import path from 'node:path';
import {CreateStateMachineCommand, ListExecutionsCommand, SFNClient, StartExecutionCommand} from '@aws-sdk/client-sfn';
import {describe, expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {credentials, fullHistory} from '../helpers/local-endpoint.js';
import {repoRoot, runCli} from '../helpers/run-cli.js';
import {serve} from './follow-under-faults.js';

/*
 * The line commands against an endpoint that throttles, fails and drops
 * connections (issue 11's "Done means"): every call retried on its own, a
 * retried start never makes a second execution, and tail prints every event
 * exactly once. Run as a user runs them: the built CLI, AWS_DEFAULT_REGION,
 * stdout a pipe.
 */
const order = readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8');
const machine = 'OrderProcessingStateMachine';

/** The test's own set-up and checks go through the faults by trying again at once (the SDK's backoff would take minutes at 80 % failures). */
async function insist<T>(run: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await run();
		} catch (error: unknown) {
			if (attempt >= 500 || !/Throttling|InternalFailure|ServiceUnavailable|TimeoutError|^Error$/.test((error as Error).name)) {
				throw error;
			}
		}
	}
}

async function endpointWithOrderMachine(faults: string) {
	const endpoint = await serve(['--port', '0', '--faults', faults]);
	const sfn = new SFNClient({endpoint: endpoint.url, region: 'us-east-1', credentials, maxAttempts: 1});
	const {stateMachineArn} = await insist(async () => sfn.send(new CreateStateMachineCommand({name: machine, definition: order, roleArn: 'arn:aws:iam::123456789012:role/R'})));
	const start = async (input: string) => (await insist(async () => sfn.send(new StartExecutionCommand({stateMachineArn, input})))).executionArn!;
	const history = async (executionArn: string) => insist(async () => fullHistory(sfn, executionArn));
	const executions = async () => (await insist(async () => sfn.send(new ListExecutionsCommand({stateMachineArn, maxResults: 100})))).executions ?? [];
	return {...endpoint, start, history, executions};
}

const sfntop = async (url: string, args: string[], timeoutMs = 120_000) => runCli([...args, '--endpoint-url', url], {env: cliUserEnvironment, timeoutMs});

type JsonEvent = {id: number; type: string};
const eventsOf = (stdout: string): JsonEvent[] => stdout.trim().split('\n').map(line => JSON.parse(line) as JsonEvent);

describe('line commands through throttle=0.3,5xx=0.1,reset=0.05', () => {
	test('10 of 10 `sfntop start` succeed, and exactly 10 executions exist', async () => {
		const endpoint = await endpointWithOrderMachine('throttle=0.3,5xx=0.1,reset=0.05,seed=11');
		try {
			const arns: string[] = [];
			for (let run = 0; run < 10; run++) {
				const result = await sfntop(endpoint.url, ['start', machine, '--input', `{"orderId": "${run}", "delayMs": 5}`]);
				expect(result.stderr.split('\n').filter(line => !line.includes('retrying')).join('')).toBe('');
				expect(result.code, result.stderr).toBe(0);
				arns.push(result.stdout.trim());
			}

			expect(new Set(arns).size).toBe(10);
			const executions = await endpoint.executions();
			expect(new Set(executions.map(execution => execution.executionArn))).toEqual(new Set(arns));
			expect(executions).toHaveLength(10);
		} finally {
			endpoint.child.kill('SIGKILL');
		}
	}, 300_000);

	test('`tail MACHINE/latest --json` prints every event once, in order, every time', async () => {
		const endpoint = await endpointWithOrderMachine('throttle=0.3,5xx=0.1,reset=0.05,seed=23');
		try {
			for (let run = 0; run < 3; run++) {
				const executionArn = await endpoint.start(`{"orderId": "${run}", "delayMs": 30}`);
				const result = await sfntop(endpoint.url, ['tail', `${machine}/latest`, '--json', '--interval', '0.2']);
				expect(result.code, result.stderr).toBe(0);
				const truth = await endpoint.history(executionArn);
				const events = eventsOf(result.stdout);
				expect(events.map(event => event.id)).toEqual(truth.map((_, index) => index + 1));
				expect(events.at(-1)?.type).toBe('ExecutionSucceeded');
			}
		} finally {
			endpoint.child.kill('SIGKILL');
		}
	}, 300_000);
});

describe('tail through throttle=0.5,5xx=0.2,reset=0.1,latency=50-500', () => {
	test('a 4-step execution\'s tail ends with exit 0 and every event once, within 3 minutes', async () => {
		const endpoint = await endpointWithOrderMachine('throttle=0.5,5xx=0.2,reset=0.1,latency=50-500,seed=5');
		try {
			const executionArn = await endpoint.start('{"orderId": "heavy", "delayMs": 50}');
			const started = Date.now();
			const result = await sfntop(endpoint.url, ['tail', `${machine}/latest`, '--json'], 180_000);
			console.log(`[faults] heavy tail: ${Math.round((Date.now() - started) / 1000)} s, stderr lines ${result.stderr.split('\n').filter(Boolean).length}`);
			expect(result.code, result.stderr).toBe(0);
			expect(result.stderr).not.toMatch(/--interval/);
			const truth = await endpoint.history(executionArn);
			expect(eventsOf(result.stdout).map(event => event.id)).toEqual(truth.map((_, index) => index + 1));
		} finally {
			endpoint.child.kill('SIGKILL');
		}
	}, 240_000);
});
