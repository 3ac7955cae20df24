import {effectiveInput} from '../../asl/index.js';
import {runLaneGroup} from '../lane-group.js';
import {containerExit} from '../container-exit.js';
import {runStates, type StateCall, type StateExit} from '../run-states.js';

/**
 * Parallel: every branch at once on the same input, the output an array in
 * branch order. Events as AWS writes them (recorded in LocalStack
 * v2/scenarios/test_base_scenarios.snapshot.json test_parallel_state_*):
 * ParallelStateStarted per attempt (a Retry writes it again, not a
 * ParallelStateFailed per attempt), each branch's first event chained to it;
 * the first failing branch aborts the others (`*StateAborted` for the state
 * each was in, chained to the failing event) and, once no retrier takes it,
 * one ParallelStateFailed. On success ParallelStateSucceeded and the exit
 * both point at the last branch event.
 */
export async function runParallel(call: StateCall): Promise<StateExit> {
	const {state, lane, run} = call;
	const branches = state.branches ?? [];
	const kept = run.takeKept(state) ?? new Map<number, unknown>();
	return containerExit(call, 'ParallelStateFailed', async () => {
		const branchInput = await effectiveInput(state.definition, call.input, call.env());
		const started = lane.write('ParallelStateStarted');
		const outputs = branches.map((_branch, index) => kept.get(index));
		// A redrive reruns only the branches that did not succeed (the kept ones write nothing).
		const rerun = branches.map((_branch, index) => index).filter(index => !kept.has(index));
		let lastFinished = started;
		await runLaneGroup(lane, {
			count: rerun.length,
			concurrency: rerun.length,
			startFrom: () => started,
			async run(position, branchLane) {
				const index = rerun[position];
				outputs[index] = await runStates(run, branches[index], branchInput, branchLane, call.variables.child());
				lastFinished = branchLane.last;
			},
			onFailure(failed, others) {
				for (const other of others) {
					if (other.lane.current) {
						lane.note(`${other.lane.current.type}StateAborted`, undefined, failed.lane.last);
					}
				}

				lane.last = failed.lane.last;
			},
		});
		lane.last = lastFinished;
		lane.note('ParallelStateSucceeded');
		return outputs;
	});
}
