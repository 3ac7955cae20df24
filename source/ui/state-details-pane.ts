import {formatDuration, formatTime} from '../model/text/format.js';
import {sanitize} from '../model/text/sanitize.js';
import {stateStatusRole, statusMarker} from '../model/text/status-style.js';
import type {ScopedVariable} from '../model/history/variables.js';
import type {MachineGraph, MapRunDescription, StateSnapshot, StyledLine} from '../model/types.js';
import {expressionFields, linkedLines, retryLines, variableFields} from './state-details-links.js';
import {compactPayload, wrapText} from './text-wrap.js';

/**
 * The selected state's details: status, attempts, duration, where it leads
 * (a map run, a child execution), resource, error, cause, retries, the
 * variables it assigned and could read, its JSONata expressions beside what
 * they evaluated to, input and output. Long values wrap over a few lines; the log pane
 * below gets the rest of the room.
 */
export function stateDetailsLines(options: {
	name: string | undefined;
	state: StateSnapshot | undefined;
	graph: MachineGraph;
	width: number;
	ascii: boolean;
	/** How many lines the longest fields (cause, input, output) may use. */
	fieldLines: number;
	/** A Distributed Map's run, as DescribeMapRun last told it. */
	mapRun?: MapRunDescription;
	/** The variables the state could read when it was last entered. */
	scope?: readonly ScopedVariable[];
	/** The Distributed Map the state runs under (in child executions, never in this history), and whether its run started. */
	inDistributedMap?: {name: string; started: boolean};
}): StyledLine[] {
	const {name, state, graph, width, ascii} = options;
	if (name === undefined) {
		return [[{text: 'no state selected', role: 'muted'}]];
	}

	const definition = graph.states.find(candidate => candidate.name === name);
	const status = state?.status ?? 'NOT_STARTED';
	const lines: StyledLine[] = [[
		{text: sanitize(name), role: 'heading'},
		{text: definition ? `  ${definition.type}  ` : '  '},
		{text: `${statusMarker(status, ascii)} ${status}`, role: stateStatusRole(status)},
		...(definition?.queryLanguage === 'JSONata' ? [{text: '  JSONata', role: 'muted' as const}] : []),
	]];
	const facts = [
		`attempts ${state?.attempts ?? 0}`,
		`duration ${formatDuration(state?.durationMs)}`,
		...(state?.enteredAt === undefined ? [] : [`entered ${formatTime(state.enteredAt).slice(11)}`]),
	];
	if (state?.iterations) {
		const it = state.iterations;
		facts.push(`items ${it.succeeded}/${it.total} ok, ${it.failed} failed, ${it.running} running`);
	}

	if (state?.branches) {
		facts.push(`branches ${state.branches.join(' ')}`);
	}

	lines.push([{text: facts.join(' '.repeat(3)), role: 'muted'}]);
	const field = (label: string, value: string | undefined, role?: StyledLine[number]['role'], maxLines = 1) => {
		if (value === undefined || value === '') {
			return;
		}

		const pieces = wrapText(sanitize(value, {tabWidth: 2}), Math.max(1, width - 9), maxLines);
		for (const [index, piece] of pieces.entries()) {
			lines.push([{text: index === 0 ? label.padEnd(9) : ' '.repeat(9), role: 'muted'}, role ? {text: piece, role} : {text: piece}]);
		}
	};

	if (options.inDistributedMap) {
		const {name: mapName, started} = options.inDistributedMap;
		lines.push([{text: 'runs in'.padEnd(9), role: 'muted'}, {text: `each child execution of ${sanitize(mapName)}'s map run`}, {text: started ? '  enter: open them' : '', role: 'muted'}]);
	}

	lines.push(...linkedLines(state, options.mapRun, width, ascii));
	field('resource', state?.resource ?? definition?.resource, undefined, 2);
	field('error', state?.error, 'error');
	field('cause', state?.cause, 'error', options.fieldLines);
	lines.push(...retryLines(state, Math.max(1, options.fieldLines - 1)));
	for (const [label, value] of variableFields(state, options.scope)) {
		field(label, value, undefined, options.fieldLines);
	}

	const expressions = expressionFields(definition);
	field('arg expr', expressions.arguments, 'muted', options.fieldLines);
	field('args', compactPayload(state?.arguments), undefined, options.fieldLines);
	field('input', compactPayload(state?.input), undefined, options.fieldLines);
	field('out expr', expressions.output, 'muted', options.fieldLines);
	field('output', compactPayload(state?.output), undefined, options.fieldLines);
	return lines;
}
