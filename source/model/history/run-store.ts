import type {HistoryEvent} from '../types.js';
import type {Lane} from './run-lanes.js';
import type {WorkingRun} from './run-events.js';

/** The runs and lanes of an execution, by path and in start order: what StateRunLog fills and its readers read. */
export class RunStore {
	/** Changes whenever a run or lane does. */
	version = 0;
	private readonly byPath = new Map<string, WorkingRun>();
	private readonly ordered: WorkingRun[] = [];
	private readonly lanesByKey = new Map<string, Lane>();
	private readonly lanesByContainer = new Map<string, Lane[]>();
	private readonly runsByLane = new Map<string, WorkingRun[]>();
	/** Which run and lane each event belongs to, and what caused it (previousEventId). */
	protected readonly eventRun = new Map<number, WorkingRun>();
	protected readonly eventLane = new Map<number, Lane | undefined>();
	protected readonly previous = new Map<number, number>();
	/** The execution's end event, or undefined while it runs. */
	protected endEventId: number | undefined;
	protected newestEventId: number | undefined;
	private critical: {version: number; runs: Set<string>; lanes: Set<string>} | undefined;

	/** Runs in the order they started. */
	get runs(): readonly WorkingRun[] {
		return this.ordered;
	}

	run(path: string): WorkingRun | undefined {
		return this.byPath.get(path);
	}

	/** The lanes (iterations, branches) of a Map or Parallel run, in the order they started. */
	lanesOf(containerPath: string): readonly Lane[] {
		return this.lanesByContainer.get(containerPath) ?? [];
	}

	/** The runs directly in a lane (undefined: the top level), in start order. */
	runsIn(lane: Lane | undefined): readonly WorkingRun[] {
		return this.runsByLane.get(lane?.key ?? '') ?? [];
	}

	protected runAt(lane: Lane | undefined, name: string, type: string): WorkingRun {
		const path = `${lane?.prefix ?? ''}${name}`;
		let run = this.byPath.get(path);
		if (!run) {
			run = {path, name, type, ...(lane && {lane}), order: this.ordered.length, status: 'NOT_STARTED', attempts: 0, segments: [], lastAttemptFailed: false, lastFailureTimedOut: false, containerStarts: 0, lastEventId: 0};
			this.byPath.set(path, run);
			this.ordered.push(run);
			const key = lane?.key ?? '';
			const siblings = this.runsByLane.get(key) ?? [];
			siblings.push(run);
			this.runsByLane.set(key, siblings);
		}

		return run;
	}

	protected lane(container: WorkingRun, kind: Lane['kind'], index: number, parent: Lane | undefined): Lane {
		const key = kind === 'iteration' ? `${container.path}[${index}]` : `${container.path}{${index}}`;
		let lane = this.lanesByKey.get(key);
		if (!lane) {
			lane = {key, kind, container: container.path, containerName: container.name, index, depth: (parent?.depth ?? 0) + 1, prefix: kind === 'iteration' ? `${key}/` : `${container.path}/`, ...(parent && {parent}), status: 'RUNNING', order: this.lanesByKey.size};
			this.lanesByKey.set(key, lane);
			const lanes = this.lanesByContainer.get(container.path) ?? [];
			lanes.push(lane);
			this.lanesByContainer.set(container.path, lanes);
		}

		return lane;
	}

	/**
	 * The critical path: the chain of causes (previousEventId) back from the
	 * execution's end, or from its newest event while it runs. A Parallel
	 * ends when its slowest branch does and a Map with its slowest iteration,
	 * and AWS points their end events at exactly those, so the chain passes
	 * through the lanes that decided how long the execution took.
	 */
	criticalPath(): {runs: ReadonlySet<string>; lanes: ReadonlySet<string>} {
		if (this.critical?.version === this.version) {
			return this.critical;
		}

		const runs = new Set<string>();
		const lanes = new Set<string>();
		const visited = new Set<number>();
		for (let id: number | undefined = this.endEventId ?? this.newestEventId; id !== undefined && !visited.has(id); id = this.previous.get(id)) {
			visited.add(id);
			const run = this.eventRun.get(id);
			if (run) {
				runs.add(run.path);
			}

			for (let lane = this.eventLane.get(id); lane; lane = lane.parent) {
				lanes.add(lane.key);
			}
		}

		this.critical = {version: this.version, runs, lanes};
		return this.critical;
	}

	protected record(event: HistoryEvent, run: WorkingRun, lane: Lane | undefined): void {
		this.eventRun.set(event.id, run);
		this.eventLane.set(event.id, lane);
		run.lastEventId = event.id;
	}
}
