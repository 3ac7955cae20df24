import {buildMachineGraph} from '../model/graph/asl-graph.js';
import {parseDefinitionText} from '../model/graph/definition-input.js';
import {formatDuration, formatTime, isoOrNull} from '../model/text/format.js';
import {graphFromHistory} from '../model/graph/graph-from-history.js';
import {layoutGraph} from '../model/graph/graph-layout.js';
import {renderGraph} from '../model/graph/graph-render.js';
import {branchStatuses} from '../model/history/branch-statuses.js';
import {createSnapshot, foldEvents} from '../model/history/history-fold.js';
import {parseHistoryText} from '../model/history/history-input.js';
import {sanitize, terminalSafeJson} from '../model/text/sanitize.js';
import {decorateByStatus} from '../model/graph/status-decoration.js';
import {variableBadges} from '../model/graph/variable-marks.js';
import {executionStatusRole} from '../model/text/status-style.js';
import {stateTable} from '../model/history/state-table.js';
import {clipLine} from '../model/text/width.js';
import {stateRunsOf, type StateRunLog} from '../model/history/state-runs.js';
import {timelineLegend, timelineLines} from '../model/timeline/timeline-lines.js';
import {timelineRows} from '../model/timeline/timeline-rows.js';
import {lineToAnsi, pickTheme} from '../model/text/theme.js';
import type {ExecutionSnapshot, HistoryEvent, MachineGraph, StyledLine} from '../model/types.js';
import {UserError} from '../model/user-error.js';
import {defineCommand} from './command.js';
import {displayFlagHelp, displayFlags} from './global-flags.js';
import {readInputFile} from './read-input.js';

/** The one execution of a history file (log-record files may hold several: `wanted` picks one). */
export function pickExecution(executions: Map<string, HistoryEvent[]>, wanted: string | undefined): HistoryEvent[] {
	if (wanted) {
		const events = executions.get(wanted);
		if (!events) {
			throw new UserError(`no records of execution ${sanitize(wanted)} in this file; it holds ${[...executions.keys()].map(arn => sanitize(arn)).join(', ')}`);
		}

		return events;
	}

	if (executions.size > 1) {
		throw new UserError(`this file holds records of ${executions.size} executions; pick one with --execution ARN: ${[...executions.keys()].map(arn => sanitize(arn)).join(', ')}`);
	}

	return [...executions.values()][0];
}

/** AWS writes each assigned variable as JSON text; --json readers get the values. */
function parsedVariables(assigned: Record<string, string>): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const [name, text] of Object.entries(assigned)) {
		try {
			values[name] = JSON.parse(text) as unknown;
		} catch {
			values[name] = text;
		}
	}

	return values;
}

export function replayJson(snapshot: ExecutionSnapshot, graph: MachineGraph): unknown {
	return {
		execution: {
			status: snapshot.status,
			startDate: isoOrNull(snapshot.startDate),
			stopDate: isoOrNull(snapshot.stopDate),
			error: snapshot.error ?? null,
			cause: snapshot.cause ?? null,
			redriveCount: snapshot.redriveCount,
		},
		states: graph.states.map(state => {
			const status = snapshot.states.get(state.name);
			return {
				name: state.name,
				parent: state.parent,
				type: state.type,
				status: status?.status ?? 'NOT_STARTED',
				attempts: status?.attempts ?? 0,
				enteredAt: isoOrNull(status?.enteredAt),
				exitedAt: isoOrNull(status?.exitedAt),
				durationMs: status?.durationMs ?? null,
				error: status?.error ?? null,
				cause: status?.cause ?? null,
				...(status?.retries && {retries: status.retries.map(retry => ({attempt: retry.attempt, error: retry.error ?? null, cause: retry.cause ?? null, failedAt: isoOrNull(retry.failedAt), retriedAt: isoOrNull(retry.retriedAt)}))}),
				...(status?.assignedVariables && {assignedVariables: parsedVariables(status.assignedVariables)}),
				...(status?.mapRun && {mapRun: status.mapRun}),
				...(status?.childExecutions && {childExecutions: status.childExecutions}),
				...(status?.iterations && {iterations: status.iterations}),
				...((state.type === 'Parallel') && {branches: branchStatuses(snapshot, graph, state.name)}),
			};
		}),
	};
}

function headerLines(snapshot: ExecutionSnapshot, lastEventId: number, at: number | undefined): StyledLine[] {
	const elapsed = snapshot.startDate === undefined ? undefined : (snapshot.stopDate ?? snapshot.startDate) - snapshot.startDate;
	const lines: StyledLine[] = [[
		{text: 'Execution ', role: 'heading'},
		{text: snapshot.status, role: executionStatusRole(snapshot.status)},
		{text: `  started ${formatTime(snapshot.startDate)}  ${snapshot.stopDate === undefined ? 'running' : `ran ${formatDuration(elapsed)}`}${snapshot.redriveCount > 0 ? `  redriven ${snapshot.redriveCount}×` : ''}  events ${snapshot.eventCount}${at === undefined ? '' : ` (as of event ${at} of ${lastEventId})`}`, role: 'muted'},
	]];
	if (snapshot.error !== undefined || snapshot.cause !== undefined) {
		lines.push([{text: `${sanitize(snapshot.error ?? '')}${snapshot.cause ? `: ${sanitize(snapshot.cause)}` : ''}`, role: 'error'}]);
	}

	return lines;
}

