// How long `sfntop serve --data-dir` takes to come back after a crash with
// 10,000 finished order-workflow executions (22 events and 20 Lambda log
// lines each) in its journal, beside the same start with an empty data dir,
// in the same run. The journal is written through the store as serve writes
// it (its background compaction included), then the process is timed from
// spawn to its listening line.
import {spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {setImmediate} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {Store} from '../../dist/local/store.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(repoRoot, 'bin', 'sfntop.cjs');
const executions = 10_000;
const arn = 'arn:aws:states:us-east-1:123456789012';
const definition = JSON.stringify({StartAt: 'ValidateOrder', States: {ValidateOrder: {Type: 'Task', Resource: `${arn.replace('states', 'lambda')}:function:validate-order`, End: true}}});
const steps = ['ValidateOrder', 'ReserveInventory', 'ChargeCustomer', 'ShipOrder'];

function orderHistory(index, start) {
	const order = {orderId: String(index), items: [{sku: 'A-1', quantity: 2}], validated: true, reservationId: 'res-1a2b3c4d', paymentId: 'pay-5e6f7a8b'};
	const text = JSON.stringify(order);
	const events = [{id: 1, previousEventId: 0, timestamp: start, type: 'ExecutionStarted', executionStartedEventDetails: {input: text, inputDetails: {truncated: false}, roleArn: 'arn:aws:iam::123456789012:role/R'}}];
	for (const step of steps) {
		const push = (type, details) => {
			events.push({id: events.length + 1, previousEventId: events.length, timestamp: start + events.length, type, ...details});
		};

		push('TaskStateEntered', {stateEnteredEventDetails: {name: step, input: text, inputDetails: {truncated: false}}});
		push('LambdaFunctionScheduled', {lambdaFunctionScheduledEventDetails: {resource: `${arn.replace('states', 'lambda')}:function:${step}`, input: text, inputDetails: {truncated: false}}});
		push('LambdaFunctionStarted', {});
		push('LambdaFunctionSucceeded', {lambdaFunctionSucceededEventDetails: {output: text, outputDetails: {truncated: false}}});
		push('TaskStateExited', {stateExitedEventDetails: {name: step, output: text, outputDetails: {truncated: false}}});
	}

	events.push({id: events.length + 1, previousEventId: events.length, timestamp: start + 30, type: 'ExecutionSucceeded', executionSucceededEventDetails: {output: text, outputDetails: {truncated: false}}});
	return {events, input: text};
}

export async function writeJournal(dataDir) {
	const store = new Store({dataDir});
	const machine = {arn: `${arn}:stateMachine:Orders`, name: 'Orders', definition, roleArn: 'arn:aws:iam::123456789012:role/R', type: 'STANDARD', creationDate: Date.now()};
	store.putMachine(machine);
	const start = Date.now();
	for (let index = 0; index < executions; index++) {
		await setImmediate(); // A turn of the event loop per execution (serve has many): a background compaction gets its share.

		const {events, input} = orderHistory(index, start + index);
		const execution = {arn: `${arn}:execution:Orders:order-${index}`, name: `order-${index}`, machineArn: machine.arn, machineName: machine.name, type: 'STANDARD', definition, roleArn: machine.roleArn, status: 'RUNNING', startDate: start + index, input, redriveCount: 0, events: []};
		store.putExecution(execution, false);
		for (const event of events) {
			store.addEvent(execution, event);
		}

		for (const step of steps) {
			const stream = `2026/11/29/[$LATEST]${step}`;
			store.addLog(`/aws/lambda/${step}`, stream, start + index, `START RequestId: ${index} Version: $LATEST`);
			store.addLog(`/aws/lambda/${step}`, stream, start + index, `${step}: processing order ${index}`);
			store.addLog(`/aws/lambda/${step}`, stream, start + index, `${step}: done`);
			store.addLog(`/aws/lambda/${step}`, stream, start + index, `END RequestId: ${index}`);
			store.addLog(`/aws/lambda/${step}`, stream, start + index, `REPORT RequestId: ${index}\tDuration: 3.00 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB`);
		}

		Object.assign(execution, {status: 'SUCCEEDED', stopDate: start + index + 30, output: input});
		store.putExecution(execution, false);
	}

	return store;
}

async function timeToListen(dataDir) {
	const started = performance.now();
	const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir], {env: {...process.env, CI: ''}});
	await new Promise((resolve, reject) => {
		let output = '';
		child.stdout.on('data', chunk => {
			output += chunk;
			if (output.includes('listening on')) {
				resolve();
			}
		});
		child.on('exit', code => {
			reject(new Error(`serve exited ${code}`));
		});
	});
	const elapsed = performance.now() - started;
	child.kill('SIGKILL');
	await new Promise(resolve => {
		child.once('exit', resolve);
	});
	return elapsed;
}

export default async function bench() {
	const full = await mkdtemp(path.join(tmpdir(), 'sfntop-bench-journal-'));
	const empty = await mkdtemp(path.join(tmpdir(), 'sfntop-bench-empty-'));
	try {
		const store = await writeJournal(full);
		await store.settled();
		store.close();
		const megabytes = statSync(path.join(full, 'journal.jsonl')).size / 1e6;
		const median = async dir => {
			const times = [];
			for (let run = 0; run < 3; run++) {
				times.push(await timeToListen(dir));
			}

			return times.toSorted((a, b) => a - b)[1];
		};

		const baseline = await median(empty);
		const restart = await median(full);
		return [{name: `serve restart with ${executions.toLocaleString('en')} executions (${megabytes.toFixed(0)} MB journal)`, value: Math.round(restart), unit: 'ms', baseline: Math.round(baseline), target: '< 2000 ms', met: restart < 2000}];
	} finally {
		await rm(full, {recursive: true, force: true});
		await rm(empty, {recursive: true, force: true});
	}
}
