import {type HistoryWriter} from './history-writer.js';

/** Thrown when work continues in a lane that was aborted (a sibling failed, or the execution ended). */
export class LaneAborted extends Error {
	constructor() {
		super('aborted');
		this.name = 'LaneAborted';
	}
}

/**
 * One thread of an execution's history: the top level, a Parallel branch or a
 * Map iteration. AWS chains each event to the previous event of its own
 * thread, so concurrent branches interleave in the history but each reads as
 * a chain. `write` advances the chain; `note` writes a leaf that the next
 * event does not point to (AWS's `*StateSucceeded`, `MapIterationSucceeded`:
 * the event after them points where they point — recorded in LocalStack
 * v2/scenarios/test_base_scenarios.snapshot.json test_map_state, test_map_state_nested).
 *
 * A lane knows the state it is in (so a container can write `TaskStateAborted`
 * for it) and can be aborted with everything nested in it.
 */
export class Lane {
	/** The state this lane is in, for the `*StateAborted` event a failing sibling writes. */
	current: {name: string; type: string} | undefined;
	private abortedFlag = false;
	private readonly children = new Set<Lane>();
	private readonly listeners = new Set<() => void>();

	constructor(private readonly writer: HistoryWriter, public last: number, private readonly parent?: Lane) {
		parent?.children.add(this);
	}

	get aborted(): boolean {
		return this.abortedFlag;
	}

	write(type: string, details?: Record<string, unknown>): number {
		this.assertOpen();
		this.last = this.writer.write(type, this.last, details);
		return this.last;
	}

	/** A leaf: written after the lane's last event, but the lane's chain does not move. */
	note(type: string, details?: Record<string, unknown>, previousEventId = this.last): number {
		this.assertOpen();
		return this.writer.write(type, previousEventId, details);
	}

	child(start = this.last): Lane {
		return new Lane(this.writer, start, this);
	}

	/** The lane is done: it no longer follows its parent's abort. */
	close(): void {
		this.parent?.children.delete(this);
	}

	abort(): void {
		if (this.abortedFlag) {
			return;
		}

		this.abortedFlag = true;
		for (const child of this.children) {
			child.abort();
		}

		for (const listener of this.listeners) {
			listener();
		}

		this.listeners.clear();
	}

	/** Calls `listener` once when the lane is aborted (at once if it already is); returns the way to cancel that. */
	onAbort(listener: () => void): () => void {
		if (this.abortedFlag) {
			listener();
			return () => undefined;
		}

		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	assertOpen(): void {
		if (this.abortedFlag) {
			throw new LaneAborted();
		}
	}
}
