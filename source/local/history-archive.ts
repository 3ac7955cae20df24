import type {WireEvent} from './engine/wire-event.js';
import {recordProblem} from './journal/records.js';
import type {Place} from './journal/scan.js';

/** A finished execution's history out of the live heap: its JSON text, or where its record sits in the journal. */
export type ArchivedHistory = {text: string} | {place: Place};

const cacheSize = 32;

/** Written by hand so the journal's loader can find the ARN without parsing the events (journal/scan.ts). */
export const historyRecordJson = (arn: string, eventsJson: string) => `{"t":"history","arn":${JSON.stringify(arn)},"events":${eventsJson}}`;

function eventsOfRecord(json: string): WireEvent[] {
	const record: unknown = JSON.parse(json);
	const problem = recordProblem(record);
	if (problem) {
		throw new Error(`a history in the journal is damaged: ${problem}`);
	}

	return (record as {events: WireEvent[]}).events;
}

/**
 * Finished executions' histories, kept compact (a 20-event history is one
 * string, or nothing at all once compaction put it in the journal) and
 * parsed back on demand, with the most recently read ones cached for
 * followers that page through them.
 */
export class HistoryArchive {
	private readonly entries = new Map<string, ArchivedHistory>();
	private readonly cache = new Map<string, WireEvent[]>();

	constructor(private readonly readPlace: (place: Place) => string) {}

	has(arn: string): boolean {
		return this.entries.has(arn);
	}

	get(arn: string): ArchivedHistory | undefined {
		return this.entries.get(arn);
	}

	set(arn: string, entry: ArchivedHistory): void {
		this.entries.set(arn, entry);
		this.cache.delete(arn);
	}

	delete(arn: string): void {
		this.entries.delete(arn);
		this.cache.delete(arn);
	}

	/** The journal record of the history (`{"t":"history","arn":…,"events":[…]}`), as compaction writes it. */
	recordJson(arn: string, entry = this.entries.get(arn)): string | undefined {
		if (!entry) {
			return undefined;
		}

		return 'text' in entry ? historyRecordJson(arn, entry.text) : this.readPlace(entry.place);
	}

	events(arn: string): WireEvent[] | undefined {
		const cached = this.cache.get(arn);
		if (cached) {
			this.cache.delete(arn);
			this.cache.set(arn, cached);
			return cached;
		}

		const entry = this.entries.get(arn);
		if (!entry) {
			return undefined;
		}

		const events = 'text' in entry ? JSON.parse(entry.text) as WireEvent[] : eventsOfRecord(this.readPlace(entry.place));
		this.cache.set(arn, events);
		if (this.cache.size > cacheSize) {
			this.cache.delete(this.cache.keys().next().value!);
		}

		return events;
	}

	/** Where each journal-held history is, to be moved after a rewrite. */
	placed(): Array<[string, Place]> {
		return [...this.entries].flatMap(([arn, entry]) => ('place' in entry ? [[arn, entry.place] as [string, Place]] : []));
	}
}
