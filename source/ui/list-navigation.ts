import type {Dashboard} from './dashboard-context.js';
import {clampCursor} from './list-pane.js';

/**
 * The cursor keys every list view shares (up/down, a page, first/last),
 * moving from the route's latest cursor so a held key moves several rows.
 */
export function listNavigation(dashboard: Dashboard, count: number, height: number) {
	const move = (delta: number) => {
		dashboard.update(current => ({cursor: clampCursor(('cursor' in current ? clampCursor(current.cursor, count) : 0) + delta, count)}));
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
			dashboard.update({cursor: 0});
		},
		bottom() {
			dashboard.update({cursor: count - 1});
		},
	};
}
