import {realClock, type Clock} from './rate-limiter.js';

/** Counts calls over the last minute (the header's calls/min, the wall's calls against its budget). */
export class CallCounter {
	private readonly times: number[] = [];

	constructor(private readonly clock: Pick<Clock, 'now'> = realClock) {}

	record(): void {
		this.times.push(this.clock.now());
		this.trim();
	}

	perMinute(): number {
		this.trim();
		return this.times.length;
	}

	private trim(): void {
		// The last 60 s, half-open: a call exactly a minute old is out (so a budget of B/s shows at most 60 × B).
		const cutoff = this.clock.now() - 60_000;
		let drop = 0;
		while (drop < this.times.length && this.times[drop] <= cutoff) {
			drop++;
		}

		if (drop > 0) {
			this.times.splice(0, drop);
		}
	}
}
