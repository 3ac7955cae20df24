import type {DashboardActions} from './dashboard-context.js';
import {clampCursor} from './list-pane.js';

/**
 * The cursor keys every list view shares (up/down, a page, first/last),
 * moving from the route's latest cursor so a held key moves several rows.
 */
export function listNavigation(actions: Pick<DashboardActions, 'update'>, count: number, height: number) {
	const move = (delta: number) => {
		actions.update(current => ({cursor: clampCursor(('cursor' in current ? clampCursor(current.cursor, count) : 0) + delta, count)}));
	};

	return {
		up() {
			move(-1);
		},
		down() {
			move(1);
		},
		pageUp() {
			move(-(height - 4));
		},
		pageDown() {
			move(height - 4);
		},
		top() {
			actions.update({cursor: 0});
		},
		bottom() {
			actions.update({cursor: count - 1});
		},
	};
}
