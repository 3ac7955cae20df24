import {ranUnderLabel} from '../model/arn.js';
import {formatDuration, formatTime} from '../model/text/format.js';
import {sanitize} from '../model/text/sanitize.js';
import {truncateToWidth} from '../model/text/width.js';
import {executionStatusRole} from '../model/text/status-style.js';
import {type StyledLine, type ExecutionSnapshot, type ExecutionDescription} from '../model/types.js';
import type {FollowerState} from '../sync/types.js';

/** Elapsed time of an execution: up to now while running, else start to stop. */
export function elapsedMs(snapshot: Pick<ExecutionSnapshot, 'status' | 'startDate' | 'stopDate'>, now: number): number | undefined {
	return snapshot.startDate === undefined ? undefined : (snapshot.status === 'RUNNING' ? now : snapshot.stopDate ?? now) - snapshot.startDate;
}

/** A ticking clock reads best in whole seconds: `42 s`, `4m 05s`. */
export function formatElapsed(ms: number | undefined, running: boolean): string {
	return ms !== undefined && running && ms < 60_000 ? `${Math.max(0, Math.floor(ms / 1000))} s` : formatDuration(ms);
}

/** Freshness for the header: when the data was read, and STALE with the reason after a failed call. */
export function freshness(state: Pick<FollowerState<unknown>, 'stale' | 'updatedAt' | 'loading'>): StyledLine {
	return state.stale ? [{text: ` STALE since ${formatTime(state.updatedAt).slice(11)} `, role: 'alert'}] : [{text: state.updatedAt === undefined ? (state.loading ? 'loading…' : '') : `as of ${formatTime(state.updatedAt).slice(11)}`, role: 'muted'}];
}

/** The two header lines of the execution view. */
export function executionHeaderLines(options: {
	description: ExecutionDescription;
	snapshot: ExecutionSnapshot;
	follower: Pick<FollowerState<unknown>, 'stale' | 'updatedAt' | 'loading'>;
	now: number;
	callsPerMinute: number;
	ascii: boolean;
	/** Breadcrumbs of a drill-down: the parent execution and the state that started this one. */
	trail?: readonly string[];
}): StyledLine[] {
	const {description, snapshot} = options;
	const separator = options.ascii ? ' > ' : ' › ';
	// Each crumb is kept short (execution names are often UUIDs): this execution's own name is what must stay readable.
	const crumbs: StyledLine = (options.trail ?? []).flatMap(crumb => [{text: truncateToWidth(sanitize(crumb), 24, options.ascii ? '~' : '…'), role: 'muted' as const}, {text: separator, role: 'muted' as const}]);
	const ranUnder = ranUnderLabel(description);
	const status = snapshot.status === 'RUNNING' && description.status === 'PENDING_REDRIVE' ? 'PENDING_REDRIVE' : (description.status === 'RUNNING' ? snapshot.status : description.status);
	const dot = options.ascii ? '*' : '●';
	return [
		[
			// Status first: on a narrow screen the names are cut, never the status.
			{text: ` ${dot} ${status} `, role: status === 'RUNNING' ? 'active' : executionStatusRole(status)},
			{text: '  '},
			...crumbs,
			{text: sanitize(description.machineName), role: 'heading'},
			{text: ' / ', role: 'muted'},
			{text: sanitize(description.name), role: 'heading'},
			{text: '   sfntop', role: 'muted'},
		],
		[
			{text: `started ${formatTime(snapshot.startDate ?? description.startDate)}   elapsed ${formatElapsed(elapsedMs({...snapshot, startDate: snapshot.startDate ?? description.startDate, stopDate: snapshot.stopDate ?? description.stopDate}, options.now), snapshot.status === 'RUNNING').padEnd(8)}`},
			...(ranUnder ? [{text: '   ran '}, {text: sanitize(ranUnder), role: 'heading' as const}] : []),
			{text: `   redrives ${Math.max(snapshot.redriveCount, description.redriveCount ?? 0)}   ${options.callsPerMinute} calls/min   `, role: 'muted'},
			...freshness(options.follower),
		],
	];
}
