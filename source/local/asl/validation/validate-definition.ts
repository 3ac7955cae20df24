import type {AslDefinition, Diagnostic} from '../types.js';

export type ValidationOptions = {type?: 'STANDARD' | 'EXPRESS'};

export type ValidationResult = {
	diagnostics: Diagnostic[];
	/** The parsed definition, only when no diagnostic is an ERROR. */
	definition?: AslDefinition;
};

/** Checks a definition as CreateStateMachine / ValidateStateMachineDefinition do; bounded in time whatever the text. */
export function validateDefinition(_text: string, _options: ValidationOptions = {}): ValidationResult {
	throw new Error('source/local/asl: validateDefinition has not landed yet (see BOARD.md)');
}
