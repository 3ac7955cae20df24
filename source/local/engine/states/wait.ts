import {stateOutput, waitUntil} from '../../asl/index.js';
import {nextOf, type StateCall, type StateExit} from '../run-states.js';
import {sleepInLane} from '../timers.js';

/** Wait: until Seconds / Timestamp (or their Paths) — a stop or a failing sibling ends the wait at once. */
export async function runWait(call: StateCall): Promise<StateExit> {
	const env = call.env();
	const until = await waitUntil(call.state.definition, call.input, env, Date.now());
	await sleepInLane(until - Date.now(), call.lane);
	const {output, assign} = await stateOutput(call.state.definition, call.input, env);
	return {output, next: nextOf(call.state), ...(assign !== undefined && {assign})};
}
