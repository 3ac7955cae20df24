import {notYet} from '../not-yet.js';
import type {Diagnostic} from '../types.js';

/** The message of the InvalidDefinition error CreateStateMachine / UpdateStateMachine answer with. */
export function invalidDefinitionMessage(_diagnostics: Diagnostic[]): string {
	return notYet('invalidDefinitionMessage');
}
