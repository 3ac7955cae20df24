export type ServedRequest = {service: 'sfn' | 'logs' | 'unknown'; operation: string; status: number; /** Response body bytes. */ bytes: number};

/**
 * The API requests a server answered, for tests and benchmarks that count
 * calls: `length` counts every request ever served, while only the newest
 * `capacity` are kept (a serve left running for days must not grow without
 * bound). `slice(mark)` returns the kept requests from the mark `length`
 * had earlier — what "the calls made since" means.
 */
export class RequestLog {
	private kept: ServedRequest[] = [];
	/** How many requests were dropped from the front. */
	private dropped = 0;

	constructor(private readonly capacity = 10_000) {}

	get length(): number {
		return this.dropped + this.kept.length;
	}

	add(request: ServedRequest): void {
		this.kept.push(request);
		// Dropped in chunks, so adding stays O(1) on average.
		if (this.kept.length >= this.capacity * 2) {
			const excess = this.kept.length - this.capacity;
			this.kept = this.kept.slice(excess);
			this.dropped += excess;
		}
	}

	/** Requests served since `length` was `start` (those still kept), up to `end`. */
	slice(start = 0, end = this.length): ServedRequest[] {
		return this.kept.slice(Math.max(0, start - this.dropped), Math.max(0, end - this.dropped));
	}

	filter(predicate: (request: ServedRequest) => boolean): ServedRequest[] {
		return this.slice().filter(request => predicate(request));
	}

	[Symbol.iterator](): Iterator<ServedRequest> {
		return this.slice()[Symbol.iterator]();
	}
}
