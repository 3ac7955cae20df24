import {randomUUID} from 'node:crypto';
import {executionArnOf, machineArnOf} from '../arns.js';
import type {ExecutionRunner} from '../execution-runner.js';
import type {Store} from '../store.js';
import type {StoredMachine} from '../store-types.js';
import {demoRoleArn, orderEventsExpress, orderFulfillment, orderProcessing} from './machines.js';

type DemoOptions = {store: Store; runner: ExecutionRunner; region: () => string; log: (line: string) => void};

/** Finished demo executions kept per machine, so a demo left running all day stays small. */
const keepFinished = 60;
/** Log events kept per stream in demo mode (the newest), for the same reason. */
const keepLogEvents = 2000;

/**
 * `--demo`: the three demo machines and a steady, bounded trickle of
 * executions — about one every few seconds, some failing (and some of those
 * redriven a little later, as after a fix) — so a dashboard always has
 * something live to show.
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

	let counter = 0;
	const timers = new Set<NodeJS.Timeout>();
	const later = (ms: number, action: () => void) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			action();
		}, ms);
		timers.add(timer);
	};

	const start = (machine: StoredMachine, input: Record<string, unknown>) => {
		const name = `demo-${Date.now().toString(36)}-${++counter}`;
		const arn = executionArnOf(region(), machine.name, name, machine.type === 'EXPRESS', randomUUID());
		void runner.start(machine, arn, name, JSON.stringify(input)).then(execution => {
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
		for (const machine of [processing, fulfillment, express]) {
			const finished = [...store.executions.values()].filter(execution => execution.machineArn === machine.arn && execution.status !== 'RUNNING' && execution.name.startsWith('demo-')).toSorted((a, b) => a.startDate - b.startDate);
			for (const execution of finished.slice(0, Math.max(0, finished.length - keepFinished))) {
				store.deleteExecution(execution.arn);
			}
		}

		store.trimLogs(keepLogEvents);
	};

	const tick = () => {
		const n = counter + 1;
		const orderId = String(10_000 + n);
		if (runner.runningCount < 8) {
			start(processing, {orderId, ...((n % 4 === 0) && {failAt: 'charge-customer'}), ...((n % 7 === 0) && {failAt: 'reserve-inventory'})});
			if (n % 3 === 0) {
				start(fulfillment, {orderId, items: [{itemId: 'A-1'}, {itemId: 'B-2'}, {itemId: 'C-3'}, {itemId: 'D-4'}], ...((n % 6 === 0) && {failAt: 'charge-customer'})});
			}

			start(express, {orderId, event: 'order-updated'});
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
