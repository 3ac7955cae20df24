import type {AslDefinition} from './asl/index.js';
import type {MapRunRecord} from './engine/map-run.js';
import type {WireEvent} from './engine/wire-event.js';
import {HistoryArchive} from './history-archive.js';
import type {JournalRecord} from './journal/records.js';
import type {Place, ReadBack, ScannedEntry} from './journal/scan.js';
import {LogStream} from './log-stream.js';
import type {ExecutionSummary, StoredAlias, StoredExecution, StoredGroup, StoredLogEvent, StoredMachine, StoredVersion} from './store-types.js';

export const isRunning = (status: string) => status === 'RUNNING' || status === 'PENDING_REDRIVE';

/**
 * The endpoint's state in memory, and how a journal record changes it
 * (replay at start). `Store` adds the journal writes on top.
 */
export class StoreState {
	readonly machines = new Map<string, StoredMachine>();
	readonly versions = new Map<string, StoredVersion>();
	readonly aliases = new Map<string, StoredAlias>();
	/** Distributed Map runs by ARN (the engine's records; it mutates them and tells the store). */
	readonly mapRuns = new Map<string, MapRunRecord>();
	readonly executions = new Map<string, StoredExecution>();
	readonly logGroups = new Map<string, StoredGroup>();
	readonly archive: HistoryArchive;
	protected logEventCounter = 0;
	/** Definitions repeat in every execution record; one string each in memory. */
	private readonly definitions = new Map<string, string>();
	/** Each definition parsed, as validation left it (or parsed from the journal, where only validated definitions go). */
	private readonly parsedDefinitions = new Map<string, AslDefinition>();

	constructor(readPlace: (place: Place) => string) {
		this.archive = new HistoryArchive(readPlace);
	}

	/** Keeps what validation parsed, so nothing parses or validates it again (StartExecution never validates). */
	rememberDefinition(text: string, definition: AslDefinition): string {
		const interned = this.intern(text);
		this.parsedDefinitions.set(interned, definition);
		return interned;
	}

	/** A stored definition, parsed (validated when its machine was created or updated). */
	definitionOf(text: string): AslDefinition {
		let parsed = this.parsedDefinitions.get(text);
		if (!parsed) {
			parsed = JSON.parse(text) as AslDefinition;
			this.parsedDefinitions.set(this.intern(text), parsed);
		}

		return parsed;
	}

	/** A machine goes with its versions and aliases (AWS deletes them with it). */
	protected forgetMachine(arn: string): void {
		this.machines.delete(arn);
		for (const [versionArn, version] of this.versions) {
			if (version.machineArn === arn) {
				this.versions.delete(versionArn);
			}
		}

		for (const [aliasArn, alias] of this.aliases) {
			if (alias.machineArn === arn) {
				this.aliases.delete(aliasArn);
			}
		}
	}

	/** A finished or running execution's history. */
	eventsOf(execution: StoredExecution): WireEvent[] {
		return this.archive.events(execution.arn) ?? execution.events;
	}

	/** An ended execution's history leaves the live heap (read back by eventsOf). */
	protected archiveIfEnded(execution: StoredExecution): void {
		if (isRunning(execution.status) || execution.events.length === 0) {
			return;
		}

		this.archive.set(execution.arn, {text: JSON.stringify(execution.events)});
		execution.events = [];
	}

	/** Brings an archived history back into the live heap (a redrive, or a late event). */
	protected reopen(execution: StoredExecution, readBack?: ReadBack): void {
		const entry = this.archive.get(execution.arn);
		if (!entry) {
			return;
		}

		// While loading, the journal is not open yet: a history is read from the file's bytes.
		const events = readBack && 'place' in entry ? (JSON.parse(readBack(entry.place)) as {events: WireEvent[]}).events : this.archive.events(execution.arn)!;
		this.archive.delete(execution.arn);
		execution.events = [...events, ...execution.events];
	}

