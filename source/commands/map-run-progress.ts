import {mapRunProgressText} from '../model/history/map-run-text.js';
import type {ExecutionSnapshot, MapRunDescription} from '../model/types.js';
import type {Follower, SfnSession} from '../sync/types.js';

/** The event that ended a run: its time and the output line it was printed as. */
type EndEvent = {at: number | undefined; after: number};

type Entry = {
	follower: Follower<MapRunDescription>;
	state: string;
	last?: string;
	/** The parent's history ended the run (MapRunSucceeded/Failed/Aborted): the final line waits for it and goes under that event. */
	ended?: EndEvent;
	finalPrinted: boolean;
	unsubscribe: () => void;
};

/**
 * `sfntop tail` of a parent with a Distributed Map: a progress line each time
 * a running map run's counts change (its children are not in the parent's
 * history), and the run's final counts right under the event that ended it —
 * also for a run that had ended before tail started, read once. One
 * DescribeMapRun per tick per running run, stopped after the run's last read.
 */
export class MapRunProgress {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly session: SfnSession, private readonly print: (state: string, run: MapRunDescription, at: number, after?: number) => void) {}

	/** Starts following each map run the snapshot shows that is not followed yet. */
	see(snapshot: ExecutionSnapshot): void {
		for (const state of snapshot.states.values()) {
			if (state.mapRun) {
				this.entryFor(state.mapRun.arn, state.name);
			}
		}
	}

	/**
	 * The history says the run ended (at `at`): its final counts are printed now
	 * if read, else as soon as they are. DescribeMapRun often answers SUCCEEDED a
	 * poll before the history has the event, and the line belongs under it.
	 */
	ended(arn: string, state: string, event: EndEvent): void {
		const entry = this.entryFor(arn, state);
		entry.ended = event;
		this.changed(entry);
	}

	/** A redriven run runs again under the same ARN: follow it afresh. */
	redriven(arn: string): void {
		const entry = this.entries.get(arn);
		if (entry) {
			this.release(entry);
			this.entries.delete(arn);
		}
	}

	/** A run the history ended whose final counts are not printed yet (and can still be read): tail waits for it. */
	waiting(): boolean {
		return [...this.entries.values()].some(entry => entry.ended !== undefined && !entry.finalPrinted && !this.failed(entry));
	}

	stop(): void {
		for (const entry of this.entries.values()) {
			this.release(entry);
		}
	}

	private entryFor(arn: string, state: string): Entry {
		const existing = this.entries.get(arn);
		if (existing) {
			return existing;
		}

		const follower = this.session.mapRun(arn);
		const entry: Entry = {follower, state, finalPrinted: false, unsubscribe: () => undefined};
		this.entries.set(arn, entry);
		entry.unsubscribe = follower.subscribe(() => {
			this.changed(entry);
		});
		this.changed(entry);
		return entry;
	}

	private failed(entry: Entry): boolean {
		const {error, retrying} = entry.follower.getState();
		return error !== undefined && !retrying;
	}

	private changed(entry: Entry): void {
		const {data, done, updatedAt} = entry.follower.getState();
		if (!data || entry.finalPrinted) {
			return;
		}

		if (data.status !== 'RUNNING') {
			if (entry.ended === undefined) {
				return;
			}

			entry.finalPrinted = true;
			this.print(entry.state, data, entry.ended.at ?? data.stopDate ?? Date.now(), entry.ended.after);
			this.release(entry);
			return;
		}

		const text = mapRunProgressText(data);
		if (text !== entry.last) {
			entry.last = text;
			this.print(entry.state, data, updatedAt ?? Date.now());
		}

		if (done) {
			this.release(entry);
		}
	}

	private release(entry: Entry): void {
		entry.unsubscribe();
		entry.follower.stop();
	}
}
