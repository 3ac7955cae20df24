import {closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync} from 'node:fs';
import path from 'node:path';
import type {WireEvent} from './engine/wire-event.js';
import type {StoredExecution, StoredGroup, StoredLogEvent, StoredMachine, StoredStream} from './store-types.js';

/*
 * Everything the endpoint knows, in memory, mirrored to an append-only
 * journal (`DIR/journal.jsonl`) when --data-dir is given. Each record is one
 * write(2) of one line, so a `kill -9` loses nothing already written (it is
 * in the kernel's page cache); mutations the API acknowledges (create,
 * start, stop, redrive, delete) are also fsync'd before the response, so
 * they survive a machine crash too. A torn last line is skipped on load.
 */

type Record =
	| {t: 'machine'; machine: StoredMachine}
	| {t: 'machine-delete'; arn: string}
	| {t: 'execution'; execution: Omit<StoredExecution, 'events'>}
	| {t: 'event'; arn: string; event: WireEvent}
	| {t: 'log-group'; name: string; creationTime: number}
	| {t: 'log'; group: string; stream: string; event: StoredLogEvent};

export class Store {
	readonly machines = new Map<string, StoredMachine>();
	readonly executions = new Map<string, StoredExecution>();
	readonly logGroups = new Map<string, StoredGroup>();
	private journal: number | undefined;
	private logEventCounter = 0;

	constructor(dataDir?: string) {
		if (!dataDir) {
			return;
		}

		mkdirSync(dataDir, {recursive: true});
		const file = path.join(dataDir, 'journal.jsonl');
		if (existsSync(file)) {
			this.load(readFileSync(file, 'utf8'));
		}

		this.journal = openSync(file, 'a');
	}

	close(): void {
		if (this.journal === undefined) {
			return;
		}

		closeSync(this.journal);
		this.journal = undefined;
	}

	private append(record: Record, durable = false): void {
		if (this.journal === undefined) {
			return;
		}

		writeSync(this.journal, `${JSON.stringify(record)}\n`);
		if (durable) {
			fsyncSync(this.journal);
		}
	}

	private load(text: string): void {
		for (const line of text.split('\n')) {
			if (line.trim() === '') {
				continue;
			}

			let record: Record;
			try {
				record = JSON.parse(line) as Record;
			} catch {
				continue; // A line torn by a crash mid-write.
			}

			this.apply(record);
		}
	}

	private apply(record: Record): void {
		switch (record.t) {
			case 'machine': {
				this.machines.set(record.machine.arn, record.machine);
				break;
			}

			case 'machine-delete': {
				this.machines.delete(record.arn);
				break;
			}

			case 'execution': {
				const existing = this.executions.get(record.execution.arn);
				this.executions.set(record.execution.arn, {...record.execution, events: existing?.events ?? []});
				break;
			}

			case 'event': {
				this.executions.get(record.arn)?.events.push(record.event);
				break;
			}

			case 'log-group': {
				this.ensureGroup(record.name, record.creationTime, false);
				break;
			}

			case 'log': {
				this.streamOf(record.group, record.stream, record.event.timestamp, false).events.push(record.event);
				this.logEventCounter = Math.max(this.logEventCounter, Number(record.event.eventId.split('-', 1)[0]) || 0);
				break;
			}
		}
	}

	putMachine(machine: StoredMachine): void {
		this.machines.set(machine.arn, machine);
		this.append({t: 'machine', machine}, true);
	}

	deleteMachine(arn: string): void {
		this.machines.delete(arn);
		this.append({t: 'machine-delete', arn}, true);
	}

	/** Saves an execution's summary fields (not its events). */
	putExecution(execution: StoredExecution, durable = false): void {
		this.executions.set(execution.arn, execution);
		const {events: _events, ...summary} = execution;
		this.append({t: 'execution', execution: summary}, durable);
	}

	addEvent(execution: StoredExecution, event: WireEvent): void {
		execution.events.push(event);
		this.append({t: 'event', arn: execution.arn, event});
	}

	ensureGroup(name: string, creationTime = Date.now(), journal = true): StoredGroup {
		let group = this.logGroups.get(name);
		if (!group) {
			group = {name, creationTime, streams: new Map()};
			this.logGroups.set(name, group);
			if (journal) {
				this.append({t: 'log-group', name, creationTime});
			}
		}

		return group;
	}

	private streamOf(groupName: string, streamName: string, time: number, journal: boolean): StoredStream {
		const group = this.ensureGroup(groupName, time, journal);
		let stream = group.streams.get(streamName);
		if (!stream) {
			stream = {name: streamName, creationTime: time, events: []};
			group.streams.set(streamName, stream);
		}

		return stream;
	}

	createStream(groupName: string, streamName: string): void {
		this.streamOf(groupName, streamName, Date.now(), true);
	}

	/** Keeps only the newest `max` events of each stream and the newest `max / 10` streams of each group (in memory; the demo's bound on growth). */
	trimLogs(max: number): void {
		for (const group of this.logGroups.values()) {
			const maxStreams = Math.max(1, Math.floor(max / 10));
			if (group.streams.size > maxStreams) {
				const oldest = [...group.streams.values()].toSorted((a, b) => a.creationTime - b.creationTime).slice(0, group.streams.size - maxStreams);
				for (const stream of oldest) {
					group.streams.delete(stream.name);
				}
			}

			for (const stream of group.streams.values()) {
				if (stream.events.length > max) {
					stream.events.splice(0, stream.events.length - max);
				}
			}
		}
	}

	addLog(groupName: string, streamName: string, timestamp: number, message: string): StoredLogEvent {
		this.logEventCounter++;
		const event: StoredLogEvent = {timestamp, message, ingestionTime: Date.now(), eventId: `${this.logEventCounter}`.padStart(12, '0')};
		this.streamOf(groupName, streamName, timestamp, true).events.push(event);
		this.append({t: 'log', group: groupName, stream: streamName, event});
		return event;
	}
}
