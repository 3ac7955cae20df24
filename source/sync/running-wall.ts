import {errorFacts} from '../aws/errors.js';
import type {AwsApi} from '../aws/sfn.js';
import {executionEndStatus} from '../model/history/history-event.js';
import {nextDueAt, nextInterval, nextToRefresh, screenDueMs, type RefreshCandidate} from '../model/wall/refresh-order.js';
import {rowProgress} from '../model/wall/row-progress.js';
import type {RunningRow, RunningWall} from '../model/wall/wall-types.js';
import type {CallCounter} from './call-counter.js';
import {pageExecutions, type ListedExecution} from './execution-pages.js';
import {HistorySync} from './history-sync.js';
import {SinceOpenedCounts} from './since-opened.js';
import type {FollowerCalls} from './follower-calls.js';
import type {Clock} from './rate-limiter.js';
import {armableScope} from './wall-scope.js';
import {inTheDashboard, standardOnly, type ExpressElsewhere} from './standard-only.js';

export type WallSettings = {
	/** The list interval (a row older than this shows its age). */
	tickMs: number;
	/** Row reads per second, at most (sync/wall-budget.ts). */
	budget: number;
	clock: Clock;
	/** Longest interval between two reads of a quiet row. */
	maxIdleMs: number;
	/** A row that changed this recently is read twice as eagerly. */
	recentMs: number;
	pageSize?: number;
};

type Row = {
	view: RunningRow;
	sync: HistorySync;
	listedAt: number;
	/** The last read attempt, successful or not (scheduling); view.readAt is the last good read (display). */
	triedAt?: number;
	intervalMs: number;
	busy: boolean;
	/** The read saw the execution end: it leaves at the next list and is already counted. */
	ended: boolean;
};

/** An execution the list no longer shows as RUNNING, waiting for one small read of its final status. */
type Ending = {arn: string; since: number; busy: boolean};

/** Keys of the refresh queue: rows by ARN, endings by this prefix. */
const endingKey = 'ending\n';

/**
 * Every RUNNING execution of one machine, kept fresh within a call budget
 * (issue 15). The list (one paged ListExecutions per tick) finds starts and
 * ends; each row's current state and Map progress come from its history, read
 * one row at a time in the order model/wall/refresh-order.ts decides, each
 * read costing what a follower's poll costs (one small call when nothing is
 * new).
 *
 * Kept by the session per machine, so leaving the view and coming back keeps
 * every row read so far.
 */
export class RunningWallState {
	readonly rows = new Map<string, Row>();
	onScreen = new Set<string>();
	listed = false;
	listedAt: number | undefined;
	private readonly since: SinceOpenedCounts;
	/** Whether the machine is Standard, asked once (DescribeStateMachine); an Express machine's refusal, kept. */
	private standard: Promise<void> | undefined;
	/** What the refusal of an Express machine points to (the line commands say another thing than the dashboard). */
	expressElsewhere: ExpressElsewhere = inTheDashboard;
	private readonly endings = new Map<string, Ending>();
	private recentCursor: number;

	/**
	 * `rowApi` is paced to the budget and counts its calls in `readCalls`
	 * (sync/wall-budget.ts); `listApi` is the session's, under the shared limiter only.
	 */
	private readonly rowApi: AwsApi;
	private readonly listApi: AwsApi;
	private readonly scope = armableScope();

	constructor(rowApi: AwsApi, private readonly readCalls: CallCounter, listApi: AwsApi, readonly machineArn: string, readonly settings: WallSettings) {
		this.rowApi = rowApi.scoped(this.scope.scope);
		this.listApi = listApi.scoped(this.scope.scope);
		const now = settings.clock.now();
		this.since = new SinceOpenedCounts(now);
		this.recentCursor = now;
	}

	/** While a view follows this wall: its calls stop with that view's follower and tell it of retries. */
	arm(calls: FollowerCalls): void {
		this.scope.arm(calls);
	}

	disarm(calls: FollowerCalls): void {
		this.scope.disarm(calls);
	}

	/** One tick of the list: every RUNNING execution (paged), then the newest starts of any status. Resolves to whether anything changed. */
	async list(): Promise<boolean> {
		// Only the Express answer is kept: a failed look (an outage) is asked again next tick.
		this.standard ??= standardOnly(this.listApi, this.machineArn, this.expressElsewhere).catch((error: unknown) => {
			if (errorFacts(error).name !== 'StateMachineTypeNotSupported') {
				this.standard = undefined;
			}

			throw error;
		});
		await this.standard;
		const now = this.settings.clock.now();
		const {executions} = await pageExecutions(this.listApi, this.machineArn, {statusFilter: 'RUNNING', ...(this.settings.pageSize && {pageSize: this.settings.pageSize})});
		let changed = !this.listed;
		const live = new Set(executions.map(execution => execution.arn));
		for (const [arn, row] of this.rows) {
			if (!live.has(arn)) {
				this.rows.delete(arn);
				changed = true;
				if (!row.ended && !this.since.hasEnded(arn)) {
					this.endings.set(arn, {arn, since: now, busy: false});
				}
			}
		}

		// Rebuilt in list order (newest first), keeping each row's reads.
		const previous = new Map(this.rows);
		this.rows.clear();
		for (const execution of executions) {
			const row = previous.get(execution.arn) ?? this.newRow(execution, now);
			changed ||= !previous.has(execution.arn);
			this.rows.set(execution.arn, row);
			this.since.start(execution);
		}

		this.listed = true;
		this.listedAt = now;
		changed = await this.listRecent() || changed;
		return changed;
	}

