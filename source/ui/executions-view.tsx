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
import {executionRoute, runningRoute, type Route} from './routes.js';
import {fitBlock} from './screen-lines.js';
import {statusLine} from './status-line.js';
import {StyledLines} from './styled-lines.js';
import {useCommands} from './use-commands.js';
import {useFollower} from './use-follower.js';
import {nextVersionFilter, versionChoices} from './version-filter.js';

type ExecutionsRoute = Extract<Route, {view: 'executions'}>;

/** The order `f` cycles through; undefined = all. */
export const statusFilters: Array<ExecutionStatus | undefined> = [undefined, 'RUNNING', 'FAILED', 'SUCCEEDED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

/** `versionWidth` > 0 adds the VERSION column: the version or alias the execution ran under. */
export function executionRow(execution: ExecutionSummary, nameWidth: number, versionWidth = 0): StyledLine {
	const duration = execution.stopDate && execution.startDate ? formatDuration(execution.stopDate - execution.startDate) : '';
	const version = versionWidth > 0 ? `${fitToWidth(sanitize(ranUnderLabel(execution)), versionWidth)}  ` : '';
	return [
		{text: execution.status.padEnd(16), role: executionStatusRole(execution.status)},
		{text: `${fitToWidth(sanitize(execution.name), nameWidth)}  ${formatTime(execution.startDate).padEnd(20)}  ${duration.padEnd(9)}  ${version}${execution.redriveCount ? `redriven ${execution.redriveCount}` : ''}`},
	];
}

/** A machine's executions, newest first, live; `f` filters by status, `v` by version or alias (the API's own filter), `/` by name. */
export function ExecutionsView({route, width, height, isActive}: {route: ExecutionsRoute; width: number; height: number; isActive: boolean}) {
	const {session, theme, ascii, readOnly, message} = useDashboardState();
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
	const cursor = clampCursor(route.cursor, executions.length);
	const selected = executions[cursor];

	useCommands('executions', {
		...listNavigation(actions, executions.length, height),
		enter() {
			if (selected) {
				actions.open(executionRoute(selected.arn));
			}
		},
		statusFilter() {
			actions.update({status: statusFilters[(statusFilters.indexOf(route.status) + 1) % statusFilters.length], cursor: 0});
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
			if (selected) {
				actions.prompt({kind: 'stop', executionArn: selected.arn});
			}
		},
		redrive() {
			if (selected) {
				actions.prompt({kind: 'redrive', executionArn: selected.arn});
			}
		},
	}, isActive);

	const lines = useMemo(() => {
		const nameWidth = Math.min(40, Math.max(8, ...executions.map(execution => displayWidth(sanitize(execution.name)))));
		// The VERSION column only when some execution ran under a version or alias.
		const widest = Math.min(24, Math.max(0, ...executions.map(execution => displayWidth(sanitize(ranUnderLabel(execution))))));
		const versionWidth = widest > 0 ? Math.max(7, widest) : 0;
		const filters = [route.status, route.qualifier && qualifierLabel(route.qualifier)].filter(Boolean).map(text => sanitize(text!));
		return fitBlock([
			listHeaderLine(session, [route.machineName, 'executions'], follower),
			...listPaneLines({
				title: `Executions${filters.length > 0 ? ` (${filters.join(', ')})` : ''}`,
				right: `${executions.length}${route.filter ? ` /${sanitize(route.filter)}` : ''}`,
				header: `${'STATUS'.padEnd(16)}${'NAME'.padEnd(nameWidth)}  ${'STARTED'.padEnd(20)}  DURATION${versionWidth > 0 ? `   ${'VERSION'.padEnd(versionWidth)}` : ''}`,
				rows: executions.map(execution => executionRow(execution, nameWidth, versionWidth)),
				cursor,
				width,
				height: height - 2,
				ascii,
				empty: emptyListText(follower, 'executions', 'no executions match'),
			}),
			statusLine({view: 'executions', readOnly, error: follower.error, retrying: follower.retrying, message}),
		], width, height, ascii ? '~' : '…');
	}, [executions, follower, cursor, width, height, ascii, route, session, readOnly, message]);

	return <StyledLines lines={lines} theme={theme}/>;
}
