import {UserError} from '../user-error.js';

const units: Partial<Record<string, number>> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000};

/** `90s`, `15m`, `2h`, `1h30m`, `3d`, `1w` → milliseconds; anything else is a usage error naming the flag. */
export function parseDuration(text: string, flag: string): number {
	// Number-unit pairs read left to right: `1h30m` is 1 h then 30 m.
	const pairs = text.trim().split(/(?<=[a-z])(?=\d)/);
	let total = 0;
	for (const pair of pairs) {
		const unitAt = pair.search(/[a-z]/);
		const amount = unitAt > 0 ? Number(pair.slice(0, unitAt)) : NaN;
		const unitName = pair.slice(unitAt);
		const unit = Object.hasOwn(units, unitName) ? units[unitName] : undefined;
		if (!/^\d/.test(pair) || !Number.isFinite(amount) || unit === undefined) {
			throw new UserError(`${flag} takes a duration such as 30m, 2h, 1h30m or 3d, not "${text}"`);
		}

		total += amount * unit;
	}

	return total;
}
