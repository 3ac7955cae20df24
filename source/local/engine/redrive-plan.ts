import {eventDetails} from '../../model/history/history-event.js';
import {VariableScope} from '../asl/index.js';
import type {CompiledMachine} from './compiled-machine.js';
import type {WireEvent} from './wire-event.js';

/**
 * What a redrive reruns, read from the history so far (AWS's rules):
 * the top-level state that did not finish, with the input it had and the
 * variables the top level had assigned by then; inside a failed Map or
 * Parallel only the iterations or branches that did not succeed run again —
 * the others keep the outputs they had and write no events.
 */
export type RedrivePlan = {
	startAt: string;
	input: unknown;
	variables: VariableScope;
	/** Outputs to keep, by iteration index (Map) or branch index (Parallel) of `startAt`. */
	kept: Map<number, unknown>;
};

type Details = Record<string, unknown>;
const parse = (text: unknown) => (typeof text === 'string' ? JSON.parse(text) as unknown : undefined);

export function redrivePlan(machine: CompiledMachine, events: readonly WireEvent[], executionInput: unknown): RedrivePlan {
	const top = machine.top.states;
	const byId = new Map(events.map(event => [event.id, event]));
	const variables = new VariableScope();
	let unfinished: {name: string; input: unknown} | undefined;
	const kept = new Map<string, Map<number, unknown>>();
	let redriven = false;
	for (const event of events) {
		const details: Details = eventDetails(event);
		const name = typeof details.name === 'string' ? details.name : '';
		if (event.type === 'ExecutionRedriven') {
			redriven = true;
		} else if (event.type.endsWith('StateEntered') && top.has(name)) {
			unfinished = {name, input: parse(details.input)};
			// A container entered again by a redrive keeps what the earlier run kept; entered again by a loop, it starts over.
			if (!redriven) {
				kept.delete(name);
			}

			redriven = false;
		} else if (event.type.endsWith('StateExited') && top.has(name)) {
			unfinished = undefined;
			if (details.assignedVariables && typeof details.assignedVariables === 'object') {
				variables.apply(Object.fromEntries(Object.entries(details.assignedVariables as Details).map(([key, value]) => [key, parse(value)])), name);
			}
		}

		keepSucceeded(machine, event, details, byId, kept);
	}

	return unfinished ? {startAt: unfinished.name, input: unfinished.input, variables, kept: kept.get(unfinished.name) ?? new Map<number, unknown>()} : {startAt: machine.top.startAt, input: executionInput, variables: new VariableScope(), kept: new Map<number, unknown>()};
}

/** Records a top-level Map's succeeded iteration, or a top-level Parallel's succeeded branch, with its output. */
function keepSucceeded(machine: CompiledMachine, event: WireEvent, details: Details, byId: Map<number, WireEvent>, kept: Map<string, Map<number, unknown>>): void {
	const keep = (container: string, index: number, output: unknown) => {
		let outputs = kept.get(container);
		if (!outputs) {
			outputs = new Map();
			kept.set(container, outputs);
		}

		outputs.set(index, output);
	};

	if (event.type === 'MapIterationSucceeded' && machine.top.states.has(String(details.name))) {
		// The iteration's last event is the exit of the state that ended it: its output is the iteration's.
		const last = byId.get(event.previousEventId);
		const exit = last ? eventDetails(last) : {};
		keep(String(details.name), Number(details.index), parse(exit.output));
		return;
	}

	const state = event.type.endsWith('StateExited') ? machine.byName.get(String(details.name)) : undefined;
	const container = state?.scope.container;
	if (state && container?.definition.Type === 'Parallel' && machine.top.states.has(container.name) && (state.definition.End === true || state.definition.Type === 'Succeed')) {
		keep(container.name, state.scope.branchIndex ?? 0, parse(details.output));
	}
}
