import {formatTime} from '../text/format.js';
import {sanitize} from '../text/sanitize.js';
import type {RunningRow, SinceOpened} from './wall-types.js';

export type WallSummary = {
	/** Executions per current state, most first (ties by name). */
	states: Array<{state: string; count: number}>;
	/** Rows whose history has not been read yet. */
	unread: number;
	/** Map iterations done (succeeded or failed) of all iterations, over every row in a Map. */
	map?: {done: number; total: number};
};

export function wallSummary(rows: readonly RunningRow[]): WallSummary {
	const counts = new Map<string, number>();
	let unread = 0;
	let done = 0;
	let total = 0;
	let inMap = false;
	for (const row of rows) {
		if (row.readAt === undefined) {
			unread++;
		} else {
			const state = row.currentState ?? '-';
			counts.set(state, (counts.get(state) ?? 0) + 1);
		}

		if (row.mapProgress) {
			inMap = true;
			done += row.mapProgress.succeeded + row.mapProgress.failed;
			total += row.mapProgress.total;
		}
	}

	return {
		states: [...counts].map(([state, count]) => ({state, count})).toSorted((a, b) => b.count - a.count || a.state.localeCompare(b.state)),
		unread,
		...(inMap && {map: {done, total}}),
	};
}

/** `ChargeCustomer 108 · Wait 12 · not read 3   Map 340/1000 done   since 14:02:10: started 12 · succeeded 8 · failed 1` */
export function wallSummaryText(summary: WallSummary, since: SinceOpened, ending: number): {states: string; map: string; since: string} {
	const states = summary.states.map(({state, count}) => `${sanitize(state)} ${count}`);
	if (summary.unread > 0) {
		states.push(`not read yet ${summary.unread}`);
	}

	const ended = [`started ${since.started}`, `succeeded ${since.succeeded}`, `failed ${since.failed}`];
	if (since.timedOut > 0) {
		ended.push(`timed out ${since.timedOut}`);
	}

	if (since.aborted > 0) {
		ended.push(`aborted ${since.aborted}`);
	}

	if (ending > 0) {
		ended.push(`ending ${ending}`);
	}

	return {
		states: states.join(' · ') || 'nothing running',
		map: summary.map ? `Map ${summary.map.done}/${summary.map.total} done` : '',
		since: `since ${formatTime(since.openedAt).slice(11, 19)}: ${ended.join(' · ')}`,
	};
}
