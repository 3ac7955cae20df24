import type {HistoryEvent} from '../../source/model/types.js';

/**
 * Compact history events for tests: [id, previousEventId, type, details?, time offset ms].
 * Times default to 100 ms per event from 2026-01-01T12:00:00Z.
 */
export type EventSpec = [id: number, previous: number, type: string, details?: Record<string, unknown>, at?: number];

export const historyStart = Date.UTC(2026, 0, 1, 12, 0, 0);

export function events(specs: EventSpec[]): HistoryEvent[] {
	return specs.map(([id, previous, type, details = {}, at]) => ({
		id,
		...(previous > 0 && {previousEventId: previous}),
		timestamp: historyStart + ((at ?? (id * 100))),
		type,
		details,
	}));
}

/** `{name}` for StateEntered/Exited details. */
export const named = (name: string, extra: Record<string, unknown> = {}) => ({name, ...extra});
/** `{name, index}` for MapIteration* details. */
export const iteration = (name: string, index: number) => ({name, index});
