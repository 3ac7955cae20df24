import {executionNameOf, machineOfExecution, mapRunNameOf} from '../model/arn.js';
import {mapRunPanelLines} from '../model/history/map-run-text.js';
import type {ScopedVariable} from '../model/history/variables.js';
import {formatDuration} from '../model/text/format.js';
import {sanitize} from '../model/text/sanitize.js';
import type {MachineState, MapRunDescription, StateSnapshot, StyledLine} from '../model/types.js';

/*
 * The parts of a state's details that today's Step Functions adds: where it
 * leads (a Distributed Map's run and its children, the child execution of a
 * startExecution task), its retries, the variables it assigned and could
 * read, and its JSONata Arguments/Output next to what they evaluated to.
 */

const label = (text: string): StyledLine[number] => ({text: text.padEnd(9), role: 'muted'});

/** The Map Run panel (a Distributed Map) or the child execution (startExecution): what `enter` opens. */
export function linkedLines(state: StateSnapshot | undefined, run: MapRunDescription | undefined, width: number, ascii: boolean): StyledLine[] {
	if (state?.mapRun) {
		const {mapRun} = state;
		const status = run?.status ?? mapRun.status;
		return [
			// Status and the hint first: the run's long name is what a narrow pane cuts.
			[label('map run'), {text: status, role: status === 'FAILED' ? 'error' : (status === 'SUCCEEDED' ? 'success' : 'status.RUNNING')}, {text: '  enter: child executions  ', role: 'muted'}, {text: sanitize(mapRunNameOf(mapRun.arn))}],
			...(mapRun.error === undefined ? [] : [[label(''), {text: `${sanitize(mapRun.error)}${mapRun.cause ? `: ${sanitize(mapRun.cause)}` : ''}`, role: 'error'}] satisfies StyledLine]),
			...(run ? mapRunPanelLines(run, width, ascii) : [[label(''), {text: 'reading the map run…', role: 'muted'}] satisfies StyledLine]),
		];
	}

	const child = state?.childExecutions?.at(-1);
	if (!child) {
		return [];
	}

	const more = state!.childExecutions!.length > 1 ? ` (${state!.childExecutions!.length} started, the newest)` : '';
	// The workflow it called first: a child's name is often a UUID that says nothing on its own.
	const machine = machineOfExecution(child)?.name;
	return [[label('child'), ...(machine ? [{text: `${sanitize(machine)} / `}] : []), {text: sanitize(executionNameOf(child)), role: 'heading'}, {text: `${more}  enter: open it`, role: 'muted'}]];
}

/** One line per retried attempt: what failed it, and how long until the next attempt. */
export function retryLines(state: StateSnapshot | undefined, maxLines: number): StyledLine[] {
	const retries = state?.retries ?? [];
	const shown = retries.slice(-maxLines);
	const lines: StyledLine[] = shown.map((retry, index) => {
		const wait = retry.failedAt !== undefined && retry.retriedAt !== undefined ? `, retried after ${formatDuration(retry.retriedAt - retry.failedAt)}` : '';
		const what = retry.error === undefined ? 'failed' : sanitize(retry.error);
		return [label(index === 0 ? 'retries' : ''), {text: `#${retry.attempt} `, role: 'muted'}, {text: what, role: 'error'}, {text: `${retry.cause ? `: ${sanitize(retry.cause)}` : ''}${wait}`, role: 'muted'}];
	});
	if (retries.length > shown.length && lines.length > 0) {
		lines[0].push({text: `  (+${retries.length - shown.length} earlier)`, role: 'muted'});
	}

	return lines;
}

/** `total=120  currency="EUR"` */
function variablesText(variables: ReadonlyArray<{name: string; value: string}>): string {
	return variables.map(variable => `${sanitize(variable.name)}=${sanitize(variable.value)}`).join('  ');
}

/** The variables the state assigned on its last exit, and those it could read when entered (with who set them). */
export function variableFields(state: StateSnapshot | undefined, scope: readonly ScopedVariable[] | undefined): Array<[string, string]> {
	const fields: Array<[string, string]> = [];
	if (state?.assignedVariables) {
		fields.push(['assigned', variablesText(Object.entries(state.assignedVariables).map(([name, value]) => ({name, value})))]);
	}

	if (scope && scope.length > 0) {
		fields.push(['in scope', variablesText(scope)]);
	}

	return fields;
}

/** A JSONata state's expressions (its definition's Arguments and Output), shown beside what they evaluated to. */
export function expressionFields(definition: MachineState | undefined): {arguments?: string; output?: string} {
	if (definition?.queryLanguage !== 'JSONata') {
		return {};
	}

	const text = (value: unknown) => (value === undefined ? undefined : (typeof value === 'string' ? value : JSON.stringify(value)));
	const argumentsText = text(definition.definition.Arguments);
	const outputText = text(definition.definition.Output);
	return {...(argumentsText !== undefined && {arguments: argumentsText}), ...(outputText !== undefined && {output: outputText})};
}
