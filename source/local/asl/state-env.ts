import type {ContextObject, QueryLanguage} from './types.js';
import type {VariableScope} from './variable-scope.js';

/** What a state's data rules can see besides its input: `$$` / `$states.context`, `$name` variables, and its language. */
export type StateEnv = {
	context: ContextObject;
	variables: VariableScope;
	language: QueryLanguage;
	/** The id of the state's `*StateEntered` event: AWS names it in the cause of errors the state's data rules raise. */
	enteredEventId?: number;
};

/** A state's output and, when it has `Assign`, the values to store (the engine applies them with VariableScope.apply). */
export type StateExit = {
	output: unknown;
	assign?: Record<string, unknown>;
};
