import type {UserError} from '../model/user-error.js';
import {followerCalls, type FollowerCalls} from './follower-calls.js';
import {createPoller} from './poller.js';
import {realClock, type Clock} from './rate-limiter.js';
import type {FollowerState, RowsFollower} from './types.js';
import {listenerSet} from './listeners.js';

/** What a wall keeps: a list read every tick, and rows read one at a time in the order it picks. */
export type WallSource<T> = {
	readonly settings: {clock: Clock; tickMs: number; budget: number};
	/** True once the first list has been read. */
	readonly listed: boolean;
	/** When the list was last read (epoch ms): the header's "as of", which moves with every tick. */
	readonly listedAt?: number;
	onScreen: Set<string>;
	/** One tick of the list; resolves to whether anything changed. */
	list(): Promise<boolean>;
	/** The next row to read (marked busy), or undefined when none is due. */
	pick(): string | undefined;
	nextDue(): number | undefined;
	/** Reads a picked row; resolves to whether what the wall shows changed. */
	read(key: string): Promise<boolean>;
	/** The follower whose calls these are now (stop and retries); disarm(calls) lets go unless another has armed it since. */
	arm(calls: FollowerCalls): void;
	disarm(calls: FollowerCalls): void;
	snapshot(): T;
};

/**
 * Row reads run back to back, each waiting for the budget; a few run at once
 * when the budget is larger than one connection's round trips can carry.
 */
export function readWorkers(budget: number): number {
	return Math.min(8, Math.max(1, Math.ceil(budget / 5)));
}

/**
 * A wall as a follower: the list polls every tick (as the executions list
 * does), and read workers refresh rows within the budget until stop(). What
 * the view sees merges both: the list's freshness and errors, and the newest rows.
 */
export function followWall<T>(wall: WallSource<T>, describe: (error: unknown) => UserError): RowsFollower<T> {
	const {clock, tickMs} = wall.settings;
	const listeners = listenerSet();
	// An object, so the readers' loops see stop() set it.
	const life = {stopped: false};
	let readError: string | undefined;
	const wakers = new Set<() => void>();
	const timers = new Set<NodeJS.Timeout>();
	const wake = () => {
		for (const resolve of wakers) {
			resolve();
		}

		wakers.clear();
	};

	let publishTimer: NodeJS.Timeout | undefined;

	const calls = followerCalls();
	wall.arm(calls);
	const lister = createPoller({
		intervalMs: tickMs,
		maxIdleMs: tickMs * 5,
		calls,
		describe,
		async tick() {
			const changed = await wall.list();
			wake();
			return {data: true, changed};
		},
	});

	const merge = (): FollowerState<T> => {
		const list = lister.getState();
		const error = list.error ?? readError;
		return {
			data: wall.listed ? wall.snapshot() : undefined,
			stale: list.stale || (readError !== undefined && wall.listed),
			loading: !wall.listed && list.loading,
			done: false,
			...(wall.listedAt !== undefined && {updatedAt: wall.listedAt}),
			...(error !== undefined && {error}),
			...(list.retrying !== undefined && {retrying: list.retrying}),
		};
	};

	let state = merge();
	const publish = () => {
		clearTimeout(publishTimer);
		publishTimer = undefined;
		state = merge();
		listeners.notify();
	};

	// Reads finish up to `budget` times a second: redraw at most ten times a second.
	const publishSoon = () => {
		publishTimer ??= setTimeout(publish, 100);
	};

	const unsubscribe = lister.subscribe(publish);

	// Waits until a row falls due or something wakes the readers (a list, show(), stop()).
	// On the real clock the timer is cleared on stop(); a test clock sleeps its own way.
	const idle = async (ms: number, wakeable = true) => new Promise<void>(resolve => {
		if (wakeable) {
			wakers.add(resolve);
		}

		if (clock === realClock) {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		} else {
			void clock.sleep(ms).then(resolve);
		}
	});

	const worker = async () => {
		while (!life.stopped) {
			const key = wall.listed ? wall.pick() : undefined;
			if (!key) {
				const due = wall.nextDue();
				await idle(Math.max(50, Math.min(tickMs, (due ?? Infinity) - clock.now())));
				continue;
			}

			try {
				if (await wall.read(key)) {
					publishSoon();
				}

				if (readError !== undefined) {
					readError = undefined;
					publishSoon();
				}
			} catch (error: unknown) {
				// Throttling and outages are retried inside the call (aws/retry-policy.ts) and mark the
				// data stale through `calls`; what arrives here is final for this row (or stop()).
				if (!life.stopped) {
					readError = describe(error).message;
					publishSoon();
				}
			}
		}
	};

	for (let index = 0; index < readWorkers(wall.settings.budget); index++) {
		void worker();
	}

	return {
		getState: () => state,
		subscribe: listeners.subscribe,
		refresh() {
			lister.refresh();
			wake();
		},
		show(arns) {
			wall.onScreen = new Set(arns);
			wake();
		},
		stop() {
			life.stopped = true;
			unsubscribe();
			lister.stop();
			wall.disarm(calls);
			clearTimeout(publishTimer);
			for (const timer of timers) {
				clearTimeout(timer);
			}

			wake();
			listeners.clear();
		},
	};
}
