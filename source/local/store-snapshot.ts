import type {WireEvent} from './engine/wire-event.js';
import type {MapRunRecord} from './engine/map-run.js';
import type {ArchivedHistory, HistoryArchive} from './history-archive.js';
import type {JournalLine} from './journal/journal-file.js';
import type {ExecutionSummary, StoredAlias, StoredExecution, StoredGroup, StoredMachine, StoredVersion} from './store-types.js';

/** Log events per compacted record. */
const logChunk = 1000;

export type StoreState = {
	machines: ReadonlyMap<string, StoredMachine>;
	versions: ReadonlyMap<string, StoredVersion>;
	aliases: ReadonlyMap<string, StoredAlias>;
	mapRuns: ReadonlyMap<string, MapRunRecord>;
	executions: ReadonlyMap<string, StoredExecution>;
	logGroups: ReadonlyMap<string, StoredGroup>;
	archive: HistoryArchive;
};

export type Snapshot = {
	/** The journal lines that rebuild the state as it was when captured. */
	lines: Iterable<JournalLine>;
	/** Each archived history as it was when captured: compaction moves only those still the same afterwards. */
	archived: ReadonlyMap<string, ArchivedHistory>;
};

/**
 * The state at this moment, for compaction: copied now (shallowly, cheap),
 * serialized later while requests keep changing the live state.
 */
export function captureSnapshot({machines, versions, aliases, mapRuns, executions, logGroups, archive}: StoreState): Snapshot {
	const machineList = [...machines.values()];
	const versionList = [...versions.values()];
	const aliasList = [...aliases.values()];
	// Copied now: the engine changes its map runs in place while the snapshot is written.
	const mapRunList = [...mapRuns.values()].map(run => ({...run, children: run.children.map(child => ({...child}))}));
	const archived = new Map<string, ArchivedHistory>();
	const executionList: Array<{summary: ExecutionSummary; events?: WireEvent[]}> = [];
	for (const execution of executions.values()) {
		const {events, ...summary} = execution;
		const entry = archive.get(execution.arn);
		if (entry) {
			archived.set(execution.arn, entry);
		}

		executionList.push({summary, ...(!entry && {events: [...events]})});
	}

	const groups = [...logGroups.values()].map(group => ({
		name: group.name,
		creationTime: group.creationTime,
		streams: [...group.streams.values()].map(stream => ({name: stream.name, creationTime: stream.creationTime, ...stream.snapshotParts()})),
	}));

	function * lines(): Generator<JournalLine> {
		for (const machine of machineList) {
			yield {json: JSON.stringify({t: 'machine', machine})};
		}

		for (const version of versionList) {
			yield {json: JSON.stringify({t: 'version', version})};
		}

		for (const alias of aliasList) {
			yield {json: JSON.stringify({t: 'alias', alias})};
		}

		// After the executions: a map run's record names its parent execution.
		for (const {summary, events} of executionList) {
			yield {json: JSON.stringify({t: 'execution', execution: summary})};
			const entry = archived.get(summary.arn);
			if (entry) {
				yield {json: archive.recordJson(summary.arn, entry)!, history: summary.arn};
			}

			for (const event of events ?? []) {
				yield {json: JSON.stringify({t: 'event', arn: summary.arn, event})};
			}
		}

		for (const run of mapRunList) {
			yield {json: JSON.stringify({t: 'map-run', run})};
		}

		for (const group of groups) {
			yield {json: JSON.stringify({t: 'log-group', name: group.name, creationTime: group.creationTime})};
			for (const stream of group.streams) {
				yield {json: JSON.stringify({t: 'log-stream', group: group.name, stream: stream.name, creationTime: stream.creationTime})};
				for (const chunk of stream.chunks) {
					yield {json: chunk};
				}

				for (let start = 0; start < stream.events.length; start += logChunk) {
					yield {json: JSON.stringify({t: 'log-events', group: group.name, stream: stream.name, events: stream.events.slice(start, start + logChunk)})};
				}
			}
		}
	}

	return {lines: lines(), archived};
}
