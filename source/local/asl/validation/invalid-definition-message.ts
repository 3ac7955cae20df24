import type {Diagnostic} from '../types.js';

/**
 * The message of the InvalidDefinition error CreateStateMachine and
 * UpdateStateMachine answer with: every ERROR as `CODE: message at location`,
 * joined with ", " (recorded: "Invalid State Machine Definition:
 * 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
 * LocalStack v2/test_sfn_api.snapshot.json; two findings joined, localstack
 * issue 11978; "… at null" without a location, floci-io/floci issue 2735).
 * A JSON syntax error already carries its position in the message.
 */
export function invalidDefinitionMessage(diagnostics: Diagnostic[]): string {
	const findings = diagnostics
		.filter(diagnostic => diagnostic.severity === 'ERROR')
		.map(({code, message, location}) => code === 'INVALID_JSON_DESCRIPTION' ? `${code}: ${message}` : `${code}: ${message} at ${location ?? 'null'}`);
	return `Invalid State Machine Definition: '${findings.join(', ')}'`;
}
