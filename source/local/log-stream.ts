import {recordProblem} from './journal/records.js';
import type {StoredLogEvent, StoredStream} from './store-types.js';

/**
 * A log stream whose events from a compacted journal stay as their record
 * text until something reads them: a restart with hundreds of thousands of
 * Lambda log lines parses none of them until a Logs call (or a new line in
 * the stream) needs them.
 */
export class LogStream implements StoredStream {
	/** `log-events` records (JSON text) not parsed yet, in order, all before `parsed`. */
	private chunks: string[] = [];
	private parsed: StoredLogEvent[] = [];

	constructor(readonly name: string, readonly creationTime: number) {}

	get events(): StoredLogEvent[] {
		if (this.chunks.length > 0) {
			const earlier = this.chunks.flatMap(chunk => eventsOfChunk(chunk));
			this.chunks = [];
			this.parsed = [...earlier, ...this.parsed];
		}

		return this.parsed;
	}

	/** A new event (after every kept one): the kept records stay unparsed. */
	append(event: StoredLogEvent): void {
		this.parsed.push(event);
	}

	/** Keeps a `log-events` record for later; returns its last event id (the store's counter goes on from there). */
	addChunk(json: string): number {
		this.chunks.push(json);
		return Number(/"eventId":"(\d+)"\}\]\}$/.exec(json)?.[1] ?? 0);
	}

	/** For compaction: the unparsed records as they are, and the parsed events. */
	snapshotParts(): {chunks: string[]; events: StoredLogEvent[]} {
		return {chunks: [...this.chunks], events: [...this.parsed]};
	}
}

function eventsOfChunk(json: string): StoredLogEvent[] {
	const record: unknown = JSON.parse(json);
	const problem = recordProblem(record);
	if (problem) {
		throw new Error(`log events in the journal are damaged: ${problem}`);
	}

	return (record as {events: StoredLogEvent[]}).events;
}