	/** The row or ending to read next (marked busy), or undefined when none is due; `skip` leaves some out. */
	pick(skip?: ReadonlySet<string>): string | undefined {
		const key = nextToRefresh(skip ? [...this.candidates()].filter(candidate => !skip.has(candidate.key)) : this.candidates(), this.settings.clock.now(), this.settings.recentMs, screenDueMs(this.onScreen.size, this.settings.budget));
		if (key?.startsWith(endingKey)) {
			this.endings.get(key.slice(endingKey.length))!.busy = true;
		} else if (key) {
			this.rows.get(key)!.busy = true;
		}

		return key;
	}

	/** When the next read falls due (epoch ms). */
	nextDue(): number | undefined {
		return nextDueAt(this.candidates());
	}

	/** Reads one picked row or ending; resolves to whether what the wall shows changed. */
	async read(key: string): Promise<boolean> {
		if (key.startsWith(endingKey)) {
			return this.readEnding(key.slice(endingKey.length));
		}

		const row = this.rows.get(key);
		if (!row) {
			return false;
		}

		const {clock} = this.settings;
		row.triedAt = clock.now();
		try {
			const added = await row.sync.update();
			const now = clock.now();
			// The first read is where the row starts, not a change: only later news makes it "changed lately".
			const changed = added > 0 && row.view.readAt !== undefined;
			const changedAt = changed ? now : row.view.changedAt;
			const {arn, name, machineArn, startDate} = row.view;
			row.view = {arn, name, machineArn, ...(startDate !== undefined && {startDate}), ...rowProgress(row.sync.snapshot), readAt: now, ...(changedAt !== undefined && {changedAt})};
			row.intervalMs = nextInterval(row.intervalMs, changed, this.settings.tickMs, this.settings.maxIdleMs);
			if (row.sync.ended && !row.ended) {
				row.ended = true;
				this.since.end(arn, row.sync.snapshot.status);
			}

			return true;
		} catch (error: unknown) {
			row.intervalMs = nextInterval(row.intervalMs, false, this.settings.tickMs, this.settings.maxIdleMs);
			throw error;
		} finally {
			row.busy = false;
		}
	}

	snapshot(): RunningWall {
		return {
			rows: [...this.rows.values()].filter(row => !row.ended).map(row => row.view),
			since: this.since.snapshot(),
			ending: this.endings.size,
			calls: {lastMinute: this.readCalls.perMinute(), budgetPerSecond: this.settings.budget},
			tickMs: this.settings.tickMs,
		};
	}

	private newRow(execution: ListedExecution, now: number): Row {
		return {
			view: {arn: execution.arn, name: execution.name, machineArn: execution.machineArn, ...(execution.startDate !== undefined && {startDate: execution.startDate})},
			sync: new HistorySync(this.rowApi, execution.arn, {light: true}),
			listedAt: now,
			intervalMs: this.settings.tickMs,
			busy: false,
			ended: false,
		};
	}

	private * candidates(): Generator<RefreshCandidate> {
		for (const ending of this.endings.values()) {
			// An ending costs one small call and decides the summary's counts: read it as eagerly as a row on screen.
			yield {key: `${endingKey}${ending.arn}`, listedAt: ending.since, intervalMs: 0, onScreen: true, busy: ending.busy};
		}

		// Rows on screen first, in screen order (ties go to the earlier candidate), then the rest.
		const order = [...this.onScreen, ...[...this.rows.keys()].filter(arn => !this.onScreen.has(arn))];
		for (const arn of order) {
			const row = this.rows.get(arn);
			if (row && !row.ended) {
				yield {key: arn, listedAt: row.listedAt, ...(row.triedAt !== undefined && {readAt: row.triedAt}), ...(row.view.changedAt !== undefined && {changedAt: row.view.changedAt}), intervalMs: row.intervalMs, onScreen: this.onScreen.has(arn), busy: row.busy};
			}
		}
	}

	/** The newest event of an execution that left the RUNNING list says how it ended (one call, no payloads). */
	private async readEnding(arn: string): Promise<boolean> {
		const ending = this.endings.get(arn);
		if (!ending) {
			return false;
		}

		try {
			const page = await this.rowApi.getHistoryPage(arn, {reverseOrder: true, maxResults: 1, includeExecutionData: false});
			const type = page.events[0]?.type;
			const status = type !== undefined && Object.hasOwn(executionEndStatus, type) ? executionEndStatus[type] : undefined;
			this.endings.delete(arn);
			// Not ended after all (ListExecutions is eventually consistent): the next list shows it again.
			if (status) {
				this.since.end(arn, status);
			}

			return true;
		} finally {
			ending.busy = false;
		}
	}

	/**
	 * Executions that started and ended between two lists never show as
	 * RUNNING: the newest executions of any status since the last look (10 s of
	 * slack for a list that is only eventually consistent) count them.
	 */
	private async listRecent(): Promise<boolean> {
		const cursor = this.recentCursor - 10_000;
		const {executions} = await pageExecutions(this.listApi, this.machineArn, {pageSize: 100, more: page => (page.at(-1)?.startDate ?? 0) >= cursor});
		let changed = false;
		for (const execution of executions) {
			if (execution.startDate === undefined || execution.startDate < cursor) {
				continue;
			}

			this.recentCursor = Math.max(this.recentCursor, execution.startDate);
			changed = this.since.start(execution) || changed;
			if (execution.status !== 'RUNNING' && execution.startDate >= this.since.openedAt && !this.rows.has(execution.arn) && !this.endings.has(execution.arn) && !this.since.hasEnded(execution.arn)) {
				this.since.end(execution.arn, execution.status);
				changed = true;
			}
		}

		this.since.forget(cursor - 600_000, arn => this.rows.has(arn));
		return changed;
	}
}
