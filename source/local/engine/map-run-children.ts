import type {ChildExecution, ChildResult, ExecutionHost, MapRunChildRequest} from './execution-host.js';
import {fairTurn} from './fair-turn.js';
import {StateFailure} from './failure.js';
import type {Lane} from './lane.js';
import type {MapRun} from './map-run.js';

/** AWS runs at most 10,000 children of a map run at once (MaxConcurrency 0 means that many). */
const concurrencyLimit = 10_000;

export type ChildPlan = {
	/** The children's inputs (items, or batches of them). */
	inputs: string[];
	/** Outputs kept from an earlier run (a redrive), by child index: those children do not run again. */
	kept: Map<number, unknown>;
	/** Children of an earlier run to redrive rather than start anew (Standard children that did not succeed). */
	redrive: Set<number>;
	child: Omit<MapRunChildRequest, 'index' | 'input'>;
};

export const toleranceFailure = () => new StateFailure('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');

/**
 * Runs a map run's children, at most the run's maxConcurrency at a time
 * (UpdateMapRun applies from the next start); collects their outputs in
 * order — a child that failed within the tolerance gives its error output
 * `{Error, Cause}` there (serve's choice: AWS writes failed children's
 * results only with a ResultWriter). Once the tolerance is exceeded, or the
 * Map's lane is aborted (the parent stopped, a sibling failed), running
 * children are stopped and no more start.
 */
export async function runMapRunChildren(host: ExecutionHost, mapRun: MapRun, lane: Lane, plan: ChildPlan): Promise<unknown[]> {
	const count = plan.inputs.length;
	const outputs: unknown[] = Array.from({length: count}, (_value, index) => plan.kept.get(index));
	const queue = [...Array.from({length: count}).keys()].filter(index => !plan.kept.has(index));
	/** Children started or starting (a slot is taken before the start call returns). */
	const active = new Set<number>();
	const running = new Map<number, ChildExecution>();
	let failure: Error | undefined;
	const stopAll = () => {
		for (const child of running.values()) {
			child.stop();
		}
	};

	await new Promise<void>(resolve => {
		const limit = () => (mapRun.record.maxConcurrency > 0 ? Math.min(mapRun.record.maxConcurrency, concurrencyLimit) : concurrencyLimit);
		const canStart = () => failure === undefined && !lane.aborted && queue.length > 0 && active.size < limit();
		const launch = () => {
			while (canStart()) {
				const index = queue.shift()!;
				active.add(index);
				void start(index);
			}

			if (active.size === 0 && (queue.length === 0 || failure !== undefined || lane.aborted)) {
				stopListening();
				unwatch();
				resolve();
			}
		};

		const start = async (index: number) => {
			let child: ChildExecution | undefined;
			try {
				await fairTurn();
				child = plan.redrive.has(index) ? host.redriveMapRunChild(mapRun.record.children[index].executionArn ?? '') : undefined;
				child ??= await host.startMapRunChild({...plan.child, index, input: plan.inputs[index]});
				running.set(index, child);
				mapRun.setChild(index, {executionArn: child.executionArn, status: 'RUNNING'});
				const result = await child.finished;
				settle(index, result);
			} catch (error) {
				failure ??= error instanceof Error ? error : new Error(String(error));
			} finally {
				running.delete(index);
				active.delete(index);
				launch();
			}
		};

		const settle = (index: number, result: ChildResult) => {
			mapRun.setChild(index, {status: result.status});
			if (result.status === 'SUCCEEDED') {
				outputs[index] = JSON.parse(result.output ?? 'null') as unknown;
				return;
			}

			outputs[index] = {...(result.error !== undefined && {Error: result.error}), ...(result.cause !== undefined && {Cause: result.cause})};
			if (failure === undefined && mapRun.toleranceExceeded()) {
				failure = toleranceFailure();
				stopAll();
			}
		};

		const stopListening = lane.onAbort(stopAll);
		// UpdateMapRun may allow more at once, or tolerate what has already failed.
		const unwatch = mapRun.onChange(() => {
			queueMicrotask(launch);
		});
		launch();
	});
	if (failure !== undefined) {
		throw failure;
	}

	lane.assertOpen();
	return outputs;
}
