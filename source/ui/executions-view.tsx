import {useMemo} from 'react';
import {qualifierLabel, ranUnderLabel} from '../model/arn.js';
import {formatDuration, formatTime} from '../model/text/format.js';
import {sanitize} from '../model/text/sanitize.js';
import {displayWidth, fitToWidth} from '../model/text/width.js';
import {executionStatusRole} from '../model/text/status-style.js';
import {type ExecutionStatus, type StyledLine, type ExecutionSummary} from '../model/types.js';
import {useDashboardActions, useDashboardState} from './dashboard-context.js';
import {listHeaderLine} from './list-header.js';
import {clampCursor, emptyListText, listPaneLines} from './list-pane.js';
import {listNavigation} from './list-navigation.js';
import {executionKeys} from './execution-actions.js';
import {executionRoute, runningRoute, type Route} from './routes.js';
import {fitBlock} from './screen-lines.js';
import {statusLine} from './status-line.js';
import {StyledLines} from './styled-lines.js';
import {useCommands} from './use-commands.js';
import {useAnchoredCursor} from './use-anchored-cursor.js';
import {useFollower} from './use-follower.js';
import {nextVersionFilter, versionChoices} from './version-filter.js';

type ExecutionsRoute = Extract<Route, {view: 'executions'}>;

