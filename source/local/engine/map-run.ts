import type {MapRunCounts as ModelMapRunCounts} from '../../model/types.js';

/** A map run's status (DescribeMapRun). */
export type MapRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/** How a child execution of the map run stands; PENDING until it starts. */
export type ChildStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** DescribeMapRun's itemCounts / executionCounts: the model's counts and the redrive ones. */
export type MapRunCounts = ModelMapRunCounts & {failuresNotRedrivable: number; pendingRedrive: number};

/** One child execution: the items it carries (a batch has several) and where it stands. */
export type MapRunChild = {executionArn?: string; items: number; status: ChildStatus};

/** What is kept of a map run: DescribeMapRun's fields (times in epoch ms) and the children. */
export type MapRunRecord = {
	mapRunArn: string;
	/** The parent execution. */
	executionArn: string;
	/** The map run's own state machine: `<machine ARN>/<Label or state name>`. */
	stateMachineArn: string;
	status: MapRunStatus;
	startDate: number;
	stopDate?: number;
	maxConcurrency: number;
	toleratedFailurePercentage: number;
	toleratedFailureCount: number;
	/** Which tolerances the definition (or UpdateMapRun) gave: only those apply; none given tolerates no failure. */
	tolerancesGiven: Array<'count' | 'percentage'>;
	redriveCount: number;
	redriveDate?: number;
	children: MapRunChild[];
};

const emptyCounts = (): MapRunCounts => ({pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total: 0, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0});
const countKey: Record<ChildStatus, keyof MapRunCounts> = {PENDING: 'pending', RUNNING: 'running', SUCCEEDED: 'succeeded', FAILED: 'failed', TIMED_OUT: 'timedOut', ABORTED: 'aborted'};

/**
 * A Distributed Map's run: its settings (UpdateMapRun changes them while it
 * runs), its children, and the counts DescribeMapRun shows — computed from
 * the children, items weighted by batch size. `resultsWritten` counts the
 * children whose result went into the Map's output (AWS counts them even
 * without a ResultWriter: LocalStack v2/test_sfn_api_map_run.snapshot.json).
 */
export class MapRun {
	/** Each change, with the child it concerns (undefined: the run's own fields). */
	private readonly listeners = new Set<(child?: number) => void>();

	constructor(readonly record: MapRunRecord) {}

	get arn(): string {
		return this.record.mapRunArn;
	}

	counts(): {itemCounts: MapRunCounts; executionCounts: MapRunCounts} {
		const itemCounts = emptyCounts();
		const executionCounts = emptyCounts();
		for (const child of this.record.children) {
			const key = countKey[child.status];
			itemCounts[key] += child.items;
			executionCounts[key] += 1;
			itemCounts.total += child.items;
			executionCounts.total += 1;
		}

		itemCounts.resultsWritten = itemCounts.succeeded;
		executionCounts.resultsWritten = executionCounts.succeeded;
		return {itemCounts, executionCounts};
	}

	/** Items that failed, timed out or were aborted: what the tolerance counts. */
	failedItems(): number {
		return this.record.children.reduce((sum, child) => sum + (child.status === 'FAILED' || child.status === 'TIMED_OUT' || child.status === 'ABORTED' ? child.items : 0), 0);
	}

	/**
	 * The run fails once more items failed than ToleratedFailureCount allows, or a
	 * larger share than ToleratedFailurePercentage (each only when given; given
	 * none, the first failure fails it).
	 */
	toleranceExceeded(): boolean {
		const failed = this.failedItems();
		const total = this.record.children.reduce((sum, child) => sum + child.items, 0);
		const {toleratedFailureCount, toleratedFailurePercentage, tolerancesGiven} = this.record;
		return tolerancesGiven.length === 0 ? failed > 0 : (tolerancesGiven.includes('count') && failed > toleratedFailureCount) || (tolerancesGiven.includes('percentage') && total > 0 && (failed / total) * 100 > toleratedFailurePercentage);
	}

	setChild(index: number, change: Partial<MapRunChild>): void {
		Object.assign(this.record.children[index], change);
		this.changed(index);
	}

	/** A redrive of the parent runs this map run again (its unsuccessful children). */
	redriven(): void {
		Object.assign(this.record, {status: 'RUNNING', stopDate: undefined, redriveCount: this.record.redriveCount + 1, redriveDate: Date.now()});
		this.changed();
	}

	finish(status: Exclude<MapRunStatus, 'RUNNING'>): void {
		this.record.status = status;
		this.record.stopDate = Date.now();
		for (const child of this.record.children) {
			if (child.status === 'PENDING') {
				child.status = 'ABORTED';
			}
		}

		this.changed();
	}

	/** UpdateMapRun: new concurrency or tolerance, taken into account from the next child on. */
	update(change: Partial<Pick<MapRunRecord, 'maxConcurrency' | 'toleratedFailureCount' | 'toleratedFailurePercentage'>>): void {
		Object.assign(this.record, change);
		const given = new Set(this.record.tolerancesGiven);
		if (change.toleratedFailureCount !== undefined) {
			given.add('count');
		}

		if (change.toleratedFailurePercentage !== undefined) {
			given.add('percentage');
		}

		this.record.tolerancesGiven = [...given];
		this.changed();
	}

	/** Calls `listener` on every change (the running Map re-checks concurrency and tolerance; the store saves). */
	onChange(listener: (child?: number) => void): () => void {
		this.listeners.add(listener);
		return () => {
			this.listeners.delete(listener);
		};
	}

	private changed(child?: number): void {
		for (const listener of this.listeners) {
			listener(child);
		}
	}
}
