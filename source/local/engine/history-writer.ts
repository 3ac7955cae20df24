import {detailsKeyOf, type WireEvent} from './wire-event.js';

/**
 * AWS keeps at most 25,000 events in one execution's history (redrives
 * included); the execution fails when it would need more. The last id is
 * kept for the event that ends the execution.
 */
export const maxHistoryEvents = 25_000;

/** Thrown by a write that would pass the history limit: the execution fails with States.Runtime. */
export class HistoryLimitReached extends Error {
	constructor() {
		super(`The execution reached the maximum number of events in its history (${maxHistoryEvents}).`);
		this.name = 'HistoryLimitReached';
	}
}

/** Thrown by any write after the execution ended (stopped, timed out, failed): the work that tried it just stops. */
export class ExecutionEnded extends Error {
	constructor() {
		super('the execution has ended');
		this.name = 'ExecutionEnded';
	}
}

const endTypes = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut']);

/**
 * Numbers an execution's events and hands them to the store: ids 1..n (after
 * the earlier events on a redrive), each with the previousEventId its caller
 * chose. Who points where is the callers' business (see lane.ts).
 */
export class HistoryWriter {
	private ended = false;

	constructor(private lastId: number, private readonly sink: (event: WireEvent) => void, private readonly limit = maxHistoryEvents) {}

	get lastEventId(): number {
		return this.lastId;
	}

	get isEnded(): boolean {
		return this.ended;
	}

	write(type: string, previousEventId: number, details?: Record<string, unknown>, timestamp = Date.now()): number {
		if (this.ended) {
			throw new ExecutionEnded();
		}

		const ending = endTypes.has(type);
		if (!ending && this.lastId + 1 >= this.limit) {
			throw new HistoryLimitReached();
		}

		this.lastId++;
		const event: WireEvent = {id: this.lastId, previousEventId, timestamp, type};
		if (details) {
			event[detailsKeyOf(type)] = details;
		}

		if (ending) {
			this.ended = true;
		}

		this.sink(event);
		return this.lastId;
	}
}
