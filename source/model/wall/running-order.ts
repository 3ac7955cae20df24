import type {RunningRow} from './wall-types.js';

/** How the running wall is sorted; `o` cycles through them in this order. */
export const runningSortKeys = ['elapsed', 'name', 'state'] as const;

export type RunningSortKey = typeof runningSortKeys[number];

export function nextSortKey(key: RunningSortKey): RunningSortKey {
	return runningSortKeys[(runningSortKeys.indexOf(key) + 1) % runningSortKeys.length];
}

const byStart = (a: RunningRow, b: RunningRow) => (a.startDate ?? Infinity) - (b.startDate ?? Infinity) || a.name.localeCompare(b.name);

/**
 * Elapsed: running longest first (the stuck ones on top); name: A→Z;
 * state: grouped by current state A→Z (rows not read yet last), longest first within a state.
 */
export function sortRunning(rows: readonly RunningRow[], key: RunningSortKey): RunningRow[] {
	switch (key) {
		case 'name': {
			return rows.toSorted((a, b) => a.name.localeCompare(b.name) || byStart(a, b));
		}

		case 'state': {
			return rows.toSorted((a, b) => {
				if ((a.currentState === undefined) !== (b.currentState === undefined)) {
					return a.currentState === undefined ? 1 : -1;
				}

				return (a.currentState ?? '').localeCompare(b.currentState ?? '') || byStart(a, b);
			});
		}

		default: {
			return rows.toSorted(byStart);
		}
	}
}

/** `/` on the wall: a case-insensitive match on the execution's name or its current state. */
export function filterRunning(rows: readonly RunningRow[], filter: string): readonly RunningRow[] {
	const needle = filter.toLowerCase();
	return needle ? rows.filter(row => row.name.toLowerCase().includes(needle) || (row.currentState ?? '').toLowerCase().includes(needle)) : rows;
}