/** The order `f` cycles through; undefined = all. */
export const statusFilters: Array<ExecutionStatus | undefined> = [undefined, 'RUNNING', 'FAILED', 'SUCCEEDED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

/** The marks column (only while something is selected or marked): `●` selected with space, `◆` marked with m. */
function marksCell(execution: ExecutionSummary, marks: {selection: ReadonlySet<string>; marked?: string; ascii: boolean}): StyledLine {
	const selected = marks.selection.has(execution.arn) ? (marks.ascii ? '*' : '●') : ' ';
	const marked = marks.marked === execution.arn ? (marks.ascii ? 'm' : '◆') : ' ';
	return [{text: `${selected}${marked} `, role: 'warning'}];
}

/** `versionWidth` > 0 adds the VERSION column: the version or alias the execution ran under. */
export function executionRow(execution: ExecutionSummary, nameWidth: number, versionWidth = 0, marks?: {selection: ReadonlySet<string>; marked?: string; ascii: boolean}): StyledLine {
	const duration = execution.stopDate && execution.startDate ? formatDuration(execution.stopDate - execution.startDate) : '';
	const version = versionWidth > 0 ? `${fitToWidth(sanitize(ranUnderLabel(execution)), versionWidth)}  ` : '';
	return [
		...(marks ? marksCell(execution, marks) : []),
		{text: execution.status.padEnd(16), role: executionStatusRole(execution.status)},
		{text: `${fitToWidth(sanitize(execution.name), nameWidth)}  ${formatTime(execution.startDate).padEnd(20)}  ${duration.padEnd(9)}  ${version}${execution.redriveCount ? `redriven ${execution.redriveCount}` : ''}`},
	];
}

/** A machine's executions, newest first, live; `f` filters by status, `v` by version or alias (the API's own filter), `/` by name. */
export function ExecutionsView({route, width, height, isActive}: {route: ExecutionsRoute; width: number; height: number; isActive: boolean}) {
	const {session, theme, ascii, readOnly, message, marked} = useDashboardState();
	const actions = useDashboardActions();
	const listed = route.qualifier ?? route.machineArn;
	const follower = useFollower(() => session.executions(listed, route.status), `${listed}\n${route.status ?? ''}`);
	// Versions and aliases are read only once `v` has been pressed; until then the choices come from the executions on screen.
	const qualifiers = useFollower(route.qualifier === undefined && !route.versionsAsked ? undefined : () => session.qualifiers(route.machineArn), `${route.machineArn}\n${route.versionsAsked ? 'v' : ''}`);
	const executions = useMemo(() => {
		const needle = route.filter.toLowerCase();
		return (follower.data ?? [])
			.filter(execution => (!route.status || execution.status === route.status) && (!needle || execution.name.toLowerCase().includes(needle)))
			.toSorted((a, b) => (b.startDate ?? 0) - (a.startDate ?? 0));
	}, [follower.data, route.filter, route.status]);
	const cursor = useAnchoredCursor(useMemo(() => executions.map(execution => execution.arn), [executions]), route.cursor, actions);
	const selection = useMemo(() => new Set(route.selection), [route.selection]);
	const keys = executionKeys(actions, marked);
	const latestRow = () => {
		const current = actions.current();
		return current.view === 'executions' ? executions[clampCursor(current.cursor, executions.length)] : undefined;
	};

	// X and R act on the selected executions (space) when there are any, else on the one under the cursor.
	const act = (action: 'stop' | 'redrive') => {
		const row = latestRow();
		const current = actions.current();
		const picked = new Set(current.view === 'executions' ? current.selection : []);
		const chosen = (follower.data ?? []).filter(execution => picked.has(execution.arn));
		if (chosen.length > 0) {
			actions.prompt({kind: 'bulk', action, executions: chosen});
		} else if (row) {
			actions.prompt({kind: action, executionArn: row.arn});
		}
	};

	useCommands('executions', {
		...listNavigation(actions, executions.length, height),
		enter() {
			const row = latestRow();
			if (row) {
				actions.open(executionRoute(row.arn));
			}
		},
		statusFilter() {
			actions.update({status: statusFilters[(statusFilters.indexOf(route.status) + 1) % statusFilters.length], cursor: 0, selection: []});
		},
		select() {
			// From the latest route: spaces typed faster than the screen redraws each select the next row.
			actions.update(current => {
				const at = current.view === 'executions' ? clampCursor(current.cursor, executions.length) : 0;
				const arn = executions[at]?.arn;
				if (current.view !== 'executions' || arn === undefined) {
					return {};
				}

				const chosen = current.selection ?? [];
				return {selection: chosen.includes(arn) ? chosen.filter(item => item !== arn) : [...chosen, arn], cursor: Math.min(executions.length - 1, at + 1)};
			});
		},
		mark() {
			const row = latestRow();
			if (row) {
				keys.mark(row.arn, row.name);
			}
		},
		diff() {
			const row = latestRow();
			if (row) {
				keys.diff(row.arn);
			}
		},
		copy() {
			const row = latestRow();
			if (row) {
				actions.copy(row.arn, `the ARN of ${sanitize(row.name)}`);
			}
		},
		console() {
			const row = latestRow();
			if (row) {
				keys.console(row.arn, row.startDate);
			}
		},
		versionFilter() {
			const next = nextVersionFilter(versionChoices(follower.data ?? [], qualifiers.data), route.qualifier);
			actions.update({qualifier: next, versionsAsked: true, cursor: 0});
		},
		running() {
			actions.open(runningRoute(route.machineArn, route.machineName));
		},
		start() {
			actions.prompt({kind: 'start', machineArn: route.machineArn, machineName: route.machineName});
		},
		stop() {
			act('stop');
		},
		redrive() {
			act('redrive');
		},
	}, isActive);

	const lines = useMemo(() => {
		const nameWidth = Math.min(40, Math.max(8, ...executions.map(execution => displayWidth(sanitize(execution.name)))));
		// The VERSION column only when some execution ran under a version or alias.
		const widest = Math.min(24, Math.max(0, ...executions.map(execution => displayWidth(sanitize(ranUnderLabel(execution))))));
		const versionWidth = widest > 0 ? Math.max(7, widest) : 0;
		const filters = [route.status, route.qualifier && qualifierLabel(route.qualifier)].filter(Boolean).map(text => sanitize(text!));
		const marks = selection.size > 0 || executions.some(execution => execution.arn === marked) ? {selection, ...(marked && {marked}), ascii} : undefined;
		return fitBlock([
			listHeaderLine(session, [route.machineName, 'executions'], follower),
			...listPaneLines({
				title: `Executions${filters.length > 0 ? ` (${filters.join(', ')})` : ''}`,
				right: `${executions.length}${selection.size > 0 ? ` · ${selection.size} selected` : ''}${route.filter ? ` /${sanitize(route.filter)}` : ''}`,
				header: `${marks ? ' '.repeat(3) : ''}${'STATUS'.padEnd(16)}${'NAME'.padEnd(nameWidth)}  ${'STARTED'.padEnd(20)}  DURATION${versionWidth > 0 ? `   ${'VERSION'.padEnd(versionWidth)}` : ''}`,
				rows: executions.map(execution => executionRow(execution, nameWidth, versionWidth, marks)),
				cursor,
				width,
				height: height - 2,
				ascii,
				empty: emptyListText(follower, 'executions', 'no executions match'),
			}),
			statusLine({view: 'executions', readOnly, error: follower.error, retrying: follower.retrying, message}),
		], width, height, ascii ? '~' : '…');
	}, [executions, follower, cursor, width, height, ascii, route, session, readOnly, message, selection, marked]);

	return <StyledLines lines={lines} theme={theme}/>;
}
