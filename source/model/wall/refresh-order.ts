/**
 * Which row the wall reads next, within its call budget. Every row is read
 * round-robin by age, but a row's age counts for more when the user can see
 * it or it changed lately: on screen ×8, never read ×8, changed within
 * `recentMs` ×2. So rows on screen are refreshed about eight times as often as
 * the rest, and no row starves: an off-screen row only has to be eight times
 * older than an on-screen one to go first.
 *
 * A row is due once its own interval has passed since its last read. The
 * interval is one tick after a change and grows ×1.5 with each read that
 * finds nothing new, up to `maxIdleMs`: a quiet wall costs what a quiet
 * follower costs (one small call per row per interval), a busy one its budget.
 */
export type RefreshCandidate = {
	key: string;
	/** Epoch ms of the last read; undefined: never read. */
	readAt?: number;
	/** When the row was first listed (the age of a row never read). */
	listedAt: number;
	changedAt?: number;
	intervalMs: number;
	onScreen: boolean;
	/** A read of this row is under way. */
	busy: boolean;
};

export const refreshWeights = {onScreen: 8, unread: 8, recent: 2} as const;

export function refreshScore(candidate: RefreshCandidate, now: number, recentMs: number): number {
	const age = Math.max(1, now - (candidate.readAt ?? candidate.listedAt));
	let weight = 1;
	if (candidate.onScreen) {
		weight *= refreshWeights.onScreen;
	}

	if (candidate.readAt === undefined) {
		weight *= refreshWeights.unread;
	}

	if (candidate.changedAt !== undefined && now - candidate.changedAt <= recentMs) {
		weight *= refreshWeights.recent;
	}

	return age * weight;
}

export function isDue(candidate: RefreshCandidate, now: number): boolean {
	return !candidate.busy && (candidate.readAt === undefined || now - candidate.readAt >= candidate.intervalMs);
}

/** The key of the row to read now, or undefined when none is due. Ties go to the earlier candidate (list order). */
export function nextToRefresh(candidates: Iterable<RefreshCandidate>, now: number, recentMs: number): string | undefined {
	let best: string | undefined;
	let bestScore = -1;
	for (const candidate of candidates) {
		if (!isDue(candidate, now)) {
			continue;
		}

		const score = refreshScore(candidate, now, recentMs);
		if (score > bestScore) {
			best = candidate.key;
			bestScore = score;
		}
	}

	return best;
}

/** When the next row falls due (epoch ms), for sleeping until then; undefined when nothing can fall due. */
export function nextDueAt(candidates: Iterable<RefreshCandidate>): number | undefined {
	let soonest: number | undefined;
	for (const candidate of candidates) {
		if (candidate.busy) {
			continue;
		}

		const due = candidate.readAt === undefined ? candidate.listedAt : candidate.readAt + candidate.intervalMs;
		soonest = soonest === undefined ? due : Math.min(soonest, due);
	}

	return soonest;
}

/** The next interval for a row after a read: back to one tick on a change, else ×1.5 up to maxIdleMs. */
export function nextInterval(previousMs: number, changed: boolean, tickMs: number, maxIdleMs: number): number {
	return changed ? tickMs : Math.min(maxIdleMs, Math.round(Math.max(previousMs, tickMs) * 1.5));
}