/** `replay --timeline --json`: every state run with its time segments. */
function timelineJson(runs: StateRunLog): unknown {
	const critical = runs.criticalPath();
	return {
		execution: {status: runs.execution.status, startDate: isoOrNull(runs.execution.startedAt), stopDate: isoOrNull(runs.execution.endedAt)},
		runs: runs.runs.map(run => ({
			path: run.path,
			name: run.name,
			type: run.type,
			lane: run.lane?.key ?? null,
			status: run.status,
			attempts: run.attempts,
			enteredAt: isoOrNull(run.enteredAt),
			exitedAt: isoOrNull(run.exitedAt),
			critical: critical.runs.has(run.path),
			segments: run.segments.map(segment => ({kind: segment.kind, start: isoOrNull(segment.start), end: isoOrNull(segment.end)})),
		})),
	};
}

export const replayCommand = defineCommand({
	name: 'replay',
	summary: 'Show what happened in a saved execution history (offline post-mortem)',
	words: 1,
	usage: 'sfntop replay HISTORY.json [--definition ASL.json] [--at N] [--timeline] [--json] [--execution ARN] [--width N] [--ascii] [--no-color]',
	description: [
		'Folds a saved execution history and draws the state machine coloured by what',
		'each state did, the active or failed state highlighted, with a table of',
		'status, attempts, duration and error per state. Reads the output of',
		'`aws stepfunctions get-execution-history` (or a bare array of events), and',
		'CloudWatch Logs execution records (JSON array, JSON Lines, or the output of',
		'`aws logs filter-log-events`) — the only history an Express execution has.',
	].join('\n'),
	flags: {
		...displayFlags,
		definition: {type: 'string'},
		at: {type: 'number'},
		json: {type: 'boolean', default: false},
		execution: {type: 'string'},
		timeline: {type: 'boolean', default: false},
	},
	flagHelp: [
		'--definition FILE   The state machine definition (else the graph is built from the history)',
		'--at N              Show the execution as it was after event id N',
		'--execution ARN     Which execution, when a log-records file holds several',
		'--timeline          Where the time went: a bar per state from entered to exited, retries,',
		'                    waiting, Map iterations and Parallel branches as lanes, the critical path',
		'--json              Print {"execution": {...}, "states": [...]}',
		...displayFlagHelp,
	],
	examples: [
		'aws stepfunctions get-execution-history --execution-arn ARN > history.json',
		'sfntop replay history.json --definition examples/order-processing.json',
		'sfntop replay history.json --at 12',
		'sfntop replay history.json --timeline',
	],
	async run({input, flags, options, stdout, stderr, stdin}) {
		const {text, name} = await readInputFile(input[0], stdin, 'an execution history');
		const parsed = parseHistoryText(text, name);
		let events = pickExecution(parsed.executions, flags.execution);
		let lastEventId = 0;
		for (const event of events) {
			lastEventId = Math.max(lastEventId, event.id);
		}

		const {at} = flags;
		if (at !== undefined) {
			if (!Number.isInteger(at) || at < 0) {
				throw new UserError('--at takes an event id: a whole number, 0 or more');
			}

			events = events.filter(event => event.id <= at);
		}

		let graph: MachineGraph;
		if (flags.definition === undefined) {
			graph = graphFromHistory(events);
			if (!flags.json && !flags.timeline) {
				stderr.write('sfntop: no --definition given: the graph shows only the states this history entered\n');
			}
		} else {
			const definition = await readInputFile(flags.definition, stdin, 'a state machine definition');
			graph = buildMachineGraph(parseDefinitionText(definition.text, definition.name));
		}

		const snapshot = foldEvents(createSnapshot(graph), events);
		if (flags.timeline) {
			const runs = stateRunsOf(events, graph);
			if (flags.json) {
				stdout.write(`${terminalSafeJson(timelineJson(runs), 2)}\n`);
				return 0;
			}

			const {width, ascii} = options.display;
			// A saved history is a moment: a state still running then is drawn up to its last event.
			let now = runs.execution.endedAt ?? 0;
			for (const event of runs.execution.endedAt === undefined ? events : []) {
				now = Math.max(now, event.timestamp ?? 0);
			}

			const lines = [...headerLines(snapshot, lastEventId, at), [], ...timelineLines(timelineRows(runs), runs.execution, {width, ascii, now}), [], timelineLegend(ascii)];
			const theme = pickTheme({color: options.display.color});
			stdout.write(`${lines.map(line => lineToAnsi(Number.isFinite(width) ? clipLine(line, width, ascii ? '~' : '…') : line, theme)).join('\n')}\n`);
			return 0;
		}

		if (flags.json) {
			stdout.write(`${terminalSafeJson(replayJson(snapshot, graph), 2)}\n`);
			return 0;
		}

		const {width, ascii} = options.display;
		const theme = pickTheme({color: options.display.color});
		const lines: StyledLine[] = [...headerLines(snapshot, lastEventId, at), []];
		if (graph.states.length > 0) {
			lines.push(...renderGraph(layoutGraph(graph, {maxWidth: width, ascii}), decorateByStatus(snapshot, {ascii, badges: variableBadges(graph)})), []);
		}

		lines.push(...stateTable(snapshot, graph, width, ascii));
		const output = lines.map(line => lineToAnsi(Number.isFinite(width) ? clipLine(line, width) : line, theme));
		stdout.write(`${output.join('\n')}\n`);
		return 0;
	},
});
