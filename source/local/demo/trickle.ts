import {randomUUID} from 'node:crypto';
import {executionArnOf, machineArnOf} from '../arns.js';
import type {ExecutionRunner} from '../execution-runner.js';
import type {Store} from '../store.js';
import {publishVersion} from '../api/versions.js';
import type {StoredAlias, StoredMachine, StoredVersion} from '../store-types.js';
import {demoRoleArn, nightlyBatch, orderEventsExpress, orderFulfillment, orderJsonata, orderParent, orderProcessing} from './machines.js';

type DemoOptions = {store: Store; runner: ExecutionRunner; region: () => string; log: (line: string) => void};

/** Finished demo executions kept per machine, so a demo left running all day stays small. */
const keepFinished = 60;
/** Finished child executions of the batch's map runs kept (each batch has 40). */
const keepBatchChildren = 200;
/** Log events kept per stream in demo mode (the newest), for the same reason. */
const keepLogEvents = 2000;

/**
 * `--demo`: the demo machines and a steady, bounded trickle of executions —
 * about one every few seconds, some failing (and some of those redriven a
 * little later, as after a fix) — so a dashboard always has something live
 * to show: the order workflows, an Express one, the order workflow in
 * JSONata with variables (version 1, alias `prod`, some runs through the
 * alias), a Distributed Map batch, and a parent that runs the JSONata order
 * workflow as a child (.sync:2).
 */
