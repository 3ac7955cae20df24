import {mapItemInput, mapItems, numericField} from '../../asl/index.js';
import {runLaneGroup} from '../lane-group.js';
import {containerExit} from '../container-exit.js';
import {runStates, type StateCall, type StateExit} from '../run-states.js';

/** AWS runs at most 40 iterations of an inline Map at once, whatever MaxConcurrency says above that. */
const inlineConcurrencyLimit = 40;

/**
 * Inline Map: each item runs the item processor in its own lane. Events as
 * AWS writes them (recorded in LocalStack v2/scenarios/test_base_scenarios.snapshot.json
 * test_map_state, test_map_state_nested, test_map_state_retry, test_map_state_catch
 * and v2/timeouts/test_timeouts.snapshot.json test_service_lambda_map_timeout):
 * - MapStateStarted {length} per attempt; an iteration's MapIterationStarted
 * chains to the Map's frontier: MapStateStarted, then the last event of the
 * iteration that finished most recently (so with MaxConcurrency 1 each
 * iteration follows the previous one);
 * - MapIterationSucceeded is a leaf chained to the iteration's last event —
 * the next MapIterationStarted points where it points;
 * - the first failing iteration writes MapIterationFailed, then for every
 * iteration still running `*StateAborted` and MapIterationAborted, all
 * chained to the failing event; a Retry writes MapStateStarted again, and
 * only the final failure one MapStateFailed;
 * - on success MapStateSucceeded and the exit both point at the last
 * MapIterationSucceeded.
 */
export async function runInlineMap(call: StateCall): Promise<StateExit> {
	const {state, lane, run} = call;
	const {name} = state;
	const processor = state.processor!;
	const kept = run.takeKept(state) ?? new Map<number, unknown>();
	return containerExit(call, 'MapStateFailed', async () => {
		const env = call.env();
		const items = await mapItems(state.definition, call.input, env);
		const maxConcurrency = await numericField(state.definition, 'MaxConcurrency', call.input, env) ?? 0;
		const started = lane.write('MapStateStarted', {length: items.length});
		const outputs = items.map((_item, index) => kept.get(index));
		// A redrive reruns only the iterations that did not succeed (the kept ones write nothing).
		const rerun = items.map((_item, index) => index).filter(index => !kept.has(index));
		let frontier = started;
		let lastSucceeded = started;
		await runLaneGroup(lane, {
			count: rerun.length,
			concurrency: Math.min(maxConcurrency > 0 ? maxConcurrency : inlineConcurrencyLimit, inlineConcurrencyLimit),
			startFrom: () => frontier,
			async run(position, iterationLane) {
				const index = rerun[position];
				const itemInput = await mapItemInput(state.definition, items[index], index, call.input, env);
				iterationLane.write('MapIterationStarted', {name, index});
				outputs[index] = await runStates(run, processor, itemInput, iterationLane, call.variables.child());
				lastSucceeded = iterationLane.note('MapIterationSucceeded', {name, index});
				frontier = iterationLane.last;
			},
			onFailure(failed, others) {
				const failing = failed.lane.last;
				lane.note('MapIterationFailed', {name, index: rerun[failed.index]}, failing);
				for (const other of others) {
					if (other.lane.current) {
						lane.note(`${other.lane.current.type}StateAborted`, undefined, failing);
					}

					lane.note('MapIterationAborted', {name, index: rerun[other.index]}, failing);
				}

				lane.last = failing;
			},
		});
		lane.last = lastSucceeded;
		lane.note('MapStateSucceeded');
		return outputs;
	});
}
