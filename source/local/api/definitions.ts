import {buildMachineGraph} from '../../model/graph/asl-graph.js';
import {isRecord} from '../../model/text/json-text.js';
import {AwsError} from '../aws-error.js';

export function definitionProblem(definition: unknown): string | undefined {
	if (typeof definition !== 'string') {
		return 'SCHEMA_VALIDATION_FAILED: definition is required';
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(definition);
	} catch (error: unknown) {
		return `INVALID_JSON_DESCRIPTION: ${(error as Error).message}`;
	}

	if (!isRecord(parsed)) {
		return 'SCHEMA_VALIDATION_FAILED: the definition must be a JSON object';
	}

	try {
		buildMachineGraph(parsed);
		return undefined;
	} catch (error: unknown) {
		return `SCHEMA_VALIDATION_FAILED: ${(error as Error).message}`;
	}
}

export function requireDefinition(definition: unknown): string {
	const problem = definitionProblem(definition);
	if (problem) {
		throw new AwsError('InvalidDefinition', `Invalid State Machine Definition: '${problem}'`);
	}

	return definition as string;
}
