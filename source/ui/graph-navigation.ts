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

	const anchor = anchorOf(nodes);
	const {x: cx, y: cy} = anchor(from);
	let best: {name: string; score: number} | undefined;
	for (const [name, box] of nodes) {
		if (name === current) {
			continue;
		}

		const point = anchor(box);
		const dx = point.x - cx;
		const dy = point.y - cy;
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

/**
 * Where a box is for moving: its centre, but a Map or Parallel box (one that
 * holds others) by its title row — its centre can be the centre of the only
 * state inside it, which then no arrow key could reach.
 */
function anchorOf(nodes: ReadonlyMap<string, NodeBox>): (box: NodeBox) => {x: number; y: number} {
	const holdsOthers = (box: NodeBox) => [...nodes.values()].some(other => other !== box && other.x >= box.x && other.y > box.y && other.x + other.width <= box.x + box.width && other.y + other.height <= box.y + box.height);
	const containers = new Set([...nodes.values()].filter(box => holdsOthers(box)));
	return box => ({x: box.x + (box.width / 2), y: containers.has(box) ? box.y : box.y + (box.height / 2)});
}
