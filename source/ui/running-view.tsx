import {useMemo} from 'react';
import {sanitize} from '../model/text/sanitize.js';
import {displayWidth, fitToWidth} from '../model/text/width.js';
import {iterationBadge} from '../model/text/status-style.js';
import type {StyledLine} from '../model/types.js';
import {useDashboardActions, useDashboardState} from './dashboard-context.js';
import {formatElapsed} from './header.js';
import {listHeaderLine} from './list-header.js';
import {clampCursor, emptyListText, listPaneLines} from './list-pane.js';
import {listNavigation} from './list-navigation.js';
import {executionRoute, type Route} from './routes.js';
import {fitBlock} from './screen-lines.js';
import {statusLine} from './status-line.js';
import {StyledLines} from './styled-lines.js';
import {useClock} from './use-clock.js';
import {useCommands} from './use-commands.js';
import {useFollower} from './use-follower.js';

type RunningRoute = Extract<Route, {view: 'running'}>;

/** The deploy-day wall: every RUNNING execution of a machine, one line each. */
export function RunningView({route, width, height, isActive}: {route: RunningRoute; width: number; height: number; isActive: boolean}) {
	const {session, theme, ascii, readOnly, now: clock, message} = useDashboardState();
	const actions = useDashboardActions();
	const follower = useFollower(() => session.running(route.machineArn), `running\n${route.machineArn}`);
	const executions = useMemo(() => {
		const needle = route.filter.toLowerCase();
		return (follower.data ?? [])
			.filter(execution => !needle || execution.name.toLowerCase().includes(needle) || (execution.currentState ?? '').toLowerCase().includes(needle))
			.toSorted((a, b) => (a.startDate ?? 0) - (b.startDate ?? 0));
	}, [follower.data, route.filter]);
	const now = useClock(executions.length > 0, clock);
	const cursor = clampCursor(route.cursor, executions.length);
	const selected = executions[cursor];

	useCommands('running', {
		...listNavigation(actions, executions.length, height),
		enter() {
			if (selected) {
				actions.open(executionRoute(selected.arn));
			}
		},
		start() {
			actions.prompt({kind: 'start', machineArn: route.machineArn, machineName: route.machineName});
		},
		stop() {
			if (selected) {
				actions.prompt({kind: 'stop', executionArn: selected.arn});
			}
		},
	}, isActive);

	const lines = useMemo(() => {
		const nameWidth = Math.min(36, Math.max(8, ...executions.map(execution => displayWidth(sanitize(execution.name)))));
		const stateWidth = Math.min(30, Math.max(13, ...executions.map(execution => displayWidth(sanitize(execution.currentState ?? '')))));
		const rows: StyledLine[] = executions.map(execution => [
			{text: `${fitToWidth(sanitize(execution.name), nameWidth)}  `},
			{text: fitToWidth(sanitize(execution.currentState ?? '-'), stateWidth), role: 'status.RUNNING'},
			{text: `  ${formatElapsed(execution.startDate === undefined ? undefined : now - execution.startDate, true).padEnd(9)}  ${execution.mapProgress ? iterationBadge(execution.mapProgress, ascii) : ''}`},
		]);
		return fitBlock([
			listHeaderLine(session, [route.machineName, 'running'], follower),
			...listPaneLines({
				title: 'Running executions',
				right: String(executions.length),
				header: `${'NAME'.padEnd(nameWidth)}  ${'CURRENT STATE'.padEnd(stateWidth)}  ELAPSED    MAP`,
				rows,
				cursor,
				width,
				height: height - 2,
				ascii,
				empty: emptyListText(follower, 'running executions', 'nothing is running'),
			}),
			statusLine({view: 'running', readOnly, error: follower.error, retrying: follower.retrying, message}),
		], width, height, ascii ? '~' : '…');
	}, [executions, follower, cursor, width, height, ascii, route, session, now, readOnly, message]);

	return <StyledLines lines={lines} theme={theme}/>;
}