export async function startDemo({store, runner, region, log}: DemoOptions): Promise<{stop(): void}> {
	const put = (name: string, definition: unknown, type: 'STANDARD' | 'EXPRESS', logGroup?: string): StoredMachine => {
		const arn = machineArnOf(region(), name);
		const existing = store.machines.get(arn);
		if (existing) {
			return existing;
		}

		const machine: StoredMachine = {
			arn,
			name,
			definition: JSON.stringify(definition, null, 2),
			roleArn: demoRoleArn,
			type,
			creationDate: Date.now(),
			...(logGroup && {loggingConfiguration: {level: 'ALL', includeExecutionData: true, destinations: [{cloudWatchLogsLogGroup: {logGroupArn: `arn:aws:logs:${region()}:123456789012:log-group:${logGroup}:*`}}]}}),
		};
		store.putMachine(machine);
		if (logGroup) {
			store.ensureGroup(logGroup);
		}

		return machine;
	};

	const processing = put('OrderProcessingStateMachine', orderProcessing, 'STANDARD');
	const fulfillment = put('OrderFulfillmentStateMachine', orderFulfillment, 'STANDARD', '/aws/vendedlogs/states/OrderFulfillment');
	const express = put('OrderEventsExpress', orderEventsExpress, 'EXPRESS', '/aws/vendedlogs/states/OrderEventsExpress');
	const jsonata = put('OrderProcessingJsonata', orderJsonata, 'STANDARD');
	const version = publishVersion(store, jsonata, 'the demo\'s first version');
	const alias = putAlias(store, jsonata, 'prod', version);
	const batch = put('NightlyBatch', nightlyBatch, 'STANDARD');
	const parent = put('OrderParentWorkflow', orderParent(alias.arn), 'STANDARD');

	let counter = 0;
	const timers = new Set<NodeJS.Timeout>();
	const later = (ms: number, action: () => void) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			action();
		}, ms);
		timers.add(timer);
	};

	const start = (machine: StoredMachine, input: Record<string, unknown>, through?: {version: StoredVersion; alias?: StoredAlias}) => {
		const name = `demo-${Date.now().toString(36)}-${++counter}`;
		const arn = executionArnOf(region(), machine.name, name, machine.type === 'EXPRESS', randomUUID());
		// Through a version or alias, as StartExecution does: the version's definition, the machine's execution ARN.
		const runs = through ? {...machine, definition: through.version.definition, roleArn: through.version.roleArn} : machine;
		const extra = through ? {stateMachineVersionArn: through.version.arn, ...(through.alias && {stateMachineAliasArn: through.alias.arn}), ...(through.version.revisionId && {revisionId: through.version.revisionId})} : {};
		void runner.start(runs, arn, name, JSON.stringify(input), extra).then(execution => {
			log(`demo: started ${machine.name}/${name}`);
			// Redrive some order-workflow failures (a fulfilment failure ends in a Fail state; rerunning it fails again).
			if (input.failAt && machine === processing) {
				// Redrive some failures a little later, as an operator would after a fix.
				void runner.finished(execution.arn).then(() => {
					if (counter % 2 === 0 && execution.status === 'FAILED') {
						later(6000, () => {
							runner.redrive(execution);
						});
					}
				});
			}
		});
	};

	const prune = () => {
		const children = [...store.executions.values()].filter(execution => execution.machineArn.startsWith(`${batch.arn}/`) && execution.status !== 'RUNNING').toSorted((a, b) => a.startDate - b.startDate);
		for (const execution of children.slice(0, Math.max(0, children.length - keepBatchChildren))) {
			store.deleteExecution(execution.arn);
		}

		for (const machine of [processing, fulfillment, express, jsonata, batch, parent]) {
			const finished = [...store.executions.values()].filter(execution => execution.machineArn === machine.arn && execution.status !== 'RUNNING' && execution.name.startsWith('demo-')).toSorted((a, b) => a.startDate - b.startDate);
			for (const execution of finished.slice(0, Math.max(0, finished.length - keepFinished))) {
				store.deleteExecution(execution.arn);
			}
		}

		store.trimLogs(keepLogEvents);
	};

	let ticks = 0;
	const tick = () => {
		const n = counter + 1;
		// `n` counts starts (several per tick); the newer machines go by ticks, one every 3 s.
		const t = ++ticks;
		const orderId = String(10_000 + n);
		// A batch's children and a parent's child count as running too.
		if (runner.runningCount < 20) {
			start(processing, {orderId, ...((n % 4 === 0) && {failAt: 'charge-customer'}), ...((n % 7 === 0) && {failAt: 'reserve-inventory'})});
			if (n % 3 === 0) {
				start(fulfillment, {orderId, items: [{itemId: 'A-1'}, {itemId: 'B-2'}, {itemId: 'C-3'}, {itemId: 'D-4'}], ...((n % 6 === 0) && {failAt: 'charge-customer'})});
			}

			start(express, {orderId, event: 'order-updated'});
			const items = Array.from({length: 1 + (t % 4)}, (_, index) => ({itemId: `L-${index + 1}`}));
			start(jsonata, {orderId, items, ...((t % 5 === 0) && {failAt: 'charge-customer'})}, t % 2 === 0 ? {version, alias} : undefined);
			if (t % 4 === 2) {
				start(parent, {orderId: `P-${orderId}`, items: [{itemId: 'A-1'}, {itemId: 'B-2'}, {itemId: 'C-3'}]});
			}

			if (t % 10 === 1) {
				// 40 lines, 400-1500 ms each, 6 at a time: a run of about 7 s; 2 fail (5 %, within the tolerated 10 %).
				start(batch, {items: Array.from({length: 40}, (_, index) => ({itemId: `N-${t}-${index + 1}`, delayMs: 400 + ((index * 277) % 1100), ...((index === 6 || index === 22) && {failAt: 'pick-item'})}))});
			}
		}

		prune();
		later(3000, tick);
	};

	tick();
	return {
		stop() {
			for (const timer of timers) {
				clearTimeout(timer);
			}

			timers.clear();
		},
	};
}

/** The demo's alias (kept across restarts with --data-dir, as the machines are). */
function putAlias(store: Store, machine: StoredMachine, name: string, version: StoredVersion): StoredAlias {
	const arn = `${machine.arn}:${name}`;
	const existing = store.aliases.get(arn);
	if (existing) {
		return existing;
	}

	const alias: StoredAlias = {arn, machineArn: machine.arn, name, description: 'what production runs', routingConfiguration: [{stateMachineVersionArn: version.arn, weight: 100}], creationDate: Date.now()};
	store.putAlias(alias);
	return alias;
}
