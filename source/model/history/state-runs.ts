import type {ExecutionStatus, HistoryEvent, MachineGraph, StateStatus} from '../types.js';
import {stateNameIn} from './event-owners.js';
import {executionEndStatus, payloadText} from './history-event.js';
import {settleRuns} from './run-settle.js';
import {RunStore} from './run-store.js';
import {type Lane, innermostLane, laneOutside, statusOfIterationEvent} from './run-lanes.js';
import {applyContainerEvent, applyTaskEvent, enterRun, exitRun, failAttempt, type WorkingRun} from './run-events.js';

export type {Lane} from './run-lanes.js';
export type {RunSegment, SegmentKind, StateRun} from './run-events.js';

/** The execution as the runs see it: its status and span (the timeline's scale). */
export type RunExecution = {
	status: ExecutionStatus;
	startedAt?: number;
	endedAt?: number;
	error?: string;
	cause?: string;
	redriveCount: number;
	lastEventId: number;
	eventCount: number;
};

/** The runs of a history, with Parallel branches numbered as in the definition when there is one. */
export function stateRunsOf(events: readonly HistoryEvent[], graph?: MachineGraph): StateRunLog {
	return new StateRunLog(branchIndexes(graph)).add(events);
}

/** A state's Parallel branch index from the definition (undefined without one). */
export function branchIndexes(graph: MachineGraph | undefined): (name: string) => number | undefined {
	const branches = new Map(graph?.states.filter(state => state.branch !== undefined).map(state => [state.name, state.branch!]));
	return name => branches.get(name);
}

const containerEvent = /^(Map|Parallel)State(?:Started|Succeeded|Failed|Aborted)$/;
/** How far back the end of an execution looks for the state that failed it. */
const culpritSearchLimit = 2000;

/**
 * Every state run of an execution by path, with its attempts as time segments:
 * what the diff aligns and the timeline draws. Unlike the fold (one entry per
 * state name), a state inside a Map has one run per iteration
 * (`ProcessItems[3]/ProcessItem`), and Parallel branches are lanes.
 *
 * Which iteration or branch an event belongs to comes from its
 * previousEventId: AWS chains each event to the one that caused it, so an
 * event is in the lane of the event before it, except for the events that
 * open a lane (MapIterationStarted, the first state entered after
 * ParallelStateStarted) and those that leave one (a container's own progress
 * and exit events, whose previousEventId points into its last lane). Checked
 * against LocalStack's recorded AWS histories (tests/aws/services/stepfunctions/
 * v2/scenarios/test_base_scenarios.snapshot.json: test_map_state_nested,
 * test_parallel_state_nested, test_map_state_retry, test_parallel_state_retry).
 *
 * Incremental: add() costs O(new events); runs are updated in place, and
 * `version` changes on every add that changed something.
 */
export class StateRunLog extends RunStore {
	readonly execution: RunExecution = {status: 'RUNNING', redriveCount: 0, lastEventId: 0, eventCount: 0};
	/** ParallelStateStarted event id → branch index per first state name (order of appearance). */
	private readonly branchStarts = new Map<number, Map<string, number>>();
	private readonly open = new Set<WorkingRun>();
	private readonly openLanes = new Set<Lane>();
	private readonly seen = new Set<string>();
	private lastEntered: WorkingRun | undefined;
	private lastTime: number | undefined;

	/** BranchOf: a state's Parallel branch index from the definition, when known (else order of appearance). */
	constructor(private readonly branchOf?: (stateName: string) => number | undefined) {
		super();
	}

	add(events: readonly HistoryEvent[]): this {
		let changed = false;
		for (const event of events) {
			const key = `${event.id}|${event.type}|${stateNameIn(event) ?? ''}`;
			if (this.seen.has(key)) {
				continue;
			}

			this.seen.add(key);
			changed = true;
			this.execution.eventCount++;
			this.execution.lastEventId = Math.max(this.execution.lastEventId, event.id);
			this.newestEventId = this.execution.lastEventId;
			if (event.previousEventId !== undefined && event.previousEventId > 0) {
				this.previous.set(event.id, event.previousEventId);
			}

			this.lastTime = event.timestamp ?? this.lastTime;
			this.apply(event, event.timestamp ?? this.lastTime ?? 0);
		}

		if (changed) {
			this.version++;
		}

		return this;
	}

