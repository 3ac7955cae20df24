/*
 * Diagnostics as ValidateStateMachineDefinition returns them. Codes and
 * message styles are AWS's (recorded in LocalStack's
 * tests/aws/services/stepfunctions/v2/test_sfn_api_validation.snapshot.json and
 * other InvalidDefinition answers in its snapshots; the rest measured against
 * AWS in public issue threads, named where used).
 * Locations are JSON pointers with array indexes in brackets:
 * `/States/C/Choices[0]/Next`.
 */
import type {Diagnostic} from '../types.js';

export const schemaFailed = 'SCHEMA_VALIDATION_FAILED';

/** Past this many findings the rest are dropped (AWS answers `truncated: true`). */
export const maxDiagnostics = 100;

export class DiagnosticList {
	readonly items: Diagnostic[] = [];
	/** Checks found during the walk and run after it, one at a time between event-loop turns (see validate-definition.ts). */
	readonly deferred: Array<() => void> = [];
	truncated = false;

	later(check: () => void): void {
		this.deferred.push(check);
	}

	error(code: string, message: string, location?: string): void {
		this.add({severity: 'ERROR', code, message, ...(location !== undefined && {location})});
	}

	schema(message: string, location: string): void {
		this.error(schemaFailed, message, location);
	}

	warning(code: string, message: string, location?: string): void {
		this.add({severity: 'WARNING', code, message, ...(location !== undefined && {location})});
	}

	get hasErrors(): boolean {
		return this.items.some(item => item.severity === 'ERROR');
	}

	private add(diagnostic: Diagnostic): void {
		if (this.items.length >= maxDiagnostics) {
			this.truncated = true;
			return;
		}

		this.items.push(diagnostic);
	}
}

/** `/States` + `A` → `/States/A`; `/States/C/Choices` + 0 → `/States/C/Choices[0]`. */
export function childLocation(location: string, key: string | number): string {
	if (typeof key === 'number') {
		return `${location}[${key}]`;
	}

	return location === '/' ? `/${key}` : `${location}/${key}`;
}
