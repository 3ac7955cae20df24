import type {QueryLanguage} from '../types.js';
import type {DiagnosticList} from './diagnostics.js';
import type {TimeSlices} from './time-slices.js';

export type ValidationContext = {
	diagnostics: DiagnosticList;
	/** The machine's top-level QueryLanguage: states inside Map and Parallel inherit it, not their container's. */
	machineLanguage: QueryLanguage;
	type: 'STANDARD' | 'EXPRESS';
	/** Every state name seen so far, with where (names are unique across the whole machine). */
	names: Map<string, string>;
	/** Per state, the workflow variables it reads (DescribeStateMachine's variableReferences); filled until the end. */
	variableReferences: Map<string, Set<string>>;
	slices: TimeSlices;
};

/** What one state contributes to its scope's graph checks. */
export type StateSummary = {
	targets: Array<{next: string; location: string}>;
	terminal: boolean;
	scopes: Array<{scope: unknown; location: string; kind: 'branch' | 'processor'}>;
};

/** What a check of one state's fields needs. */
export type StateCheck = {
	name: string;
	state: Record<string, unknown>;
	location: string;
	language: QueryLanguage;
	context: ValidationContext;
	variables: Set<string>;
	summary: StateSummary;
};
