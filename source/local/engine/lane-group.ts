import {ExecutionEnded, HistoryLimitReached} from './history-writer.js';
import {type Lane, LaneAborted} from './lane.js';

/** Errors that are not a lane's failure: the execution or the container is ending anyway. */
const isUnwinding = (error: unknown) => error instanceof LaneAborted || error instanceof ExecutionEnded || error instanceof HistoryLimitReached;

export type LaneGroupOptions = {
	/** How many indexes there are, and at most how many run at once. */
	count: number;
	concurrency: number;
	/** Runs index i in its lane (created when it starts, chained to `startFrom()`). */
	run(index: number, lane: Lane): Promise<void>;
	/** Where a lane starting now chains to (a Map's frontier, a Parallel's started event). */
	startFrom(): number;
	/**
	 * The first failure: `failed` is the failing lane, `others` the lanes still
	 * running (in index order), already aborted — write the failure and abort
	 * events here.
	 */
	onFailure(failed: {index: number; lane: Lane}, others: Array<{index: number; lane: Lane}>): void;
};

/**
 * Runs Parallel branches or Map iterations as concurrent lanes under
 * `parent`: at most `concurrency` at a time, in index order. The first lane
 * to fail aborts the others (they write nothing more) and its error is
 * rethrown once every lane has settled.
 */
export async function runLaneGroup(parent: Lane, options: LaneGroupOptions): Promise<void> {
	const active = new Map<number, Lane>();
	let next = 0;
	let failure: {error: unknown} | undefined;
	await new Promise<void>(resolve => {
		const canStart = () => failure === undefined && !parent.aborted && active.size < options.concurrency && next < options.count;
		const launch = () => {
			while (canStart()) {
				start(next++);
			}

			if (active.size === 0) {
				resolve();
			}
		};

		const start = (index: number) => {
			const lane = parent.child(options.startFrom());
			active.set(index, lane);
			options.run(index, lane).then(() => {
				settle(index, lane);
			}, (error: unknown) => {
				settle(index, lane);
				if (failure || lane.aborted || parent.aborted) {
					return;
				}

				failure = {error};
				if (isUnwinding(error)) {
					return;
				}

				const others = [...active].toSorted(([a], [b]) => a - b).map(([otherIndex, otherLane]) => ({index: otherIndex, lane: otherLane}));
				for (const other of others) {
					other.lane.abort();
				}

				options.onFailure({index, lane}, others);
			}).finally(launch);
		};

		const settle = (index: number, lane: Lane) => {
			active.delete(index);
			lane.close();
		};

		launch();
	});
	if (failure) {
		throw failure.error;
	}

	parent.assertOpen();
}
