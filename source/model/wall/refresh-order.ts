/**
 * Which row the wall reads next, within its call budget. Every row is read
 * round-robin by age, but a row's age counts for more when the user can see
 * it or it changed lately: on screen ×16, never read ×8, changed within
 * `recentMs` ×2. So rows on screen are refreshed about sixteen times as often
 * as the rest — with 500 running and 30 on screen, every ~24 s at the default
 * 2.5 reads/s (issue 15: rows on screen within 30 s) — and no row starves: an
 * off-screen row only has to be sixteen times older than an on-screen one to go first.
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

export const refreshWeights = {onScreen: 16, unread: 8, recent: 2} as const;

/** A row on screen is read again once this old, before any other (issue 15: rows on screen within 30 s)... */
export const screenMaxAgeMs = 25_000;
/** ...while the rows on screen take no more than this share of the budget; past it, the weights alone decide. */
const screenShare = 0.6;

/**
 * The weights alone let rows on screen age while the first round goes on: a
 * row never read counts its age since it was listed, so near the end of the
 * first round of 500 (about 200 s) it outweighs an on-screen row read two
 * minutes ago. So the rows on screen are also held to an age, as long as
 * holding them leaves most of the budget to the rest.
 */
export function screenDueMs(onScreen: number, budget: number): number | undefined {
	return onScreen > 0 && onScreen * 1000 / screenMaxAgeMs <= budget * screenShare ? screenMaxAgeMs : undefined;
}

/** Scores above every age: a row on screen older than its due age. */
const overdue = 1e15;

export function refreshScore(candidate: RefreshCandidate, now: number, recentMs: number, screenDue?: number): number {
	const age = Math.max(1, now - (candidate.readAt ?? candidate.listedAt));
	if (screenDue !== undefined && candidate.onScreen && candidate.readAt !== undefined && age >= screenDue) {
		return overdue + age;
	}

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

/** The key of the row to read now, or undefined when none is due. Ties go to the earlier candidate (list order). `screenDue`: see screenDueMs. */
export function nextToRefresh(candidates: Iterable<RefreshCandidate>, now: number, recentMs: number, screenDue?: number): string | undefined {
	let best: string | undefined;
	let bestScore = -1;
	for (const candidate of candidates) {
		if (!isDue(candidate, now)) {
			continue;
		}

		const score = refreshScore(candidate, now, recentMs, screenDue);
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
