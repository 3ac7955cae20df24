import {readFileSync} from 'node:fs';
import {CreateStateMachineCommand, SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startServer, type RunningServer} from '../../source/local/server.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {runCli, type CliResult} from '../helpers/run-cli.js';

/*
 * Issue 13 through `sfntop tail` against sfntop serve: a Distributed Map's
 * progress (its children are not in the parent's history), the variables a
 * JSONata state assigned, and the child a startExecution task started.
 */

const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';
const machineArn = (name: string) => `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`;

describe('tail shows what today\'s Step Functions adds', () => {
	let server: RunningServer;
	const sfntop = async (...args: string[]): Promise<CliResult> => runCli([...args, '--endpoint-url', server.url], {env: cliUserEnvironment, timeoutMs: 40_000});

	beforeAll(async () => {
		server = await startServer({port: 0});
		const sfn = new SFNClient({endpoint: server.url, region: 'us-east-1', credentials: {accessKeyId: 'local', secretAccessKey: 'local'}});
		const batch = {
			StartAt: 'ProcessBatch',
			States: {
				ProcessBatch: {Type: 'Map', Label: 'ProcessBatch', ItemsPath: '$.items', MaxConcurrency: 2, ItemProcessor: {ProcessorConfig: {Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD'}, StartAt: 'Hold', States: {Hold: {Type: 'Wait', Seconds: 1, End: true}}}, End: true},
			},
		};
		await sfn.send(new CreateStateMachineCommand({name: 'Batch', roleArn, definition: JSON.stringify(batch)}));
		await sfn.send(new CreateStateMachineCommand({name: 'OrderJsonata', roleArn, definition: readFileSync('examples/order-jsonata.json', 'utf8')}));
		const parent = {StartAt: 'PlaceOrder', States: {PlaceOrder: {Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: {StateMachineArn: machineArn('OrderJsonata'), Name: 'child-of-p1', 'Input.$': '$'}, End: true}}};
		await sfn.send(new CreateStateMachineCommand({name: 'Parent', roleArn, definition: JSON.stringify(parent)}));
	});

	afterAll(async () => {
		await server.close();
	});

	test('a Distributed Map: MapRunProgress lines while its run runs, the last one when it ends', async () => {
		const result = await sfntop('start', 'Batch', '--name', 'six', '--input', '{"items": [1, 2, 3, 4, 5, 6]}', '--tail', '--interval', '0.2', '--no-color', '--width', '0');
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const progress = result.stdout.split('\n').filter(line => line.includes('MapRunProgress'));
		expect(progress.length).toBeGreaterThanOrEqual(2);
		expect(progress[0]).toMatch(/ProcessBatch +MapRunProgress {2}\d\/6 succeeded, 0 failed, [0-2] running, \d pending, 0 aborted$/);
		expect(progress.at(-1)).toMatch(/MapRunProgress {2}SUCCEEDED: 6\/6 succeeded, 0 failed, 0 running, 0 pending, 0 aborted$/);
		expect(result.stdout).toMatch(/ProcessBatch +MapRunStarted {2}map run Batch\/ProcessBatch:/);
		expect(result.stdout.trim().split('\n').at(-1)).toMatch(/ExecutionSucceeded/);
		// The final counts sit under the event that ended the run, in time order.
		expect(result.stdout).toMatch(/MapRunSucceeded\n.*MapRunProgress {2}SUCCEEDED: 6\/6/);
		// Tailing it once it has ended still says how its items went.
		const again = await sfntop('tail', 'Batch/six', '--no-color', '--width', '0');
		expect(again.code).toBe(0);
		expect(again.stdout).toMatch(/MapRunSucceeded\n.*ProcessBatch +MapRunProgress {2}SUCCEEDED: 6\/6 succeeded, 0 failed, 0 running, 0 pending, 0 aborted\n/);
	}, 45_000);

	test('--json: MapRunProgress objects with AWS\'s counts', async () => {
		const result = await sfntop('start', 'Batch', '--input', '{"items": [1, 2]}', '--tail', '--json', '--interval', '0.2');
		expect(result.code).toBe(0);
		const objects = result.stdout.trim().split('\n').map(line => JSON.parse(line) as {type: string; status?: string; itemCounts?: Record<string, number>});
		expect(objects.findLast(object => object.type === 'MapRunProgress')).toMatchObject({status: 'SUCCEEDED', itemCounts: {total: 2, succeeded: 2}});
	}, 45_000);

	test('a JSONata state\'s exit says what it assigned; a startExecution task names its child', async () => {
		const result = await sfntop('start', 'Parent', '--input', '{"orderId": "p1", "items": [1, 2], "delayMs": 20}', '--tail', '--interval', '0.2', '--no-color', '--width', '0');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/PlaceOrder +TaskSubmitted {2}child OrderJsonata\/child-of-p1$/m);
		const child = await sfntop('tail', 'OrderJsonata/child-of-p1', '--no-color', '--width', '0');
		expect(child.code).toBe(0);
		expect(child.stdout).toMatch(/ValidateOrder +TaskStateExited {2}assigned orderId="p1", itemCount=2$/m);
		expect(child.stdout).toMatch(/LargeOrder +ChoiceStateExited {2}assigned priority="standard"$/m);
	}, 45_000);
});
