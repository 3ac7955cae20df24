import {choose} from '../../asl/index.js';
import type {StateCall, StateExit} from '../run-states.js';

/** Choice: the first rule that matches picks Next (else Default; else States.NoChoiceMatched). */
export async function runChoice(call: StateCall): Promise<StateExit> {
	const {next, output, assign} = await choose(call.state.definition, call.input, call.env());
	return {output, next, ...(assign !== undefined && {assign})};
}
