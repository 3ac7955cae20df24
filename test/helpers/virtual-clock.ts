import type {Clock} from '../../source/sync/rate-limiter.js';

/**
 * Time that moves only when someone sleeps (and then at once): with one reader
 * sleeping at a time, its schedule is exact however slow the machine is, while
 * the calls it makes between sleeps are real.
 */
export function virtualClock(start = 1_000_000): Clock {
	let now = start;
	return {
		now: () => now,
		async sleep(ms) {
			now += ms;
			await new Promise(resolve => {
				setImmediate(resolve);
			});
		},
	};
}
