import type {StateEnv, StateType, VariableScope} from '../asl/index.js';
import type {CompiledScope, CompiledState} from './compiled-machine.js';
import {contextObject} from './context-object.js';
import type {ExecutionRun} from './execution-run.js';
import {fairTurn} from './fair-turn.js';
import {errorMatches, StateFailure} from './failure.js';
import type {Lane} from './lane.js';
import {checkedPayload, payloadText} from './payload-limit.js';
import {dataFailure} from './data-failure.js';
import {caughtExit} from './catch.js';
import {stateRunners} from './states/index.js';

/** What a state's runner is given: the state, its input, its lane and variables, and the env for the data rules. */
export type StateCall = {
	run: ExecutionRun;
	state: CompiledState;
	input: unknown;
	lane: Lane;
	variables: VariableScope;
	/** The `*StateEntered` event and the event it pointed to (AWS chains EvaluationFailed to the latter). */
	enteredId: number;
	enteredPrevious: number;
	enteredTime: number;
	/** The data rules' env; a Task passes its retry count (`$$.State.RetryCount`). */
	env(retryCount?: number): StateEnv;
};

/** How a state ended: its output, the next state (none: its scope ends) and the variables it assigns. */
export type StateExit = {output: unknown; next?: string; assign?: Record<string, unknown>};

export type StateRunner = (call: StateCall) => Promise<StateExit>;

/** `Next`, or nothing for `End: true` (a Choice decides its own). */
export const nextOf = (state: CompiledState): string | undefined => (state.definition.End ? undefined : state.definition.Next);

/**
 * Runs one scope (the machine, a Parallel branch, a Map iteration) from
 * `startAt` until a state ends it; returns the scope's output or throws the
 * failure no Catch took.
 */
export async function runStates(run: ExecutionRun, scope: CompiledScope, input: unknown, lane: Lane, variables: VariableScope, startAt = scope.startAt): Promise<unknown> {
	let name = startAt;
	let value = input;
	for (;;) {
		await fairTurn();
		lane.assertOpen();
		const state = scope.states.get(name);
		if (!state) {
			// A valid definition never gets here (validation checks every Next).
			throw new StateFailure('States.Runtime', `The state '${name}' is not in the definition.`, true);
		}

		const exit = await runState(run, state, value, lane, variables);
		run.assertMachineKept();
		if (exit.next === undefined) {
			return exit.output;
		}

		name = exit.next;
		value = exit.output;
	}
}

async function runState(run: ExecutionRun, state: CompiledState, input: unknown, lane: Lane, variables: VariableScope): Promise<StateExit> {
	const type: StateType = state.definition.Type;
	const enteredPrevious = lane.last;
	const enteredTime = Date.now();
	lane.current = {name: state.name, type};
	const enteredId = lane.write(`${type}StateEntered`, {name: state.name, input: payloadText(input), inputDetails: {truncated: false}});
	const call: StateCall = {
		run,
		state,
		input,
		lane,
		variables,
		enteredId,
		enteredPrevious,
		enteredTime,
		env: retryCount => ({
			context: contextObject(run.identity, {name: state.name, enteredTime, retryCount: type === 'Task' ? (retryCount ?? 0) : undefined}),
			variables,
			language: state.language,
			enteredEventId: enteredId,
		}),
	};

	let exit: StateExit;
	try {
		exit = await stateRunners[type](call);
	} catch (error) {
		const failure = dataFailure(call, error);
		const catchers = state.definition.Catch ?? [];
		const index = catchers.findIndex(catcher => errorMatches(catcher.ErrorEquals, failure));
		if (index === -1) {
			throw failure;
		}

		exit = await caughtExit(call, catchers[index], index, failure);
	}

	return exitState(call, exit);
}

/** Stores the state's assignments and writes `*StateExited` with its output (and assignedVariables, as AWS does). */
function exitState(call: StateCall, exit: StateExit): StateExit {
	const {state, lane, variables} = call;
	let assigned: Record<string, unknown> = {};
	if (exit.assign !== undefined) {
		try {
			variables.apply(exit.assign, state.name);
		} catch (error) {
			throw dataFailure(call, error, true);
		}

		assigned = {assignedVariables: Object.fromEntries(Object.entries(exit.assign).map(([name, value]) => [name, payloadText(value)])), assignedVariablesDetails: {truncated: false}};
	}

	// An output over the limit fails the execution without an exit event (recorded: v2/error_handling/test_states_errors test_start_large_input).
	const output = checkedPayload(exit.output, state.name, true);
	lane.write(`${state.definition.Type}StateExited`, {...assigned, name: state.name, output, outputDetails: {truncated: false}});
	return exit;
}
