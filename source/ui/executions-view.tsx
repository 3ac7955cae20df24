import {useMemo} from 'react';
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

type ExecutionsRoute = Extract<Route, {view: 'executions'}>;

/** The order `f` cycles through; undefined = all. */
export const statusFilters: Array<ExecutionStatus | undefined> = [undefined, 'RUNNING', 'FAILED', 'SUCCEEDED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

export function executionRow(execution: ExecutionSummary, nameWidth: number): StyledLine {
	const duration = execution.stopDate && execution.startDate ? formatDuration(execution.stopDate - execution.startDate) : '';
	return [
		{text: execution.status.padEnd(16), role: executionStatusRole(execution.status)},
		{text: `${fitToWidth(sanitize(execution.name), nameWidth)}  ${formatTime(execution.startDate).padEnd(20)}  ${duration.padEnd(9)}  ${execution.redriveCount ? `redriven ${execution.redriveCount}` : ''}`},
	];
}

/** A machine's executions, newest first, live; `f` filters by status, `/` by name. */
export function ExecutionsView({route, width, height, isActive}: {route: ExecutionsRoute; width: number; height: number; isActive: boolean}) {
	const {session, theme, ascii, readOnly, message} = useDashboardState();
	const actions = useDashboardActions();
	const follower = useFollower(() => session.executions(route.machineArn, route.status), `${route.machineArn}\n${route.status ?? ''}`);
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
		return fitBlock([
			listHeaderLine(session, [route.machineName, 'executions'], follower),
			...listPaneLines({
				title: `Executions${route.status ? ` (${route.status})` : ''}`,
				right: `${executions.length}${route.filter ? ` /${sanitize(route.filter)}` : ''}`,
				header: `${'STATUS'.padEnd(16)}${'NAME'.padEnd(nameWidth)}  ${'STARTED'.padEnd(20)}  DURATION`,
				rows: executions.map(execution => executionRow(execution, nameWidth)),
				cursor,
				width,
				height: height - 2,
				ascii,
				empty: emptyListText(follower, 'executions', 'no executions match'),
			}),
			statusLine({view: 'executions', readOnly, error: follower.error, message}),
		], width, height, ascii ? '~' : '…');
	}, [executions, follower, cursor, width, height, ascii, route, session, readOnly, message]);

	return <StyledLines lines={lines} theme={theme}/>;
}
