import {iterationBadge, stateStatusRole, statusMarker} from '../text/status-style.js';
import type {ExecutionSnapshot} from '../types.js';
import type {NodeDecoration} from './graph-render.js';

const failedStatuses = new Set(['FAILED', 'TIMED_OUT']);

/**
 * How each state of an execution looks in the graph: coloured by status, a
 * marker glyph (readable without colour), Map counts as a badge (a
 * Distributed Map's from `badges`: its map run's counts), the running
 * state(s) highlighted, and — once the execution has failed — the state it
 * failed in highlighted in red. Shared by replay and the dashboard.
 */
/** `badges`: a Distributed Map's map run counts (they win over the history's), else marks such as the variables a state assigns (Map counts win over them). */
export function decorateByStatus(snapshot: ExecutionSnapshot, options: {ascii: boolean; selected?: string; badges?: ReadonlyMap<string, string>}): (name: string) => NodeDecoration | undefined {
	const active = new Set(snapshot.activeStates);
	return name => {
		const state = snapshot.states.get(name);
		if (!state) {
			return name === options.selected ? {emphasis: 'selected'} : undefined;
		}

		let emphasis: NodeDecoration['emphasis'];
		if (name === options.selected) {
			emphasis = 'selected';
		} else if (active.has(name)) {
			emphasis = 'active';
		} else if (failedStatuses.has(state.status) && snapshot.status !== 'RUNNING') {
			emphasis = 'alert';
		}

		// A Distributed Map's counts come from its map run (DescribeMapRun), not from this history.
		const badge = (state.mapRun && options.badges?.get(name)) || (state.iterations && iterationBadge(state.iterations, options.ascii)) || options.badges?.get(name);
		return {
			role: stateStatusRole(state.status),
			marker: statusMarker(state.status, options.ascii),
			...(badge && {badge}),
			...(emphasis && {emphasis}),
		};
	};
}
