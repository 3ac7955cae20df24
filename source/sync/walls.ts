import type {AwsApi, CallHooks} from '../aws/sfn.js';
import type {MachineWallRow, RunningWall} from '../model/wall/wall-types.js';
import {MachineWallState} from './machine-wall.js';
import {realClock, type Clock} from './rate-limiter.js';
import {RunningWallState, type WallSettings} from './running-wall.js';
import type {RowsFollower} from './types.js';
import {budgetedApi, defaultWallBudget} from './wall-budget.js';
import {followWall, readWorkers} from './wall-follower.js';

/** Walls kept per session: leaving a wall and coming back keeps what was read (a few machines at most). */
const keptWalls = 4;

export type Walls = {
	running(machineArn: string): RowsFollower<RunningWall>;
	machineWall(): RowsFollower<MachineWallRow[]>;
	/** The state behind a machine's running wall (`ls --wide` reads it once). */
	runningState(machineArn: string): RunningWallState;
	settings: WallSettings;
};

/**
 * The session's walls, sharing one budget: every row read of every wall goes
 * through one paced AwsApi, so two walls (or a wall and `ls --wide`) never
 * add up to more than the budget.
 */
export function createWalls(api: AwsApi, hooks: CallHooks, options: {intervalMs: number; budget?: number; clock?: Clock}): Walls {
	const clock = options.clock ?? realClock;
	const budget = options.budget ?? defaultWallBudget;
	const settings: WallSettings = {tickMs: Math.max(options.intervalMs, 2000), budget, clock, maxIdleMs: 15_000, recentMs: 60_000};
	const rows = budgetedApi(api, hooks, budget, clock);
	const states = new Map<string, RunningWallState>();
	let machines: MachineWallState | undefined;

	const runningState = (machineArn: string) => {
		let state = states.get(machineArn);
		if (state) {
			states.delete(machineArn);
		} else {
			state = new RunningWallState(rows.api, rows.calls, api, machineArn, settings);
		}

		// Newest use last: the oldest wall is forgotten first.
		states.set(machineArn, state);
		for (const old of [...states.keys()].slice(0, Math.max(0, states.size - keptWalls))) {
			states.delete(old);
		}

		return state;
	};

	return {
		settings,
		runningState,
		running: machineArn => followWall(runningState(machineArn), error => api.describe(error, 'ListExecutions')),
		machineWall() {
			machines ??= new MachineWallState(api, {clock, tickMs: Math.max(options.intervalMs, 10_000), budget: 1, maxIdleMs: 60_000});
			return followWall(machines, error => api.describe(error, 'ListExecutions'));
		},
	};
}

/**
 * One read of every row, within the budget (`ls --wide`): resolves once each
 * row has been read, calling `onRead` after each read. With nothing on
 * screen, rows are read in list order (equal ages: ties go to the first).
 */
export async function readEveryRowOnce(state: RunningWallState, onRead?: (done: number, total: number) => void): Promise<void> {
	const total = state.rows.size;
	const read = new Set<string>();
	const worker = async () => {
		for (let key = state.pick(read); key; key = state.pick(read)) {
			read.add(key);
			await state.read(key);
			onRead?.(read.size, total);
		}
	};

	await Promise.all(Array.from({length: readWorkers(state.settings.budget)}, worker));
}
