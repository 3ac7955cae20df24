import type {ExecutionStatus} from '../model/types.js';
import type {SinceOpened} from '../model/wall/wall-types.js';
import type {ListedExecution} from './execution-pages.js';

const endField = {SUCCEEDED: 'succeeded', FAILED: 'failed', TIMED_OUT: 'timedOut', ABORTED: 'aborted'} as const;
const isEnd = (status: ExecutionStatus): status is keyof typeof endField => Object.hasOwn(endField, status);

/**
 * What the running wall's summary counts since the view opened: executions
 * started (by start time, against this machine's clock) and how they ended,
 * each counted once however many lists show it.
 */
export class SinceOpenedCounts {
	private readonly counts: SinceOpened;
	/** ARNs counted as started, with their start (for forgetting old ones), and as ended. */
	private readonly started = new Map<string, number>();
	private readonly ended = new Set<string>();

	constructor(openedAt: number) {
		this.counts = {openedAt, started: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0};
	}

	get openedAt(): number {
		return this.counts.openedAt;
	}

	snapshot(): SinceOpened {
		return {...this.counts};
	}

	hasEnded(arn: string): boolean {
		return this.ended.has(arn);
	}

	/** Resolves to whether the count changed. */
	start(execution: ListedExecution): boolean {
		if (execution.startDate === undefined || execution.startDate < this.counts.openedAt || this.started.has(execution.arn)) {
			return false;
		}

		this.started.set(execution.arn, execution.startDate);
		this.counts.started++;
		return true;
	}

	end(arn: string, status: ExecutionStatus): void {
		if (this.ended.has(arn)) {
			return;
		}

		this.ended.add(arn);
		if (isEnd(status)) {
			this.counts[endField[status]]++;
		}
	}

	/** Bounded memory on a wall left open for days: forget executions that started before `cutoff` and are not `kept`. */
	forget(cutoff: number, kept: (arn: string) => boolean): void {
		for (const [arn, startDate] of this.started) {
			if (startDate < cutoff && !kept(arn)) {
				this.started.delete(arn);
				this.ended.delete(arn);
			}
		}
	}
}
