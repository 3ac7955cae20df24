import type {WireEvent} from './engine/wire-event.js';
import {useTokenKey} from './api/cursor.js';
import {tokenKeyOf} from './journal/data-dir.js';
import {JournalFile, type JournalOptions} from './journal/journal-file.js';
import type {JournalRecord} from './journal/records.js';
import type {Place} from './journal/scan.js';
import type {MapRunRecord} from './engine/map-run.js';
import {captureSnapshot, type Snapshot} from './store-snapshot.js';
import {isRunning, StoreState} from './store-state.js';
import type {StoredAlias, StoredExecution, StoredGroup, StoredLogEvent, StoredMachine, StoredVersion} from './store-types.js';

/*
 * Everything the endpoint knows, in memory, mirrored to a checksummed
 * append-only journal (`DIR/journal.jsonl`, see journal/) when --data-dir is
 * given. Each record is one write(2) of one line, so a `kill -9` loses
 * nothing already written; mutations the API acknowledges (create, start,
 * stop, redrive, delete) are also fsync'd before the response. A finished
 * execution's history leaves the live heap (history-archive.ts); compaction
 * rewrites the journal as a snapshot of the state, so it stays bounded and a
 * restart reads little.
 */

export type StoreOptions = JournalOptions & {
	dataDir?: string;
	/** Journal records beyond which a compaction starts (at least twice what the last one wrote). */
	compactAfter?: number;
};

const defaultCompactAfter = 20_000;

export class Store extends StoreState {
	private readonly journal: JournalFile | undefined;
	private readonly compactAfter: number;
	private compactAt: number;
	private compacting: Promise<void> | undefined;
	private readonly startupCompaction: NodeJS.Timeout | undefined;
	private readonly notice: ((line: string) => void) | undefined;

	constructor(options: StoreOptions = {}) {
		super(place => this.journal!.read(place));
		this.compactAfter = options.compactAfter ?? defaultCompactAfter;
		this.compactAt = this.compactAfter;
		this.notice = options.notice;
		if (!options.dataDir) {
			return;
		}

		this.journal = new JournalFile(options.dataDir, options, (entry, readBack) => {
			this.replay(entry, readBack);
		});
		useTokenKey(tokenKeyOf(options.dataDir));
		for (const execution of this.executions.values()) {
			this.archiveIfEnded(execution);
		}

		if (this.journal.needsRewrite) {
			this.compact();
		} else {
			// A journal left long by a crash is compacted soon, not while serve is still starting.
			this.startupCompaction = setTimeout(() => {
				this.maybeCompact();
			}, 2000);
			this.startupCompaction.unref();
		}
	}

	close(): void {
		clearTimeout(this.startupCompaction);
		this.journal?.close();
	}

	putMachine(machine: StoredMachine): void {
		this.machines.set(machine.arn, machine);
		this.append({t: 'machine', machine}, true);
	}

	deleteMachine(arn: string): void {
		this.forgetMachine(arn);
		this.append({t: 'machine-delete', arn}, true);
	}

	putVersion(version: StoredVersion): void {
		this.versions.set(version.arn, version);
		this.append({t: 'version', version}, true);
	}

	deleteVersion(arn: string): void {
		this.versions.delete(arn);
		this.append({t: 'version-delete', arn}, true);
	}

	putAlias(alias: StoredAlias): void {
		this.aliases.set(alias.arn, alias);
		this.append({t: 'alias', alias}, true);
	}

	/** Saves a map run whole: at its start, when its status or settings change. */
	putMapRun(run: MapRunRecord, durable = false): void {
		this.mapRuns.set(run.mapRunArn, run);
		this.append({t: 'map-run', run}, durable);
	}

	/** Saves one child of a map run (its record's `children[index]`, already changed in memory). */
	putMapRunChild(run: MapRunRecord, index: number): void {
		this.append({t: 'map-run-child', arn: run.mapRunArn, index, child: run.children[index]});
	}

	deleteAlias(arn: string): void {
		this.aliases.delete(arn);
		this.append({t: 'alias-delete', arn}, true);
	}

	/** Saves an execution's summary fields (not its events); an ended execution's history moves out of the live heap. */
	putExecution(execution: StoredExecution, durable = false): void {
		this.executions.set(execution.arn, execution);
		if (isRunning(execution.status)) {
			this.reopen(execution);
		}

		const {events: _events, ...summary} = execution;
		this.append({t: 'execution', execution: summary}, durable);
		this.archiveIfEnded(execution);
	}

	deleteExecution(arn: string): void {
		this.executions.delete(arn);
		this.archive.delete(arn);
		this.append({t: 'execution-delete', arn});
	}

	addEvent(execution: StoredExecution, event: WireEvent): void {
		this.reopen(execution);
		execution.events.push(event);
		this.append({t: 'event', arn: execution.arn, event});
	}

	ensureGroup(name: string, creationTime = Date.now()): StoredGroup {
		let group = this.logGroups.get(name);
		if (!group) {
			group = {name, creationTime, streams: new Map()};
			this.logGroups.set(name, group);
			this.append({t: 'log-group', name, creationTime});
		}

		return group;
	}

	createStream(groupName: string, streamName: string): void {
		const creationTime = Date.now();
		this.ensureGroup(groupName, creationTime);
		this.streamOf(groupName, streamName, creationTime);
		this.append({t: 'log-stream', group: groupName, stream: streamName, creationTime});
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
		this.ensureGroup(groupName, timestamp);
		this.streamOf(groupName, streamName, timestamp).stream.append(event);
		this.append({t: 'log', group: groupName, stream: streamName, event});
		return event;
	}

	/** Rewrites the journal as a snapshot of the state, now (startup, --repair). */
	compact(): void {
		if (!this.journal || this.compacting) {
			return;
		}

		const snapshot = captureSnapshot(this);
		this.moveArchived(snapshot, this.journal.rewrite(snapshot.lines));
	}

	/** Rewrites the journal in the background once it holds far more records than the state needs. */
	private maybeCompact(): void {
		if (!this.journal || this.compacting || this.journal.recordCount < this.compactAt) {
			return;
		}

		const snapshot = captureSnapshot(this);
		this.compacting = this.journal.rewriteInBackground(snapshot.lines).then(places => {
			if (places) {
				this.moveArchived(snapshot, places);
			}
		}, (error: unknown) => {
			this.notice?.(`sfntop serve: could not compact ${this.journal?.file ?? 'the journal'}: ${(error as Error).message}; it keeps growing until the next start`);
			this.compactAt = Infinity;
		}).finally(() => {
			this.compacting = undefined;
		});
	}

	/** Histories still archived as they were captured now live at their place in the new file. */
	private moveArchived(snapshot: Snapshot, places: Map<string, Place>): void {
		for (const [arn, place] of places) {
			if (this.archive.get(arn) === snapshot.archived.get(arn)) {
				this.archive.set(arn, {place});
			}
		}

		this.compactAt = Math.max(this.compactAfter, 2 * (this.journal?.recordCount ?? 0));
	}

	/** Resolves when a background compaction in progress has finished (tests, shutdown). */
	async settled(): Promise<void> {
		await this.compacting;
	}

	private append(record: JournalRecord, durable = false): void {
		if (this.journal) {
			this.journal.append(JSON.stringify(record), durable);
			this.maybeCompact();
		}
	}
}
