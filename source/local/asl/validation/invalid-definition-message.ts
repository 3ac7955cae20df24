import type {Diagnostic} from '../types.js';

/** The message of the InvalidDefinition error CreateStateMachine / UpdateStateMachine answer with. */
export function invalidDefinitionMessage(_diagnostics: Diagnostic[]): string {
	throw new Error('source/local/asl: invalidDefinitionMessage has not landed yet (see BOARD.md)');
}
