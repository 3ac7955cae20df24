/*
 * A scope (the machine, a Parallel branch, a Map's item processor): its
 * StartAt and States, each state, then the graph: targets that do not
 * exist, no terminal state, states nothing reaches. Measured against AWS:
 *   MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next   (also for Choices[i]/Next, Default, Catch[i]/Next)
 *   MISSING_TRANSITION_TARGET: State "pass2" is not reachable. at /States/pass2
 *     (localstack/localstack issue 11978, reproduced against AWS)
 *   MISSING_END_STATE: Workflow has no terminal state   (no location; it suppresses the
 *     unreachable-state findings; floci-io/floci pull request 2786)
 *   DUPLICATE_STATE_NAME: Duplicate State name: Add at /States/Add   (Step Functions Local, AWS's own jar)
 *   INVALID_STATE_NAME: Invalid State name: State '…' exceeds the 80-character limit allowed by the service at /States/…
 *     (ChristopheBougere/asl-validator issue 69)
 */
import {checkState} from './check-state.js';
import {unknownFields} from './check-errors.js';
import {childLocation} from './diagnostics.js';
import {branchFields, machineFields, processorFields} from './state-fields.js';
import type {ValidationContext} from './validation-context.js';

type ScopeKind = 'machine' | 'branch' | 'processor';

const allowedFields: Record<ScopeKind, Set<string>> = {machine: machineFields, branch: branchFields, processor: processorFields};

export async function checkScope(scope: unknown, location: string, kind: ScopeKind, context: ValidationContext): Promise<void> {
	const {diagnostics} = context;
	if (typeof scope !== 'object' || scope === null || Array.isArray(scope)) {
		diagnostics.schema('Expected value of type: OBJECT', location);
		return;
	}

	const fields = scope as Record<string, unknown>;
	if (kind === 'processor' && fields.QueryLanguage !== undefined) {
		diagnostics.schema('Field \'QueryLanguage\' is not supported', location);
	}

	unknownFields(Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'QueryLanguage' || kind === 'machine')), allowedFields[kind], location, diagnostics);
	if (kind === 'branch' && fields.QueryLanguage !== undefined) {
		diagnostics.schema('Field \'QueryLanguage\' is not supported', location);
	}

	const missing = ['States', 'StartAt'].filter(field => fields[field] === undefined);
	if (missing.length > 0) {
		diagnostics.schema(`These fields are required: [${missing.join(', ')}]`, location);
	}

	if (kind === 'processor' && fields.ProcessorConfig !== undefined) {
		checkProcessorConfig(fields.ProcessorConfig, childLocation(location, 'ProcessorConfig'), context);
	}

	const states = fields.States;
	if (states === undefined) {
		return;
	}

	if (typeof states !== 'object' || states === null || Array.isArray(states)) {
		diagnostics.schema('The field \'States\' must be an OBJECT', childLocation(location, 'States'));
		return;
	}

	const names = Object.keys(states);
	const statesLocation = childLocation(location, 'States');
	if (names.length === 0) {
		diagnostics.schema('Value cannot be empty', statesLocation);
	}

	const edges = new Map<string, string[]>();
	let hasTerminal = false;
	const dangling: Array<{next: string; location: string}> = [];
	let stateFindings = 0;
	for (const name of names) {
		await context.slices.breathe();
		const stateLocation = childLocation(statesLocation, name);
		checkName(name, stateLocation, context);
		const before = diagnostics.items.length;
		const summary = checkState(name, (states as Record<string, unknown>)[name], stateLocation, context);
		stateFindings += diagnostics.items.length - before;
		hasTerminal ||= summary.terminal;
		edges.set(name, summary.targets.map(target => target.next));
		dangling.push(...summary.targets.filter(target => !Object.hasOwn(states, target.next)));
		for (const nested of summary.scopes) {
			await checkScope(nested.scope, nested.location, nested.kind, context);
		}
	}

	const startAt = fields.StartAt;
	if (startAt !== undefined && typeof startAt !== 'string') {
		diagnostics.schema('The field \'StartAt\' must be a STRING', childLocation(location, 'StartAt'));
	} else if (typeof startAt === 'string' && names.length > 0 && !Object.hasOwn(states, startAt)) {
		diagnostics.error('MISSING_TRANSITION_TARGET', `Missing 'StartAt' target: ${startAt}`, childLocation(location, 'StartAt'));
	}

	for (const target of dangling) {
		diagnostics.error('MISSING_TRANSITION_TARGET', `Missing 'Next' target: ${target.next}`, target.location);
	}

	// The graph of states that are themselves malformed says nothing more (a state without Next
	// or End is not "no terminal state"), so it is only walked once the states are sound.
	if (names.length === 0 || stateFindings > 0) {
		return;
	}

	if (!hasTerminal) {
		diagnostics.error('MISSING_END_STATE', 'Workflow has no terminal state');
		return;
	}

	const reached = reachable(typeof startAt === 'string' ? startAt : names[0], edges);
	for (const name of names) {
		if (!reached.has(name)) {
			diagnostics.error('MISSING_TRANSITION_TARGET', `State "${name}" is not reachable.`, childLocation(statesLocation, name));
		}
	}
}

function checkName(name: string, location: string, context: ValidationContext): void {
	if ([...name].length > 80) {
		context.diagnostics.error('INVALID_STATE_NAME', `Invalid State name: State '${name}' exceeds the 80-character limit allowed by the service`, location);
	}

	if (context.names.has(name)) {
		context.diagnostics.error('DUPLICATE_STATE_NAME', `Duplicate State name: ${name}`, location);
	} else {
		context.names.set(name, location);
	}
}

function reachable(start: string, edges: Map<string, string[]>): Set<string> {
	const seen = new Set<string>();
	const pending = [start];
	while (pending.length > 0) {
		const name = pending.pop()!;
		if (seen.has(name) || !edges.has(name)) {
			continue;
		}

		seen.add(name);
		pending.push(...edges.get(name)!);
	}

	return seen;
}

function checkProcessorConfig(config: unknown, location: string, context: ValidationContext): void {
	if (typeof config !== 'object' || config === null || Array.isArray(config)) {
		context.diagnostics.schema('The field \'ProcessorConfig\' must be an OBJECT', location);
		return;
	}

	const {Mode: mode, ExecutionType: executionType} = config as Record<string, unknown>;
	if (mode !== undefined && mode !== 'INLINE' && mode !== 'DISTRIBUTED') {
		context.diagnostics.schema('The field \'Mode\' should have one of these values: [INLINE, DISTRIBUTED]', childLocation(location, 'Mode'));
	}

	if (executionType !== undefined && executionType !== 'STANDARD' && executionType !== 'EXPRESS') {
		context.diagnostics.schema('The field \'ExecutionType\' should have one of these values: [STANDARD, EXPRESS]', childLocation(location, 'ExecutionType'));
	}
}
