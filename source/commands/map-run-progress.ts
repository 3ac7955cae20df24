import {mapRunProgressText} from '../model/history/map-run-text.js';
import type {ExecutionSnapshot, MapRunDescription} from '../model/types.js';
import type {Follower, SfnSession} from '../sync/types.js';

type Entry = {follower: Follower<MapRunDescription>; state: string; last?: string; unsubscribe: () => void};

/**
 * `sfntop tail` of a parent with a Distributed Map: a progress line each time
 * a running map run's counts change (its children are not in the parent's
 * history). One DescribeMapRun per tick per running run, stopped after the
 * run's last read.
 */
export class MapRunProgress {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly session: SfnSession, private readonly print: (state: string, run: MapRunDescription, at: number) => void) {}

	/** Starts following each map run the snapshot shows running that is not followed yet. */
	see(snapshot: ExecutionSnapshot): void {
		for (const state of snapshot.states.values()) {
			const run = state.mapRun;
			if (run?.status !== 'RUNNING' || this.entries.has(run.arn)) {
				continue;
			}

			const follower = this.session.mapRun(run.arn);
			const entry: Entry = {follower, state: state.name, unsubscribe: () => undefined};
			entry.unsubscribe = follower.subscribe(() => {
				this.changed(entry);
			});
			this.entries.set(run.arn, entry);
			this.changed(entry);
		}
	}

	stop(): void {
		for (const entry of this.entries.values()) {
			entry.unsubscribe();
			entry.follower.stop();
		}
	}

	private changed(entry: Entry): void {
		const {data, done, updatedAt} = entry.follower.getState();
		if (!data) {
			return;
		}

		const text = `${data.status} ${mapRunProgressText(data)}`;
		if (text !== entry.last) {
			entry.last = text;
			this.print(entry.state, data, updatedAt ?? Date.now());
		}

		if (done) {
			entry.unsubscribe();
			entry.follower.stop();
		}
	}
}
