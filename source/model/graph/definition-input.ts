import {isRecord, parseJsonText} from '../text/json-text.js';
import {UserError} from '../user-error.js';

/**
 * Finds the Amazon States Language object in what people actually save:
 * plain ASL; `{"definition": "..."}` as printed by `aws stepfunctions
 * describe-state-machine`; `Definition`/`DefinitionString` wrappers (the
 * string form holds JSON); a CloudFormation/SAM template or resource with
 * `DefinitionBody`/`Definition`/`DefinitionString` (the first state machine found).
 */
export function findDefinition(value: unknown, what: string): Record<string, unknown> {
	const found = search(value, 0);
	if (!found) {
		throw new UserError(`${what} is not an Amazon States Language definition: no "StartAt" and "States" found`);
	}

	return found;
}

function looksLikeAsl(value: Record<string, unknown>): boolean {
	return typeof value.StartAt === 'string' && isRecord(value.States);
}

const wrapperKeys = ['definition', 'Definition', 'DefinitionString', 'DefinitionBody', 'Properties'];

function search(value: unknown, depth: number): Record<string, unknown> | undefined {
	if (depth > 6) {
		return undefined;
	}

	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (!trimmed.startsWith('{')) {
			return undefined;
		}

		try {
			return search(JSON.parse(trimmed), depth + 1);
		} catch {
			return undefined;
		}
	}

	if (!isRecord(value)) {
		return undefined;
	}

	if (looksLikeAsl(value)) {
		return value;
	}

	for (const key of wrapperKeys) {
		const found = search(value[key], depth + 1);
		if (found) {
			return found;
		}
	}

	// A CloudFormation/SAM template: Resources.<Name>.Properties.Definition*.
	if (isRecord(value.Resources)) {
		for (const resource of Object.values(value.Resources)) {
			const found = search(resource, depth + 1);
			if (found) {
				return found;
			}
		}
	}

	return undefined;
}

/** Parse a definition file's text (see findDefinition for the accepted shapes). */
export function parseDefinitionText(text: string, what: string): Record<string, unknown> {
	return findDefinition(parseJsonText(text, what), what);
}
