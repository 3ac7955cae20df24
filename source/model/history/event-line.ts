import {isRecord} from '../text/json-text.js';
import {executionNameOf, machineOfExecution, mapRunNameOf} from '../arn.js';
import {fitToWidth, truncateToWidth} from '../text/width.js';
import {isoOrNull} from '../text/format.js';
import {sanitize} from '../text/sanitize.js';
import type {HistoryEvent, MapRunDescription, StyleRole, StyledLine} from '../types.js';
import {lambdaLogText} from './lambda-log-text.js';
import {mapRunProgressText} from './map-run-text.js';
import {childExecutionIn} from './fold/linked-executions.js';
import {payloadText} from './history-event.js';

function roleOf(type: string): StyleRole {
	if (/Failed$|TimedOut$/.test(type)) {
		return 'error';
	}

	if (type.endsWith('Aborted')) {
		return 'status.ABORTED';
	}

	if (type === 'ExecutionSucceeded') {
		return 'success';
	}

	return /Entered$|Started$|Scheduled$|Redriven$/.test(type) ? 'status.RUNNING' : 'plain';
}

/** How long each detail may be: short on a screen; `whole` where nothing is cut (tail in a pipe or a file). */
type DetailCut = {whole?: boolean};

function short(value: unknown, width: number, cut: DetailCut = {}): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
	return cut.whole ? sanitize(text) : truncateToWidth(sanitize(text), width);
}

/** The short detail a person wants on the line: error and cause, attempt, iteration, item count, variables, linked executions. */
export function eventDetail(event: HistoryEvent, attempt?: number, cut: DetailCut = {}): string {
	const {details} = event;
	if (typeof details.error === 'string' || typeof details.cause === 'string') {
		return `${short(details.error ?? '', 60, cut)}${details.cause ? `: ${short(readableCause(details.cause), 200, cut)}` : ''}`;
	}

	const retry = attempt !== undefined && attempt > 1 ? `retry, attempt ${attempt}` : '';
	if (event.type.endsWith('StateExited') && isRecord(details.assignedVariables)) {
		return assignmentText(details.assignedVariables, cut);
	}

	const child = childExecutionIn(event);
	if (child && event.type !== 'TaskSucceeded') {
		// MACHINE/NAME: what `sfntop tail` takes, so the line can be pasted to follow the child.
		const machine = machineOfExecution(child)?.name;
		return `child ${short(machine ? `${machine}/${executionNameOf(child)}` : child, 120)}`;
	}

	switch (event.type) {
		case 'MapStateStarted': {
			return `${short(details.length ?? '?', 12)} items${retry && `, ${retry}`}`;
		}

		case 'MapRunStarted': {
			return typeof details.mapRunArn === 'string' ? `map run ${short(mapRunNameOf(details.mapRunArn), 80)}` : '';
		}

		case 'ParallelStateStarted': {
			return retry;
		}

		case 'ExecutionRedriven': {
			return `redrive ${short(details.redriveCount ?? '', 12)}`;
		}

		case 'ExecutionStarted': {
			return `input ${short(details.input, 120, cut)}`;
		}

		case 'ExecutionSucceeded': {
			return `output ${short(details.output, 120, cut)}`;
		}

		default: {
			if (event.type.startsWith('MapIteration')) {
				return `iteration ${short(details.index ?? '?', 12)}`;
			}

			return event.type.endsWith('Scheduled') ? retry : '';
		}
	}
}

/** `assigned total=120, currency="EUR"`: each value short, the whole line bounded. */
function assignmentText(assigned: Record<string, unknown>, cut: DetailCut): string {
	const parts = Object.entries(assigned).map(([name, value]) => `${short(name, 40, cut)}=${short(payloadText(value) ?? 'null', 40, cut)}`);
	const line = `assigned ${parts.join(', ')}`;
	return cut.whole ? line : truncateToWidth(line, 200);
}

/** A Lambda cause is JSON (`{"errorMessage", "errorType", "trace"}`): its message is what a person reads. */
export function readableCause(cause: unknown): unknown {
	if (typeof cause !== 'string' || !cause.startsWith('{')) {
		return cause;
	}

	try {
		const parsed: unknown = JSON.parse(cause);
		return isRecord(parsed) && typeof parsed.errorMessage === 'string' ? parsed.errorMessage : cause;
	} catch {
		return cause;
	}
}

function clock(timestamp: number | undefined): string {
	return timestamp === undefined ? '??:??:??.???' : new Date(timestamp).toISOString().slice(11, 23);
}

/** One `sfntop tail` line: time, state, event, detail (whole in a pipe: a script gets every character). */
export function eventLine(event: HistoryEvent, state: string | undefined, attempt?: number, cut: DetailCut = {}): StyledLine {
	const detail = eventDetail(event, attempt, cut);
	return [
		{text: `${clock(event.timestamp)}  `, role: 'muted'},
		{text: `${fitToWidth(sanitize(state ?? '-'), 28)}  `},
		{text: event.type, role: roleOf(event.type)},
		...(detail ? [{text: `  ${detail}`, role: /Failed$|TimedOut$/.test(event.type) ? 'error' as const : 'muted' as const}] : []),
	];
}

/** `sfntop tail`'s line for a Distributed Map run's progress (not an AWS event: read with DescribeMapRun). */
export function mapRunProgressLine(timestamp: number, state: string, run: MapRunDescription): StyledLine {
	return [
		{text: `${clock(timestamp)}  `, role: 'muted'},
		{text: `${fitToWidth(sanitize(state), 28)}  `},
		{text: 'MapRunProgress', role: run.status === 'FAILED' ? 'error' : (run.status === 'RUNNING' ? 'status.RUNNING' : 'plain')},
		{text: `  ${run.status === 'RUNNING' ? '' : `${run.status}: `}${mapRunProgressText(run)}`, role: 'muted'},
	];
}

/** `sfntop tail --json`'s object for a map run's progress. */
export function mapRunProgressJson(timestamp: number, state: string, run: MapRunDescription): Record<string, unknown> {
	return {type: 'MapRunProgress', timestamp: isoOrNull(timestamp), state, mapRunArn: run.arn, status: run.status, itemCounts: run.itemCounts, executionCounts: run.executionCounts};
}

/** The NDJSON object `sfntop tail --json` prints per event. */
export function eventJson(event: HistoryEvent, state: string | undefined): Record<string, unknown> {
	return {id: event.id, ...(event.previousEventId !== undefined && {previousEventId: event.previousEventId}), timestamp: isoOrNull(event.timestamp), type: event.type, state: state ?? null, details: event.details};
}

/** A log line under its state: `time  state  │ message` (Lambda's own prefix shortened to the level). */
export function logLine(timestamp: number, state: string, message: string): StyledLine {
	return [
		{text: `${clock(timestamp)}  `, role: 'muted'},
		{text: `${fitToWidth(sanitize(state), 28)}  `},
		{text: '│ ', role: 'muted'},
		{text: sanitize(lambdaLogText(message), {tabWidth: 4})},
	];
}
