import type {AwsApi} from '../aws/sfn.js';
import {nextDueAt, nextInterval, nextToRefresh, type RefreshCandidate} from '../model/wall/refresh-order.js';
import type {MachineWallRow} from '../model/wall/wall-types.js';
import {pageExecutions} from './execution-pages.js';
import type {FollowerCalls} from './follower-calls.js';
import type {Clock} from './rate-limiter.js';
import {armableScope} from './wall-scope.js';

const hourMs = 3_600_000;

/** Pages read per count at most: 10,000 running executions, 5,000 ends an hour; past that a count says `N+`. */
const runningPages = 10;
const endedPages = 5;

type Row = {view: MachineWallRow; listedAt: number; triedAt?: number; intervalMs: number; busy: boolean};

/**
 * The wall of all machines (`f` on the machines list): per machine, how many
 * executions are running and how many failed and succeeded in the last hour,
 * from ListExecutions alone — three paged calls per machine read, one machine
 * at a time, machines on screen first, each under the shared limiter's
 * ListExecutions bucket. The machine list itself is re-read every tick.
 *
 * "In the last hour" is by stop time, among the newest executions of each
 * status: pages are read while they still hold executions started within the
 * hour (ListExecutions is sorted by start), so a run started hours ago that
 * ended a minute ago is counted only when it is on those pages.
 */
export class MachineWallState {
	readonly rows = new Map<string, Row>();
	onScreen = new Set<string>();
	listed = false;
	listedAt: number | undefined;

	private readonly api: AwsApi;
	private readonly scope = armableScope();

	constructor(api: AwsApi, readonly settings: {clock: Clock; tickMs: number; budget: number; maxIdleMs: number}) {
		this.api = api.scoped(this.scope.scope);
	}

	arm(calls: FollowerCalls): void {
		this.scope.arm(calls);
	}

	disarm(calls: FollowerCalls): void {
		this.scope.disarm(calls);
	}

	async list(): Promise<boolean> {
		const now = this.settings.clock.now();
		const machines = await this.api.listStateMachines();
		const previous = new Map(this.rows);
		this.rows.clear();
		let changed = !this.listed || previous.size !== machines.length;
		for (const machine of machines) {
			const arn = machine.stateMachineArn ?? '';
			const row = previous.get(arn) ?? {
				view: {arn, name: machine.name ?? '', type: machine.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD'},
				listedAt: now,
				intervalMs: this.settings.tickMs,
				busy: false,
			};
			changed ||= !previous.has(arn);
			this.rows.set(arn, row);
		}

		this.listed = true;
		this.listedAt = now;
		return changed;
	}

	pick(): string | undefined {
		const key = nextToRefresh(this.candidates(), this.settings.clock.now(), 0);
		if (key) {
			this.rows.get(key)!.busy = true;
		}

		return key;
	}

	nextDue(): number | undefined {
		return nextDueAt(this.candidates());
	}

	async read(arn: string): Promise<boolean> {
		const row = this.rows.get(arn);
		if (!row) {
			return false;
		}

		const {clock, tickMs, maxIdleMs} = this.settings;
		row.triedAt = clock.now();
		try {
			const before = JSON.stringify([row.view.running, row.view.failedLastHour, row.view.succeededLastHour]);
			row.view = await this.count(row.view, clock.now());
			const changed = before !== JSON.stringify([row.view.running, row.view.failedLastHour, row.view.succeededLastHour]);
			row.intervalMs = nextInterval(row.intervalMs, changed, tickMs, maxIdleMs);
			return true;
		} finally {
			row.busy = false;
		}
	}

	snapshot(): MachineWallRow[] {
		return [...this.rows.values()].map(row => row.view);
	}

	private async count(view: MachineWallRow, now: number): Promise<MachineWallRow> {
		const {arn, name, type} = view;
		if (type === 'EXPRESS') {
			// No ListExecutions for Express machines; their records are in CloudWatch Logs (the machine's own view reads them).
			return {arn, name, type, readAt: now, note: 'Express: no ListExecutions (open it to read its logged executions)'};
		}

		const since = now - hourMs;
		const withinHour = (page: Array<{startDate?: number}>) => (page.at(-1)?.startDate ?? 0) >= since;
		const running = await pageExecutions(this.api, arn, {statusFilter: 'RUNNING', maxPages: runningPages});
		const failed = await pageExecutions(this.api, arn, {statusFilter: 'FAILED', maxPages: endedPages, more: withinHour});
		const succeeded = await pageExecutions(this.api, arn, {statusFilter: 'SUCCEEDED', maxPages: endedPages, more: withinHour});
		const endedWithinHour = (executions: Array<{stopDate?: number}>) => executions.filter(execution => (execution.stopDate ?? 0) >= since).length;
		const capped = {...(running.capped && {running: true}), ...(failed.capped && {failed: true}), ...(succeeded.capped && {succeeded: true})};
		return {
			arn,
			name,
			type,
			running: running.executions.length,
			failedLastHour: endedWithinHour(failed.executions),
			succeededLastHour: endedWithinHour(succeeded.executions),
			...(Object.keys(capped).length > 0 && {capped}),
			readAt: this.settings.clock.now(),
		};
	}

	private * candidates(): Generator<RefreshCandidate> {
		for (const [arn, row] of this.rows) {
			yield {key: arn, listedAt: row.listedAt, ...(row.triedAt !== undefined && {readAt: row.triedAt}), intervalMs: row.intervalMs, onScreen: this.onScreen.has(arn), busy: row.busy};
		}
	}
}
