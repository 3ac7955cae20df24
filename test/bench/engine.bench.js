// The interpreter (source/local/engine), each figure beside a same-run baseline:
// - CPU per 4-state order execution on a reused interpreter (history, Lambda logs
//   and context object included), beside calling the same four handlers directly;
// - the longest the event loop was held while a 25,000-event Pass loop ran, beside
//   the longest gap of an idle loop;
// - a Distributed Map of 1,000 items: how long after its last child ended the
//   parent ended, beside how long the 1,000 children took to run.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {runExecution} from '../../dist/local/engine/run-execution.js';
import {ExecutionRunner} from '../../dist/local/execution-runner.js';
import {Store} from '../../dist/local/store.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const order = JSON.parse(readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8'));
const functions = ['validate-order', 'reserve-inventory', 'charge-customer', 'ship-order'];
const handlers = Object.assign(Object.create(null), Object.fromEntries(functions.map(name => [name, async input => input])));
const identity = {executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Orders:bench', executionName: 'bench', machineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders', machineName: 'Orders', roleArn: 'arn:aws:iam::123456789012:role/R', startTime: Date.now(), redriveCount: 0};
const ignore = () => undefined;

const run = async (definition, input = '{"orderId": "1"}') => runExecution({definition, input, identity, region: 'us-east-1', accountId: '123456789012', handlers, onEvent: ignore, onLog: ignore}).outcome;

async function cpuPerExecution(count) {
	for (let index = 0; index < 200; index++) {
		await run(order);
	}

	const start = process.cpuUsage();
	for (let index = 0; index < count; index++) {
		await run(order);
	}

	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000 / count;
}

async function cpuDirect(count) {
	const start = process.cpuUsage();
	for (let index = 0; index < count; index++) {
		let value = {orderId: '1'};
		for (const name of functions) {
			value = await handlers[name](value, {});
		}
	}

	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000 / count;
}

async function longestHold(work) {
	let longest = 0;
	let last = performance.now();
	let running = true;
	const tick = () => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
		if (running) {
			setImmediate(tick);
		}
	};

	setImmediate(tick);
	await work();
	running = false;
	return Math.max(longest, performance.now() - last);
}

const passLoop = {StartAt: 'Count', States: {
	Count: {Type: 'Pass', Next: 'Again'},
	Again: {Type: 'Choice', Choices: [{Variable: '$.stop', BooleanEquals: true, Next: 'Done'}], Default: 'Count'},
	Done: {Type: 'Succeed'},
}};

async function distributedMap(items) {
	const store = new Store();
	const runner = new ExecutionRunner(store, () => handlers, () => 'us-east-1');
	const definitionText = JSON.stringify({StartAt: 'Fan', States: {Fan: {Type: 'Map', ItemProcessor: {ProcessorConfig: {Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD'}, StartAt: 'Work', States: {Work: {Type: 'Pass', End: true}}}, End: true}}});
	const machine = {arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Fan', name: 'Fan', definition: definitionText, roleArn: identity.roleArn, type: 'STANDARD', creationDate: Date.now()};
	store.putMachine(machine);
	const parent = await runner.start(machine, 'arn:aws:states:us-east-1:123456789012:execution:Fan:bench', 'bench', JSON.stringify(Array.from({length: items}, (_, index) => ({index}))));
	await runner.finished(parent.arn);
	const children = [...store.executions.values()].filter(execution => execution.mapRunArn);
	const firstStart = Math.min(...children.map(child => child.startDate));
	const lastEnd = Math.max(...children.map(child => child.stopDate));
	store.close();
	return {status: parent.status, children: children.length, afterLastChild: parent.stopDate - lastEnd, childrenTook: lastEnd - firstStart};
}

export default async function engineBench() {
	const perExecution = await cpuPerExecution(2000);
	const direct = await cpuDirect(2000);
	const loopHold = await longestHold(async () => run(passLoop, '{"stop": false}'));
	const idleHold = await longestHold(async () => new Promise(resolve => {
		setTimeout(resolve, 200);
	}));
	let fan;
	const fanHold = await longestHold(async () => {
		fan = await distributedMap(1000);
	});
	return [
		{name: 'engine: CPU per 4-state order execution, reused interpreter (baseline: the four handlers called directly)', value: perExecution, unit: 'ms', baseline: direct, target: '< 1 ms', met: perExecution < 1},
		{name: 'engine: longest event-loop hold while a 25,000-event Pass loop runs (baseline: idle loop)', value: loopHold, unit: 'ms', baseline: idleHold, target: '< 50 ms', met: loopHold < 50},
		{name: 'engine: longest event-loop hold while a 1,000-item Distributed Map starts and runs its children (baseline: idle loop)', value: fanHold, unit: 'ms', baseline: idleHold, target: '< 50 ms', met: fanHold < 50},
		{name: `engine: Distributed Map of 1,000 items (${fan.children} children, ${fan.status}): parent ends after its last child (baseline: the children's own run time)`, value: fan.afterLastChild / 1000, unit: 's', baseline: fan.childrenTook / 1000, target: '<= 10 s', met: fan.status === 'SUCCEEDED' && fan.children === 1000 && fan.afterLastChild <= 10_000},
	];
}
