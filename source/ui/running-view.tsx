import {useEffect, useMemo} from 'react';
import {sanitize} from '../model/text/sanitize.js';
import {filterRunning, nextSortKey, sortRunning} from '../model/wall/running-order.js';
import type {StyledLine} from '../model/types.js';
import {useDashboardActions, useDashboardState} from './dashboard-context.js';
import {freshness} from './header.js';
import {clampCursor, emptyListText, listPaneLines} from './list-pane.js';
import {listNavigation} from './list-navigation.js';
import {executionRoute, type Route} from './routes.js';
import {budgetText, runningColumns, runningHeader, runningRow, runningSummaryLines, sortLabels} from './running-lines.js';
import {fitBlock, visibleWindow} from './screen-lines.js';
import {statusLine} from './status-line.js';
import {StyledLines} from './styled-lines.js';
import {useClock} from './use-clock.js';
import {useCommands} from './use-commands.js';
import {useRowsFollower} from './use-follower.js';

type RunningRoute = Extract<Route, {view: 'running'}>;

/** Lines above the list: the header and two summary lines. */
const headLines = 3;

/**
 * The deploy-day wall: every RUNNING execution of a machine, one line each,
 * with a summary of where they all are. Rows are read within the call budget,
 * the ones on screen first; each shows its age once older than a tick.
 */
export function RunningView({route, width, height, isActive}: {route: RunningRoute; width: number; height: number; isActive: boolean}) {
	const {session, theme, ascii, readOnly, now: clock, message} = useDashboardState();
	const actions = useDashboardActions();
	const {follower, state} = useRowsFollower(() => session.running(route.machineArn), `running\n${route.machineArn}`);
	const wall = state.data;
	const rows = useMemo(() => sortRunning(filterRunning(wall?.rows ?? [], route.filter), route.sort), [wall, route.filter, route.sort]);
	const now = useClock(true, clock);
	const cursor = clampCursor(route.cursor, rows.length);
	const selected = rows[cursor];
	const listHeight = height - headLines - 1;
	const {start, end} = visibleWindow(rows.length, cursor, listHeight - 2);
	const onScreen = rows.slice(start, end).map(row => row.arn).join('\n');

	useEffect(() => {
		follower.show(onScreen ? onScreen.split('\n') : []);
	}, [follower, onScreen]);

	useCommands('running', {
		...listNavigation(actions, rows.length, height),
		enter() {
			if (selected) {
				actions.open(executionRoute(selected.arn));
			}
		},
		sort() {
			actions.update(current => (current.view === 'running' ? {sort: nextSortKey(current.sort), cursor: 0} : {}));
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
		const columns = runningColumns(rows);
		const total = wall?.rows.length ?? 0;
		const header: StyledLine = [
			{text: 'sfntop ', role: 'heading'},
			{text: `${sanitize(route.machineName)} / running`},
			{text: `   ${session.region}${session.endpoint ? ` ${sanitize(session.endpoint)}` : ''}   ${wall ? budgetText(wall) : ''}   `, role: 'muted'},
			...freshness(state),
		];
		return fitBlock([
			header,
			...(wall ? runningSummaryLines(wall) : [[], []]),
			...listPaneLines({
				title: `Running executions, ${sortLabels[route.sort]}`,
				right: route.filter ? `${rows.length} of ${total} /${sanitize(route.filter)}` : String(total),
				header: runningHeader(columns),
				rows: rows.slice(start, end).map(row => runningRow(row, columns, now, wall?.tickMs ?? 0, ascii)),
				cursor: cursor - start,
				width,
				height: listHeight,
				ascii,
				empty: emptyListText(state, 'running executions', route.filter ? 'no running execution matches the filter' : 'nothing is running'),
			}),
			statusLine({view: 'running', readOnly, error: state.error, retrying: state.retrying, message}),
		], width, height, ascii ? '~' : '…');
	}, [rows, wall, state, cursor, start, end, width, height, listHeight, ascii, route, session, now, readOnly, message]);

	return <StyledLines lines={lines} theme={theme}/>;
}
