import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import type {MapRunRecord} from '../../source/local/engine/map-run.js';
import type {WireEvent} from '../../source/local/engine/wire-event.js';
import {Store} from '../../source/local/store.js';
import type {StoredExecution, StoredMachine} from '../../source/local/store-types.js';

const machine: StoredMachine = {arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:M', name: 'M', definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}', roleArn: 'arn:aws:iam::123456789012:role/R', type: 'STANDARD', creationDate: 1};

let dataDir: string;
beforeEach(async () => {
	dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-compact-'));
});
afterEach(async () => {
	await rm(dataDir, {recursive: true, force: true});
});

const eventsFor = (index: number, from = 1, count = 5): WireEvent[] => Array.from({length: count}, (_, offset) => ({id: from + offset, previousEventId: from + offset - 1, timestamp: 1000 + offset, type: offset === 0 ? 'ExecutionStarted' : 'PassStateEntered', stateEnteredEventDetails: {name: `P${index}`, input: '{}'}}));

/** Runs an execution through the store the way the runner does: summary, events, final summary. */
function run(store: Store, index: number, status: StoredExecution['status'] = 'SUCCEEDED'): StoredExecution {
	const execution: StoredExecution = {arn: `arn:aws:states:us-east-1:123456789012:execution:M:e${index}`, name: `e${index}`, machineArn: machine.arn, machineName: 'M', type: 'STANDARD', definition: machine.definition, roleArn: machine.roleArn, status: 'RUNNING', startDate: index, input: '{}', redriveCount: 0, events: []};
	store.putExecution(execution, true);
	for (const event of eventsFor(index)) {
		store.addEvent(execution, event);
	}

	Object.assign(execution, {status, stopDate: index + 1});
	store.putExecution(execution, true);
	return execution;
}

const journalLines = () => readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean);

