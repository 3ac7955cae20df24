import {writeFile, mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {fullHistory} from '../helpers/local-endpoint.js';
import {orderEndpoint, orderMachine} from '../helpers/order-machine.js';
import {runCli} from '../helpers/run-cli.js';

describe('sfntop diff against sfntop serve', () => {
	let endpoint: Awaited<ReturnType<typeof orderEndpoint>>;
	let directory: string;
	let goodArn: string;

	beforeAll(async () => {
		endpoint = await orderEndpoint();
		directory = await mkdtemp(path.join(tmpdir(), 'sfntop-diff-'));
		goodArn = await endpoint.run('good-1', {orderId: '1'});
		await endpoint.run('bad-1', {orderId: '2\u001B]52;c;eA==\u0007', failAt: 'charge-customer'});
	});

	afterAll(async () => {
		await endpoint.server.close();
		await rm(directory, {recursive: true, force: true});
	});

	test('the last failed run against the last good one: the states that differ, the inputs that differ, exit 1', async () => {
		const result = await endpoint.sfntop('diff', `${orderMachine}/latest-failed`, `${orderMachine}/latest-succeeded`, '--no-color', '--width', '80');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(1);
		const lines = result.stdout.split('\n');
		expect(lines[0]).toMatch(/^A {2}OrderProcessingStateMachine\/bad-1 {3}FAILED +ran \d/);
		expect(lines[1]).toMatch(/^B {2}OrderProcessingStateMachine\/good-1 {2}SUCCEEDED ran \d/);
		expect(result.stdout).toMatch(/^ {2}ValidateOrder +SUCCEEDED {2}SUCCEEDED {2}1 \| 1 +\d+ ms → \d+ ms +[+\-±]\d+ ms$/m);
		expect(result.stdout).toMatch(/^≠ ChargeCustomer +FAILED +SUCCEEDED {2}1 \| 1/m);
		expect(result.stdout).toMatch(/^ {4}A: PaymentDeclined: The card was declined/m);
		expect(result.stdout).toMatch(/^≠ ShipOrder +- +SUCCEEDED {2}- \| 1/m);
		// The input differs where the two orders differ: a JSON path, both values, hostile text escaped.
		expect(result.stdout).toMatch(/^ValidateOrder input$/m);
		expect(result.stdout).toContain('$.orderId  "2\\u001b]52;c;eA==\\u0007" → "1"');
		expect(result.stdout).toContain('$.failAt   "charge-customer"');
		expect(result.stdout).not.toMatch(/\u001B/);
		expect(lines.every(line => [...line].length <= 80)).toBe(true);
		expect(lines.at(-2)).toBe('2 of 4 states differ (A FAILED, B SUCCEEDED); input or output differ in 3 states');
	});

	test('an execution against its own saved history: same states and statuses, exit 0', async () => {
		const file = path.join(directory, 'good.json');
		await writeFile(file, JSON.stringify({events: await fullHistory(endpoint.sfn, goodArn)}, (key, value: unknown) => (value instanceof Date ? value.getTime() / 1000 : value)));
		const result = await endpoint.sfntop('diff', file, goodArn, '--no-color');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n', 1)[0]).toMatch(/^A {2}good\.json +SUCCEEDED/);
		expect(result.stdout.trim().split('\n').at(-1)).toBe('same states, same statuses');
	});

	test('--json is one object with the same content', async () => {
		const result = await endpoint.sfntop('diff', `${orderMachine}/bad-1`, `${orderMachine}/good-1`, '--json');
		expect(result.code).toBe(1);
		const diff = JSON.parse(result.stdout) as {same: boolean; a: {label: string; status: string}; states: Array<{path: string; differs: boolean; a: {status: string} | null; b: {status: string} | null}>; data: Array<{path: string; field: string; changes: Array<{path: string; a?: unknown; b?: unknown}>}>};
		expect(diff.same).toBe(false);
		expect(diff.a).toMatchObject({label: 'OrderProcessingStateMachine/bad-1', status: 'FAILED'});
		expect(diff.states.map(row => [row.path, row.a?.status ?? null, row.b?.status ?? null, row.differs])).toEqual([
			['ValidateOrder', 'SUCCEEDED', 'SUCCEEDED', false],
			['ReserveInventory', 'SUCCEEDED', 'SUCCEEDED', false],
			['ChargeCustomer', 'FAILED', 'SUCCEEDED', true],
			['ShipOrder', null, 'SUCCEEDED', true],
		]);
		expect(diff.data[0]).toMatchObject({path: 'ValidateOrder', field: 'input'});
		expect(diff.data[0].changes).toContainEqual({path: '$.orderId', kind: 'changed', a: '2\u001B]52;c;eA==\u0007', b: '1'});
		// Valid JSON, and inert in a terminal: no raw ESC or BEL.
		expect(result.stdout).not.toMatch(/[\u0007\u001B]/);
	});

	test('errors are one line: a missing execution (2), a missing file (2), one argument (2)', async () => {
		const missing = await endpoint.sfntop('diff', `${orderMachine}/nope`, `${orderMachine}/good-1`);
		expect(missing.code).toBe(2);
		expect(missing.stderr.trim().split('\n')).toHaveLength(1);
		const noFile = await endpoint.sfntop('diff', path.join(directory, 'missing.json'), `${orderMachine}/good-1`);
		expect(noFile).toMatchObject({code: 2, stderr: `sfntop: cannot read ${path.join(directory, 'missing.json')}: no such file\n`});
		const one = await endpoint.sfntop('diff', `${orderMachine}/good-1`);
		expect(one.code).toBe(2);
		expect(one.stderr).toMatch(/^sfntop: sfntop diff compares two things/);
	});

	test('an endpoint that cannot be reached: one line, exit 3', async () => {
		const result = await runCli(['diff', `${orderMachine}/bad-1`, `${orderMachine}/good-1`, '--endpoint-url', 'http://127.0.0.1:1'], {env: cliUserEnvironment});
		expect(result).toMatchObject({code: 3, stdout: ''});
		expect(result.stderr).toMatch(/^sfntop: cannot reach http:\/\/127\.0\.0\.1:1: .+\n$/);
	});

	test('hostile inputs: a file that is not JSON and holds escape sequences, a folder, standard input twice', async () => {
		const escapes = path.join(directory, 'escapes.json');
		await writeFile(escapes, '\u001B]0;owned\u0007\u001B[31mred');
		const notJson = await endpoint.sfntop('diff', escapes, `${orderMachine}/good-1`);
		expect(notJson.code).toBe(2);
		// The file's bytes are shown escaped: the error line cannot retitle or recolour the terminal.
		expect(notJson.stderr).not.toMatch(/[\u0007\u001B]/);
		expect(notJson.stderr).toMatch(/^sfntop: \S*escapes\.json is not valid JSON: .*\\x1b\]0;owned\\x07.*\n$/);

		const folder = await endpoint.sfntop('diff', directory, `${orderMachine}/good-1`);
		expect(folder).toMatchObject({code: 2, stderr: `sfntop: cannot read ${directory}: it is a directory\n`});

		const twice = await endpoint.sfntop('diff', '-', '-');
		expect(twice).toMatchObject({code: 2, stderr: 'sfntop: only one side can be read from standard input (-)\n'});
	});
});
