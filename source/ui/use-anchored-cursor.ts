import {useLayoutEffect, useRef} from 'react';
import type {DashboardActions} from './dashboard-context.js';
import {clampCursor} from './list-pane.js';

/**
 * The cursor of a newest-first list stays on its row when rows arrive above
 * it: a new execution at the top must not slide the highlight onto another
 * one just before space, x, R or enter act on it. The route keeps an index
 * (the shared list keys move it); when the rows changed but the cursor did
 * not, it follows the key that was under it, if that row is still listed.
 */
export function useAnchoredCursor(keys: readonly string[], cursor: number, actions: Pick<DashboardActions, 'update'>): number {
	const last = useRef<{cursor: number; key: string | undefined}>(undefined);
	let effective = clampCursor(cursor, keys.length);
	if (last.current?.cursor === cursor && last.current.key !== undefined && keys[effective] !== last.current.key) {
		const at = keys.indexOf(last.current.key);
		effective = at === -1 ? effective : at;
	}

	useLayoutEffect(() => {
		last.current = {cursor: effective, key: keys[effective]};
		if (effective !== cursor) {
			// Layout effect: the route is right before the next key is read (handlers use actions.current()).
			actions.update(current => ('cursor' in current && current.cursor === cursor ? {cursor: effective} : {}));
		}
	});
	return effective;
}
