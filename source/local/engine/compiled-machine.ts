import {queryLanguageOf, type AslBranch, type AslDefinition, type AslState, type QueryLanguage} from '../asl/index.js';

/** One state, with what the interpreter needs resolved once per definition. */
export type CompiledState = {
	name: string;
	definition: AslState;
	language: QueryLanguage;
	/** The scope it belongs to (the machine, a branch, an item processor). */
	scope: CompiledScope;
	/** Parallel: one scope per branch. */
	branches?: CompiledScope[];
	/** Map: the item processor (ItemProcessor, or the legacy Iterator). */
	processor?: CompiledScope;
	/** Map with ItemProcessor.ProcessorConfig.Mode DISTRIBUTED. */
	distributed: boolean;
};

export type CompiledScope = {
	startAt: string;
	states: Map<string, CompiledState>;
	/** The container state (undefined for the machine's top level) and which branch of it this is. */
	container?: CompiledState;
	branchIndex?: number;
};

/** A definition ready to run: its top scope and every state by name (names are unique in a valid definition). */
export type CompiledMachine = {
	definition: AslDefinition;
	top: CompiledScope;
	byName: Map<string, CompiledState>;
};

/*
 * The interpreter is compiled once per definition object and reused by every
 * execution of it (serve parses and validates a definition once, at create;
 * store.definitionOf hands out the same object), so a start costs no parsing.
 */
const compiled = new WeakMap<AslDefinition, CompiledMachine>();

export function compileMachine(definition: AslDefinition): CompiledMachine {
	let machine = compiled.get(definition);
	if (!machine) {
		const byName = new Map<string, CompiledState>();
		const top = compileScope(definition, definition, byName);
		machine = {definition, top, byName};
		compiled.set(definition, machine);
	}

	return machine;
}

function compileScope(branch: AslBranch | AslDefinition, definition: AslDefinition, byName: Map<string, CompiledState>, container?: CompiledState, branchIndex?: number): CompiledScope {
	const scope: CompiledScope = {startAt: branch.StartAt, states: new Map(), ...(container && {container}), ...(branchIndex !== undefined && {branchIndex})};
	for (const [name, state] of Object.entries(branch.States)) {
		const processorDefinition = state.ItemProcessor ?? state.Iterator;
		const compiledState: CompiledState = {
			name,
			definition: state,
			language: queryLanguageOf(state, definition),
			scope,
			distributed: state.Type === 'Map' && state.ItemProcessor?.ProcessorConfig?.Mode === 'DISTRIBUTED',
		};
		if (state.Type === 'Parallel') {
			compiledState.branches = (state.Branches ?? []).map((inner, index) => compileScope(inner, definition, byName, compiledState, index));
		}

		if (state.Type === 'Map' && processorDefinition) {
			compiledState.processor = compileScope(processorDefinition, definition, byName, compiledState, 0);
		}

		scope.states.set(name, compiledState);
		byName.set(name, compiledState);
	}

	return scope;
}