describe('journal compaction', () => {
	test('a finished execution leaves the live heap and is read back whole', () => {
		const store = new Store();
		store.putMachine(machine);
		const execution = run(store, 1);
		expect(execution.events).toEqual([]);
		expect(store.eventsOf(execution)).toEqual(eventsFor(1));
	});

	test('compaction in the background keeps every record, including those written while it runs', async () => {
		const store = new Store({dataDir, compactAfter: 50});
		store.putMachine(machine);
		for (let index = 0; index < 40; index++) {
			run(store, index);
		}

		// Whatever compaction is under way, these land during or after it.
		const late = run(store, 40);
		const running: StoredExecution = {...late, arn: `${late.arn}-running`, name: 'running', status: 'RUNNING', events: []};
		store.putExecution(running, true);
		store.addEvent(running, eventsFor(99)[0]);
		await store.settled();
		store.close();

		expect(journalLines().length).toBeLessThan(40 * 7);
		expect(journalLines().filter(line => line.includes('"t":"history"')).length).toBeGreaterThan(0);
		const reopened = new Store({dataDir, compactAfter: 50});
		try {
			for (let index = 0; index <= 40; index++) {
				const execution = reopened.executions.get(`arn:aws:states:us-east-1:123456789012:execution:M:e${index}`)!;
				expect(execution.status).toBe('SUCCEEDED');
				expect(reopened.eventsOf(execution)).toEqual(eventsFor(index));
			}

			expect(reopened.eventsOf(reopened.executions.get(running.arn)!)).toEqual([eventsFor(99)[0]]);
		} finally {
			reopened.close();
		}
	});

	test('a redrive of a compacted execution continues its history, across restarts', async () => {
		const store = new Store({dataDir, compactAfter: 10});
		store.putMachine(machine);
		const first = run(store, 1, 'FAILED');
		for (let index = 2; index < 6; index++) {
			run(store, index);
		}

		await store.settled();
		store.compact();
		Object.assign(first, {status: 'RUNNING', redriveCount: 1});
		store.putExecution(first, true);
		expect(first.events).toEqual(eventsFor(1));
		store.addEvent(first, eventsFor(1, 6, 1)[0]);
		Object.assign(first, {status: 'SUCCEEDED'});
		store.putExecution(first, true);
		store.close();

		const reopened = new Store({dataDir});
		try {
			expect(reopened.eventsOf(reopened.executions.get(first.arn)!)).toEqual([...eventsFor(1), ...eventsFor(1, 6, 1)]);
		} finally {
			reopened.close();
		}
	});

	test('a compaction cut short by a crash leaves the journal as it was', () => {
		const store = new Store({dataDir});
		store.putMachine(machine);
		run(store, 1);
		store.close();
		const before = readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8');
		writeFileSync(path.join(dataDir, 'journal.jsonl.next'), 'half a snap');
		const reopened = new Store({dataDir});
		reopened.close();
		expect(existsSync(path.join(dataDir, 'journal.jsonl.next'))).toBe(false);
		expect(readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8')).toBe(before);
		const again = new Store({dataDir});
		expect(again.eventsOf(again.executions.get('arn:aws:states:us-east-1:123456789012:execution:M:e1')!)).toEqual(eventsFor(1));
		again.close();
	});

	test('records appended while a large compaction is being written are carried over to the new file', async () => {
		const store = new Store({dataDir, compactAfter: 30});
		store.putMachine(machine);
		const big = 'x'.repeat(100_000);
		const bigEvents = (index: number) => eventsFor(index).map(event => ({...event, stateEnteredEventDetails: {name: `P${index}`, input: big}}));
		const executions: StoredExecution[] = [];
		for (let index = 0; index < 8; index++) {
			const execution: StoredExecution = {arn: `arn:aws:states:us-east-1:123456789012:execution:M:big${index}`, name: `big${index}`, machineArn: machine.arn, machineName: 'M', type: 'STANDARD', definition: machine.definition, roleArn: machine.roleArn, status: 'RUNNING', startDate: index, input: '{}', redriveCount: 0, events: []};
			store.putExecution(execution, true);
			for (const event of bigEvents(index)) {
				store.addEvent(execution, event);
			}

			Object.assign(execution, {status: 'SUCCEEDED'});
			store.putExecution(execution);
			executions.push(execution);
		}

		await store.settled();
		store.close();
		const reopened = new Store({dataDir});
		try {
			for (const [index, execution] of executions.entries()) {
				expect(reopened.eventsOf(reopened.executions.get(execution.arn)!)).toEqual(bigEvents(index));
			}
		} finally {
			reopened.close();
		}
	});

	test('map runs are journaled whole and child by child, and survive compaction', () => {
		const store = new Store({dataDir});
		store.putMachine(machine);
		const parent = run(store, 1, 'RUNNING');
		const record: MapRunRecord = {mapRunArn: 'arn:aws:states:us-east-1:123456789012:mapRun:M/Items:1', executionArn: parent.arn, stateMachineArn: `${machine.arn}/Items`, status: 'RUNNING', startDate: 5, maxConcurrency: 2, toleratedFailurePercentage: 0, toleratedFailureCount: 0, tolerancesGiven: [], redriveCount: 0, children: [{items: 1, status: 'PENDING'}, {items: 1, status: 'PENDING'}]};
		store.putMapRun(record, true);
		record.children = record.children.map((child, index) => (index === 1 ? {executionArn: 'arn:aws:states:us-east-1:123456789012:execution:M/Items:c1', items: 1, status: 'SUCCEEDED'} : child));
		store.putMapRunChild(record, 1);
		store.close();

		const reopened = new Store({dataDir});
		expect(reopened.mapRuns.get(record.mapRunArn)).toEqual(record);
		reopened.compact();
		reopened.close();
		const compacted = new Store({dataDir});
		expect(compacted.mapRuns.get(record.mapRunArn)).toEqual(record);
		compacted.close();
	});

	test('log events come back after compaction and a restart, parsed only when read, and ids go on', () => {
		const store = new Store({dataDir});
		for (let index = 0; index < 2500; index++) {
			store.addLog('/aws/lambda/f', 's', 1000 + index, `line ${index}`);
		}

		store.compact();
		store.addLog('/aws/lambda/f', 's', 9999, 'after compaction');
		store.close();
		const reopened = new Store({dataDir});
		const stream = reopened.logGroups.get('/aws/lambda/f')!.streams.get('s')!;
		const added = reopened.addLog('/aws/lambda/f', 's', 10_000, 'after restart');
		expect(stream.events.map(event => event.message)).toEqual([...Array.from({length: 2500}, (_, index) => `line ${index}`), 'after compaction', 'after restart']);
		expect(added.eventId).toBe(String(2502).padStart(12, '0'));
		expect(new Set(stream.events.map(event => event.eventId)).size).toBe(2502);
		reopened.close();
	});
});
