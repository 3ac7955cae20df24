import {invalidDefinitionMessage, validateDefinition, type AslDefinition, type Diagnostic} from '../asl/index.js';
import {AwsError} from '../aws-error.js';

/*
 * Definitions are validated once, when a machine is created or updated (and
 * by ValidateStateMachineDefinition), by the asl validator: AWS's codes,
 * messages and locations, bounded in time (it yields to the event loop). The
 * parsed definition is kept (store.rememberDefinition); StartExecution never
 * validates again.
 */

export type CheckedDefinition = {text: string; definition: AslDefinition; variableReferences: Record<string, string[]>};

type MachineType = 'STANDARD' | 'EXPRESS';

/** The definition parsed, or AWS's InvalidDefinition. */
export async function checkDefinition(text: string, type: MachineType): Promise<CheckedDefinition> {
	const result = await validateDefinition(text, {type});
	if (!result.definition || result.diagnostics.some(diagnostic => diagnostic.severity === 'ERROR')) {
		throw new AwsError('InvalidDefinition', invalidDefinitionMessage(result.diagnostics));
	}

	return {text, definition: result.definition, variableReferences: result.variableReferences};
}

/** ValidateStateMachineDefinition's answer: `severity` ERROR (default) shows errors only, WARNING both; at most `maxResults` (0: 100). */
export async function validationReport(body: Record<string, unknown>): Promise<{result: 'OK' | 'FAIL'; diagnostics: Diagnostic[]; truncated: boolean}> {
	const result = await validateDefinition(body.definition as string, {type: body.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD'});
	const shown = body.severity === 'WARNING' ? result.diagnostics : result.diagnostics.filter(diagnostic => diagnostic.severity === 'ERROR');
	const limit = typeof body.maxResults === 'number' && body.maxResults > 0 ? body.maxResults : 100;
	return {
		result: result.diagnostics.some(diagnostic => diagnostic.severity === 'ERROR') ? 'FAIL' : 'OK',
		diagnostics: shown.slice(0, limit),
		truncated: result.truncated || shown.length > limit,
	};
}
