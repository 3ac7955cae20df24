import {useRef} from 'react';
import {branchIndexes, StateRunLog} from '../model/history/state-runs.js';
import type {ExecutionData, HistoryEvent} from '../model/types.js';

type Kept = {arn: string; graph: ExecutionData['graph']; runs: StateRunLog; seen: number; last?: HistoryEvent};

/**
 * The state runs of a followed execution, kept up to date at the cost of the
 * new events only: a follower's events only grow, so each render adds what
 * came since the last one (and starts over if the list is not the same one).
 */
export function useStateRuns(data: ExecutionData | undefined): {runs: StateRunLog | undefined; version: number} {
	const kept = useRef<Kept>(undefined);
	if (!data) {
		return {runs: undefined, version: 0};
	}

	const {events} = data;
	let entry = kept.current;
	if (entry?.arn !== data.description.arn || entry.graph !== data.graph || events.length < entry.seen || (entry.seen > 0 && events[entry.seen - 1] !== entry.last)) {
		entry = {arn: data.description.arn, graph: data.graph, runs: new StateRunLog(branchIndexes(data.graph)), seen: 0};
		kept.current = entry;
	}

	if (entry.seen < events.length) {
		entry.runs.add(events.slice(entry.seen));
		entry.seen = events.length;
		entry.last = events.at(-1);
	}

	return {runs: entry.runs, version: entry.runs.version};
}
