import type {NodeBox} from '../model/graph/graph-layout.js';

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The state the selection moves to: the nearest box whose centre lies in the
 * pressed direction, preferring boxes straight ahead over ones off to the side.
 */
export function moveSelection(nodes: ReadonlyMap<string, NodeBox>, current: string | undefined, direction: Direction): string | undefined {
	const from = current === undefined ? undefined : nodes.get(current);
	if (!from) {
		return nodes.keys().next().value;
	}

	const cx = from.x + (from.width / 2);
	const cy = from.y + (from.height / 2);
	let best: {name: string; score: number} | undefined;
	for (const [name, box] of nodes) {
		if (name === current) {
			continue;
		}

		const dx = box.x + (box.width / 2) - cx;
		const dy = box.y + (box.height / 2) - cy;
		const ahead = {up: -dy, down: dy, left: -dx, right: dx}[direction];
		if (ahead <= 0) {
			continue;
		}

		const aside = direction === 'up' || direction === 'down' ? Math.abs(dx) : Math.abs(dy);

		// Rows are about twice as tall as columns are wide, so weigh them alike.
		const score = direction === 'up' || direction === 'down' ? ahead + (aside / 2) : ahead + (aside * 3);
		if (!best || score < best.score) {
			best = {name, score};
		}
	}

	return best?.name ?? current;
}