	protected streamOf(groupName: string, streamName: string, time: number): {stream: LogStream; newGroup?: StoredGroup} {
		let group = this.logGroups.get(groupName);
		let newGroup: StoredGroup | undefined;
		if (!group) {
			group = {name: groupName, creationTime: time, streams: new Map()};
			newGroup = group;
			this.logGroups.set(groupName, group);
		}

		let stream = group.streams.get(streamName);
		if (!stream) {
			stream = new LogStream(streamName, time);
			group.streams.set(streamName, stream);
		}

		return {stream, ...(newGroup && {newGroup})};
	}

	/** Replays one journal entry; throws when it does not fit what came before (the loader calls that a bad record). */
	protected replay(entry: ScannedEntry, readBack: ReadBack): void {
		if (entry.kind === 'history') {
			const execution = this.executions.get(entry.arn);
			if (!execution) {
				throw new Error(`the history of an execution the journal does not hold (${entry.arn})`);
			}

			execution.events = [];
			this.archive.set(entry.arn, {place: entry.place});
			return;
		}

		if (entry.kind === 'log-chunk') {
			const lastId = this.streamOf(entry.group, entry.stream, Date.now()).stream.addChunk(entry.json);
			this.logEventCounter = Math.max(this.logEventCounter, lastId);
			return;
		}

		this.apply(entry.record, readBack);
	}

	private apply(record: JournalRecord, readBack: ReadBack): void {
		switch (record.t) {
			case 'machine': {
				this.machines.set(record.machine.arn, {...record.machine, definition: this.intern(record.machine.definition)});
				break;
			}

			case 'machine-delete': {
				this.forgetMachine(record.arn);
				break;
			}

			case 'version': {
				this.versions.set(record.version.arn, {...record.version, definition: this.intern(record.version.definition)});
				break;
			}

			case 'version-delete': {
				this.versions.delete(record.arn);
				break;
			}

			case 'alias': {
				this.aliases.set(record.alias.arn, record.alias);
				break;
			}

			case 'alias-delete': {
				this.aliases.delete(record.arn);
				break;
			}

			case 'map-run': {
				this.mapRuns.set(record.run.mapRunArn, record.run);
				break;
			}

			case 'map-run-child': {
				const run = this.mapRuns.get(record.arn);
				if (!run) {
					throw new Error(`a child of a map run the journal does not hold (${record.arn})`);
				}

				run.children[record.index] = record.child;
				break;
			}

			case 'execution': {
				this.replayExecution(record.execution, readBack);
				break;
			}

			case 'execution-delete': {
				this.executions.delete(record.arn);
				this.archive.delete(record.arn);
				break;
			}

			case 'event': {
				const execution = this.executions.get(record.arn);
				if (!execution) {
					throw new Error(`an event of an execution the journal does not hold (${record.arn})`);
				}

				this.reopen(execution, readBack);
				execution.events.push(record.event);
				break;
			}

			case 'log-group': {
				if (!this.logGroups.has(record.name)) {
					this.logGroups.set(record.name, {name: record.name, creationTime: record.creationTime, streams: new Map()});
				}

				break;
			}

			case 'log-stream': {
				this.streamOf(record.group, record.stream, record.creationTime);
				break;
			}

			case 'log': {
				this.replayLogs(record.group, record.stream, [record.event]);
				break;
			}

			case 'log-events': {
				this.replayLogs(record.group, record.stream, record.events);
				break;
			}

			default: {
				break;
			}
		}
	}

	private replayExecution(summary: ExecutionSummary, readBack: ReadBack): void {
		const existing = this.executions.get(summary.arn);
		const execution: StoredExecution = {...summary, definition: this.intern(summary.definition), events: existing?.events ?? []};
		this.executions.set(summary.arn, execution);
		if (isRunning(execution.status)) {
			this.reopen(execution, readBack);
		}
	}

	private replayLogs(group: string, stream: string, events: StoredLogEvent[]): void {
		const target = this.streamOf(group, stream, events[0]?.timestamp ?? Date.now()).stream;
		for (const event of events) {
			target.append(event);
			this.logEventCounter = Math.max(this.logEventCounter, Number(event.eventId.split('-', 1)[0]) || 0);
		}
	}

	protected intern(definition: string): string {
		const known = this.definitions.get(definition);
		if (known !== undefined) {
			return known;
		}

		this.definitions.set(definition, definition);
		return definition;
	}
}
