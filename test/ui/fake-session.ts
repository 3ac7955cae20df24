// A session of fixed snapshots for component tests: followers that hold one
// state (or the states a test pushes), actions that record their calls.
import {foldFixture, loadEvents, orderGraph} from '../helpers/histories.js';
import {groupRerunPoints, planBulk} from '../../source/model/bulk/bulk-plan.js';
import type {FollowerState, RowsFollower, SfnSession} from '../../source/sync/types.js';
import type {ExecutionData, ExecutionSummary, LogLine, MachineQualifiers, MachineSummary, MapRunDescription, RedrivePreview} from '../../source/model/types.js';
import type {MachineWallRow, RunningRow, RunningWall} from '../../source/model/wall/wall-types.js';

export type FakeFollower<T> = RowsFollower<T> & {push(state: Partial<FollowerState<T>>): void; refreshes: number; stopped: boolean; shown: string[][]};

export function fixedFollower<T>(data: T | undefined, extra: Partial<FollowerState<T>> = {}): FakeFollower<T> {
	let state: FollowerState<T> = {data, stale: false, loading: data === undefined, done: false, updatedAt: Date.UTC(2026, 0, 1, 12, 0, 0), ...extra};
	const listeners = new Set<() => void>();
	const follower: FakeFollower<T> = {
		refreshes: 0,
		stopped: false,
		shown: [],
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		refresh() {
			follower.refreshes++;
		},
		stop() {
			follower.stopped = true;
		},
		show(arns) {
			follower.shown.push([...arns]);
		},
		push(patch) {
			state = {...state, ...patch};
			for (const listener of listeners) {
				listener();
			}
		},
	};
	return follower;
}

export const machineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:OrderProcessingStateMachine';
export const executionArn = 'arn:aws:states:us-east-1:123456789012:execution:OrderProcessingStateMachine:order-7';

export function orderExecution(fixture = 'order-failed-at-charge.json'): ExecutionData {
	const graph = orderGraph();
	const snapshot = foldFixture(fixture, graph);
	return {
		description: {arn: executionArn, name: 'order-7', machineArn, machineName: 'OrderProcessingStateMachine', status: snapshot.status, startDate: snapshot.startDate, stopDate: snapshot.stopDate, redriveCount: snapshot.redriveCount},
		graph,
		snapshot,
		events: loadEvents(fixture),
	};
}

export type Calls = {start: Array<[string, string]>; stop: Array<[string, string | undefined, string | undefined]>; redrive: string[]; bulk: Array<{action: string; arns: string[]}>};

export function fakeSession(options: {
	readOnly?: boolean;
	machines?: MachineSummary[];
	executions?: ExecutionSummary[];
	running?: RunningRow[] | RunningWall;
	machineWall?: MachineWallRow[];
	execution?: ExecutionData | FakeFollower<ExecutionData>;
	logs?: LogLine[];
	preview?: RedrivePreview;
	/** Executions by ARN (drill-down into children); others get `execution`. */
	executionsByArn?: Record<string, ExecutionData>;
	mapRun?: MapRunDescription | FakeFollower<MapRunDescription>;
	mapRunExecutions?: ExecutionSummary[];
	qualifiers?: MachineQualifiers;
} = {}): SfnSession & {calls: Calls; followers: Array<FakeFollower<unknown>>; requests: string[]} {
	const calls: Calls = {start: [], stop: [], redrive: [], bulk: []};
	// What each follower was asked for (`executions arn FAILED`), so tests see the filters a view passes down.
	const requests: string[] = [];
	const followers: Array<FakeFollower<unknown>> = [];
	const make = <T>(data: T | undefined): FakeFollower<T> => {
		const follower = fixedFollower(data);
		followers.push(follower);
		return follower;
	};

	return {
		calls,
		followers,
		requests,
		readOnly: options.readOnly ?? false,
		region: 'us-east-1',
		machines: () => make(options.machines ?? [{arn: machineArn, name: 'OrderProcessingStateMachine', type: 'STANDARD', creationDate: Date.UTC(2026, 0, 1)}]),
		executions(arn, status) {
			requests.push(`executions ${arn} ${status ?? ''}`.trim());
			return make(options.executions ?? []);
		},
		mapRun(arn) {
			requests.push(`mapRun ${arn}`);
			if (options.mapRun && 'getState' in options.mapRun) {
				followers.push(options.mapRun);
				return options.mapRun;
			}

			return make(options.mapRun);
		},
		mapRunExecutions(arn, status) {
			requests.push(`mapRunExecutions ${arn} ${status ?? ''}`.trim());
			return make(options.mapRunExecutions ?? []);
		},
		qualifiers(arn) {
			requests.push(`qualifiers ${arn}`);
			return make(options.qualifiers ?? {versions: [], aliases: []});
		},
		running: () => make(Array.isArray(options.running) || !options.running ? runningWall(options.running ?? []) : options.running),
		machineWall: () => make(options.machineWall ?? []),
		execution(arn) {
			requests.push(`execution ${arn}`);
			const byArn = options.executionsByArn?.[arn];
			if (byArn) {
				return make(byArn);
			}

			if (options.execution && 'getState' in options.execution) {
				followers.push(options.execution);
				return options.execution;
			}

			return make(options.execution ?? orderExecution());
		},
		logs: () => make(options.logs ?? []),
		resolve: async target => ({kind: 'machine', arn: target}),
		assertAllowed(api) {
			if (options.readOnly) {
				throw new Error(`--read-only: ${api} is disabled`);
			}
		},
		async start(arn, input) {
			calls.start.push([arn, input]);
			return `${executionArn}-started`;
		},
		async stop(arn, error, cause) {
			calls.stop.push([arn, error, cause]);
		},
		redrivePreview: async () => options.preview ?? {redrivable: true, rerun: ['ChargeCustomer', 'ShipOrder'], keep: ['ValidateOrder', 'ReserveInventory']},
		async redrive(arn) {
			calls.redrive.push(arn);
		},
		matchingExecutions: async (_, filter) => (options.executions ?? []).filter(execution => execution.status === filter.status),
		// The real rules (planBulk) on the given summaries; every redrivable one "stopped in" ChargeCustomer.
		async bulkPreview(action, list) {
			const plan = planBulk(action, list, {now: Date.UTC(2026, 0, 1, 12, 0, 0)});
			return {...plan, ...groupRerunPoints(action === 'redrive' ? plan.actionable.map(() => 'ChargeCustomer') : [])};
		},
		async bulkAct(preview, settings = {}) {
			calls.bulk.push({action: preview.action, arns: preview.actionable.map(execution => execution.arn)});
			for (const index of preview.actionable.keys()) {
				settings.onProgress?.(index + 1, preview.actionable.length);
			}

			return {action: preview.action, acted: preview.actionable.length, skipped: preview.skipped.length, failed: []};
		},
		callsPerMinute: () => 12,
		close: () => undefined,
	};
}

/** A running wall of these rows, read at the fixed test time unless a row says otherwise. */
export function runningWall(rows: RunningRow[], extra: Partial<RunningWall> = {}): RunningWall {
	const readAt = Date.UTC(2026, 0, 1, 12, 0, 0);
	return {
		rows: rows.map(row => ({readAt, ...row})),
		since: {openedAt: Date.UTC(2026, 0, 1, 11, 50), started: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0},
		ending: 0,
		calls: {lastMinute: 12, budgetPerSecond: 2.5},
		tickMs: 2000,
		...extra,
	};
}
