// Issue 11: the line commands in pipes and files, as a script or an ops host
// runs them — stdout a pipe, the AWS CLI user's environment (AWS_DEFAULT_REGION only).
import process from 'node:process';
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startTerminal} from '../e2e/terminal.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {historyFixture} from '../helpers/histories.js';
import {orderEndpoint, orderMachine} from '../helpers/order-machine.js';
import {cliPath, repoRoot, runCli} from '../helpers/run-cli.js';
import {displayWidth} from '../../source/model/text/width.js';

/** Commands that read files and never talk to AWS (no --endpoint-url). */
const offline = new Set(['graph', 'replay']);

type Endpoint = Awaited<ReturnType<typeof orderEndpoint>>;

const sgr = /\u001B\[[\d;]*m/;
/** What an interactive shell has; NO_COLOR and FORCE_COLOR only where a test sets them. */
const shell = {...cliUserEnvironment, TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: undefined};

describe('sfntop in pipes', () => {
	let endpoint: Endpoint;
	const run = async (args: string[], options: {env?: Record<string, string | undefined>; closeStdout?: boolean} = {}) =>
		runCli([...args, ...(offline.has(args[0]) ? [] : ['--endpoint-url', endpoint.server.url])], {env: {...shell, ...options.env}, closeStdout: options.closeStdout, timeoutMs: 30_000});

	beforeAll(async () => {
		endpoint = await orderEndpoint();
		await endpoint.run('done-1', {orderId: '1'});
		await endpoint.run('failed-1', {orderId: '2', failAt: 'charge-customer'});
	});

	afterAll(async () => {
		await endpoint.server.close();
	});

	/** One of each line command that prints something coloured. */
	const coloured: Array<[string, string[]]> = [
		['ls', ['ls']],
		['ls MACHINE', ['ls', orderMachine]],
		['tail', ['tail', `${orderMachine}/failed-1`]],
		['graph', ['graph', 'examples/order-processing.json']],
		['replay', ['replay', historyFixture('order-failed-at-charge.json'), '--definition', 'examples/order-processing.json']],
	];

	describe('colour only on a terminal', () => {
		test.each(coloured)('%s into a pipe or a file writes no escape sequence', async (_, args) => {
			const result = await run(args);
			expect(result.stderr).toBe('');
			expect(result.stdout.length).toBeGreaterThan(0);
			expect(result.stdout).not.toMatch(sgr);
		});

		test.each(coloured)('%s with FORCE_COLOR=1 is coloured in a pipe; FORCE_COLOR=0 and --no-color are not', async (_, args) => {
			expect((await run(args, {env: {FORCE_COLOR: '1'}})).stdout).toMatch(sgr);
			const both = await run(args, {env: {FORCE_COLOR: '1', NO_COLOR: '1'}});
			expect(both.stdout).toMatch(sgr);
			expect(both.stderr).toBe('');
			expect((await run(args, {env: {FORCE_COLOR: '0'}})).stdout).not.toMatch(sgr);
			expect((await run([...args, '--no-color'], {env: {FORCE_COLOR: '1'}})).stdout).not.toMatch(sgr);
		});

		test('on a terminal: colour, unless NO_COLOR, --no-color or TERM=dumb', async () => {
			const onTerminal = async (args: string[], env: Record<string, string | undefined> = {}) => {
				const terminal = startTerminal({args: ['tail', `${orderMachine}/failed-1`, '--endpoint-url', endpoint.server.url, ...args], env: {...cliUserEnvironment, ...env}});
				const {exitCode} = await terminal.exited;
				const output = terminal.output();
				await terminal.close();
				expect(exitCode, output).toBe(1);
				expect(output).toContain('ExecutionFailed');
				return output;
			};

			expect(await onTerminal([])).toMatch(/\u001B\[1;36mTaskStateEntered/);
			expect(await onTerminal([], {NO_COLOR: '1'})).not.toMatch(sgr);
			expect(await onTerminal(['--no-color'])).not.toMatch(sgr);
			expect(await onTerminal([], {TERM: 'dumb'})).not.toMatch(sgr);
		});
	});

	describe('tail --logs: events and log lines in time order, the message whole', () => {
		const tasks = ['ValidateOrder', 'ReserveInventory', 'ChargeCustomer', 'ShipOrder'];
		const functions = ['validate-order', 'reserve-inventory', 'charge-customer', 'ship-order'];
		const longId = `order-${'x'.repeat(240)}-end`;

		/** Lines as `{time, state, text}`; log lines are the ones with `│`. */
		const parse = (stdout: string) => stdout.trimEnd().split('\n').map(line => ({
			line,
			time: line.slice(0, 12),
			state: line.slice(14, 42).trim(),
			log: line.slice(44).startsWith('│ ') ? line.slice(46) : undefined,
		}));

		/** Strictly: every line in time order, each function's lines between its state's entry and exit. Else: after its entry. */
		function expectInOrder(stdout: string, strictly = true) {
			const lines = parse(stdout);
			const times = lines.map(line => line.time);
			if (strictly) {
				expect(times, stdout).toEqual(times.toSorted());
			}

			for (const [index, task] of tasks.entries()) {
				const entered = lines.findIndex(line => line.state === task && line.line.includes('TaskStateEntered'));
				const exited = lines.findIndex(line => line.state === task && line.line.includes('TaskStateExited'));
				const logs = lines.flatMap((line, at) => (line.state === task && line.log !== undefined ? [at] : []));
				expect(logs.length, `${task}\n${stdout}`).toBeGreaterThan(0);
				// Every line the function wrote sits inside its state: after it was entered, before it was left.
				expect(logs.every(at => at > entered && (!strictly || exited === -1 || at < exited)), `${task}\n${stdout}`).toBe(true);
				expect(lines.some(line => line.state === task && line.log === `INFO ${functions[index]}: processing order ${longId}`), `${task}\n${stdout}`).toBe(true);
			}
		}

		test('a finished execution: all at once, in order; Lambda\'s prefix gone, the level kept, nothing cut', async () => {
			await endpoint.run('long-1', {orderId: longId, delayMs: 60});
			const result = await run(['tail', `${orderMachine}/long-1`, '--logs']);
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(result.stdout).not.toMatch(/\d{4}-\d\d-\d\dT[\d.:]+Z\s+[\d\-a-f]{36}\s/);
			expectInOrder(result.stdout);
		});

		test('in a pipe the input and output on the execution\'s lines are whole (a script reads every field)', async () => {
			await endpoint.run('long-whole', {orderId: longId});
			const result = await run(['tail', `${orderMachine}/long-whole`]);
			const ends = result.stdout.trimEnd().split('\n').filter(line => /Execution(?:Started|Succeeded)/.test(line));
			expect(ends).toHaveLength(2);
			for (const line of ends) {
				expect(line, line).toContain(`${longId}"`);
				expect(line, line).not.toContain('…');
			}

			expect(ends[1]).toContain('"trackingNumber"');
		});

		// As lines arrive: a function's lines may follow the next state's first events (they reach
		// CloudWatch Logs later), but never come before its own state, and none is lost or repeated.
		test('a running execution: each line once, every log line after its state began', async () => {
			const arn = await endpoint.run('long-2', {orderId: longId, delayMs: 400}, false);
			const result = await run(['tail', arn, '--logs', '--interval', '0.2']);
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			const lines = parse(result.stdout);
			expect(new Set(lines.map(line => line.line)).size).toBe(lines.length);
			expect(lines.filter(line => line.log !== undefined).length).toBeGreaterThanOrEqual(16);
			expectInOrder(result.stdout, false);
		});

		test('on a terminal each line is cut at its width, at a grapheme boundary', async () => {
			const wide = `注文👩‍👩‍👧‍👦${'長'.repeat(60)}`;
			await endpoint.run('wide-1', {orderId: wide, delayMs: 5});
			const terminal = startTerminal({args: ['tail', `${orderMachine}/wide-1`, '--logs', '--endpoint-url', endpoint.server.url], columns: 121, env: cliUserEnvironment});
			await terminal.exited;
			const lines = terminal.output().replaceAll(/\u001B\[[\d;]*m/g, '').split('\r\n').filter(Boolean);
			await terminal.close();
			expect(lines.length).toBeGreaterThan(20);
			for (const line of lines) {
				expect(displayWidth(line), line).toBeLessThanOrEqual(121);
			}

			const cut = lines.find(line => line.includes('INFO validate-order: processing order 注文'))!;
			expect(cut).toMatch(/(?:注文|👩\u{200D}👩\u{200D}👧\u{200D}👦|長)…$/u);
			expect(displayWidth(cut)).toBeGreaterThanOrEqual(120);
		});

		test('--json: the same order, one object per line', async () => {
			const result = await run(['tail', `${orderMachine}/long-1`, '--logs', '--json']);
			const records = result.stdout.trimEnd().split('\n').map(line => JSON.parse(line) as {type: string; timestamp: string; message?: string});
			const times = records.map(record => record.timestamp);
			expect(times).toEqual(times.toSorted());
			expect(records.filter(record => record.type === 'Log').length).toBeGreaterThan(8);
		});
	});

	describe('a closed stdout ends the command quietly, exit 0', () => {
		test.each([
			['ls', ['ls']],
			['ls MACHINE', ['ls', orderMachine]],
			['tail of a failed execution', ['tail', `${orderMachine}/failed-1`]],
			['tail --logs', ['tail', `${orderMachine}/failed-1`, '--logs']],
			['tail --json', ['tail', `${orderMachine}/done-1`, '--json']],
			['graph', ['graph', 'examples/order-processing.json']],
			['replay', ['replay', historyFixture('order-failed-at-charge.json'), '--definition', 'examples/order-processing.json']],
			['start', ['start', orderMachine, '--input', '{"delayMs": 5}']],
			['start --tail', ['start', orderMachine, '--input', '{"delayMs": 5}', '--tail']],
		])('%s', async (_, args) => {
			const result = await run(args, {closeStdout: true});
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
		});

		test('stop and redrive', async () => {
			const running = await endpoint.run('slow-1', {orderId: '3', delayMs: 5000}, false);
			const stopped = await run(['stop', running], {closeStdout: true});
			expect(stopped.stderr).toBe('');
			expect(stopped.code).toBe(0);
			const redriven = await run(['redrive', `${orderMachine}/failed-1`, '--yes'], {closeStdout: true});
			expect(redriven.stderr).toBe('');
			expect(redriven.code).toBe(0);
		});

		test('`sfntop tail RUNNING --logs | head -1`: one line, exit 0 long before the execution ends, no stack trace', async () => {
			const running = await endpoint.run('slow-2', {orderId: '4', delayMs: 1500}, false);
			const folder = mkdtempSync(path.join(tmpdir(), 'sfntop-pipe-'));
			try {
				const started = Date.now();
				// Pipefail: the pipeline's status is sfntop's (head exits 0).
				const script = 'set -o pipefail; "$NODE" "$CLI" tail "$ARN" --logs --interval 0.2 --endpoint-url "$URL" 2>"$DIR/stderr" | head -1 >"$DIR/stdout"; echo $? >"$DIR/code"';
				const environment = Object.fromEntries(Object.entries({...process.env, ...shell, CI: undefined, AWS_REGION: undefined, NODE: process.execPath, CLI: cliPath, ARN: running, URL: endpoint.server.url, DIR: folder}).filter(([, value]) => value !== undefined));
				await new Promise((resolve, reject) => {
					const shellProcess = spawn('bash', ['-c', script], {cwd: repoRoot, env: environment, stdio: 'ignore'});
					shellProcess.on('error', reject);
					shellProcess.on('close', resolve);
				});
				const elapsed = Date.now() - started;
				const read = (name: string) => readFileSync(path.join(folder, name), 'utf8');
				expect(read('stderr')).toBe('');
				expect(read('code')).toBe('0\n');
				expect(read('stdout')).toMatch(/^\d\d:\d\d:\d\d\.\d{3} {2}- +ExecutionStarted/);
				expect(read('stdout').split('\n')).toHaveLength(2);
				// The execution runs 4 × 1.5 s; tail stopped at its next line, not at the end.
				expect(elapsed).toBeLessThan(5500);
			} finally {
				rmSync(folder, {recursive: true, force: true});
			}
		});
	});
});