	private apply(event: HistoryEvent, time: number): void {
		const {type} = event;
		const previousId = event.previousEventId;
		const previousKnown = previousId !== undefined && this.eventLane.has(previousId);
		const previousLane = previousKnown ? this.eventLane.get(previousId) : this.lastEntered?.lane;
		const previousRun = previousId === undefined ? undefined : this.eventRun.get(previousId);
		if (type.startsWith('Execution')) {
			this.applyExecution(event, time);
			this.eventLane.set(event.id, undefined);
			return;
		}

		const iteration = statusOfIterationEvent(type);
		if (iteration) {
			this.applyIteration(event, time, iteration, previousLane);
			return;
		}

		const named = stateNameIn(event);
		if (named !== undefined) {
			let lane = previousLane;
			if (type.endsWith('StateEntered') && previousId !== undefined && this.branchStarts.has(previousId)) {
				lane = this.branchLane(previousId, previousRun, named);
			} else if (type.endsWith('StateExited')) {
				lane = laneOutside(previousLane, named);
			}

			const run = this.runAt(lane, named, type.replace(/State(?:Entered|Exited)$/, ''));
			if (type.endsWith('StateEntered')) {
				this.enter(run, event, time);
			} else if (type.endsWith('StateExited')) {
				exitRun(run, time, payloadText(event.details.output));
				this.open.delete(run);
			} else {
				failAttempt(run, event, time);
			}

			this.record(event, run, lane);
			return;
		}

		const container = containerEvent.exec(type);
		if (container) {
			const kind = container[1];
			let run = previousRun;
			let lane = previousLane;
			if (!(previousRun?.type === kind && this.eventLane.get(previousId!) === previousRun.lane)) {
				const inner = innermostLane(previousLane, kind === 'Map' ? 'iteration' : 'branch');
				run = inner ? this.run(inner.container) : previousRun ?? this.lastEntered;
				lane = inner ? inner.parent : previousLane;
			}

			if (run) {
				if (type === 'ParallelStateStarted') {
					this.branchStarts.set(event.id, new Map());
				}

				applyContainerEvent(run, event, time);
				this.track(run);
				this.record(event, run, lane);
			}

			return;
		}

		// Task, Lambda and Activity events (and any future type): the state of the event before.
		const run = previousRun ?? this.lastEntered;
		if (run) {
			applyTaskEvent(run, event, time);
			this.track(run);
			this.record(event, run, previousKnown ? previousLane : run.lane);
		}
	}

	private enter(run: WorkingRun, event: HistoryEvent, time: number): void {
		enterRun(run, event, time);
		this.open.add(run);
		this.lastEntered = run;
	}

	private track(run: WorkingRun): void {
		if (run.status === 'RUNNING' || run.status === 'RETRYING') {
			this.open.add(run);
		} else {
			this.open.delete(run);
		}
	}

	private branchLane(startedId: number, parallel: WorkingRun | undefined, firstState: string): Lane | undefined {
		if (!parallel) {
			return undefined;
		}

		const indexes = this.branchStarts.get(startedId)!;
		let index = this.branchOf?.(firstState) ?? indexes.get(firstState);
		if (index === undefined) {
			index = indexes.size;
			indexes.set(firstState, index);
		}

		const lane = this.lane(parallel, 'branch', index, parallel.lane);
		lane.startedAt ??= this.lastTime;
		return lane;
	}

	private applyIteration(event: HistoryEvent, time: number, status: StateStatus, previousLane: Lane | undefined): void {
		const name = typeof event.details.name === 'string' ? event.details.name : undefined;
		const index = typeof event.details.index === 'number' ? event.details.index : undefined;
		if (name === undefined || index === undefined) {
			return;
		}

		const outside = laneOutside(previousLane, name);
		const container = this.runAt(outside, name, 'Map');
		const lane = this.lane(container, 'iteration', index, outside);
		lane.status = status;
		if (status === 'RUNNING') {
			lane.startedAt = time;
			delete lane.endedAt;
			this.openLanes.add(lane);
		} else {
			lane.endedAt = time;
			this.openLanes.delete(lane);
		}

		this.record(event, container, lane);
	}

	private applyExecution(event: HistoryEvent, time: number): void {
		const {execution} = this;
		const {details} = event;
		if (event.type === 'ExecutionStarted') {
			execution.startedAt = time;
			execution.status = 'RUNNING';
			return;
		}

		if (event.type === 'ExecutionRedriven') {
			execution.status = 'RUNNING';
			execution.redriveCount = typeof details.redriveCount === 'number' ? details.redriveCount : execution.redriveCount + 1;
			delete execution.endedAt;
			delete this.endEventId;
			return;
		}

		const status = executionEndStatus[event.type];
		if (!status) {
			return;
		}

		execution.status = status;
		execution.endedAt = time;
		this.endEventId = event.id;
		if (status !== 'SUCCEEDED') {
			execution.error = typeof details.error === 'string' ? details.error : execution.error;
			execution.cause = payloadText(details.cause) ?? execution.cause;
		}

		settleRuns({open: this.open, openLanes: this.openLanes, culprit: status === 'FAILED' ? this.culpritOf(event) : undefined, status, event, time});
	}

	private culpritOf(event: HistoryEvent): WorkingRun | undefined {
		let steps = 0;
		const visited = new Set<number>();
		for (let id = this.previous.get(event.id); id !== undefined && !visited.has(id) && steps < culpritSearchLimit; id = this.previous.get(id), steps++) {
			visited.add(id);
			const run = this.eventRun.get(id);
			if (run && this.open.has(run) && run.type !== 'Map' && run.type !== 'Parallel') {
				return run;
			}
		}

		return this.lastEntered && this.open.has(this.lastEntered) ? this.lastEntered : undefined;
	}
}
