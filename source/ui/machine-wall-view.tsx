import {useEffect, useMemo} from 'react';
import {sanitize} from '../model/text/sanitize.js';
import {displayWidth, fitToWidth} from '../model/text/width.js';
import type {StyledLine} from '../model/types.js';
import type {MachineWallRow} from '../model/wall/wall-types.js';
import {useDashboardActions, useDashboardState} from './dashboard-context.js';
import {listHeaderLine} from './list-header.js';
import {clampCursor, emptyListText, listPaneLines} from './list-pane.js';
import {listNavigation} from './list-navigation.js';
import {machineCommands} from './machine-commands.js';
import type {Route} from './routes.js';
import {rowAge} from './running-lines.js';
import {fitBlock, visibleWindow} from './screen-lines.js';
import {statusLine} from './status-line.js';
import {StyledLines} from './styled-lines.js';
import {useClock} from './use-clock.js';
import {useCommands} from './use-commands.js';
import {useRowsFollower} from './use-follower.js';

type MachineWallRoute = Extract<Route, {view: 'machine-wall'}>;

const count = (value: number | undefined, capped: boolean | undefined) => (value === undefined ? '…' : `${value}${capped ? '+' : ''}`);

function machineRow(row: MachineWallRow, nameWidth: number, now: number): StyledLine {
	if (row.note) {
		return [{text: `${fitToWidth(sanitize(row.name), nameWidth)}  `}, {text: row.note, role: 'muted'}];
	}

	const age = rowAge(row, now, 30_000);
	return [
		{text: `${fitToWidth(sanitize(row.name), nameWidth)}  `},
		{text: count(row.running, row.capped?.running).padStart(7), role: row.running ? 'status.RUNNING' : 'muted'},
		{text: '  '},
		{text: count(row.failedLastHour, row.capped?.failed).padStart(11), role: row.failedLastHour ? 'status.FAILED' : 'muted'},
		{text: '  '},
		{text: count(row.succeededLastHour, row.capped?.succeeded).padStart(14), role: row.succeededLastHour ? 'status.SUCCEEDED' : 'muted'},
		{text: `  ${age}`, role: 'muted'},
	];
}

/**
 * The wall of all machines (`f` on the machines list): running, failed in the
 * last hour and succeeded in the last hour per machine, from ListExecutions
 * only; machines with failures first, then the busiest.
 */
export function MachineWallView({route, width, height, isActive}: {route: MachineWallRoute; width: number; height: number; isActive: boolean}) {
	const {session, theme, ascii, readOnly, now: clock, message} = useDashboardState();
	const actions = useDashboardActions();
	const {follower, state} = useRowsFollower(() => session.machineWall(), 'machine-wall');
	const machines = useMemo(() => {
		const needle = route.filter.toLowerCase();
		return (state.data ?? [])
			.filter(machine => !needle || machine.name.toLowerCase().includes(needle))
			.toSorted((a, b) => (b.failedLastHour ?? 0) - (a.failedLastHour ?? 0) || (b.running ?? 0) - (a.running ?? 0) || a.name.localeCompare(b.name));
	}, [state.data, route.filter]);
	const now = useClock(true, clock);
	const cursor = clampCursor(route.cursor, machines.length);
	const selected = machines[cursor];
	const {start, end} = visibleWindow(machines.length, cursor, height - 4);
	const onScreen = machines.slice(start, end).map(machine => machine.arn).join('\n');

	useEffect(() => {
		follower.show(onScreen ? onScreen.split('\n') : []);
	}, [follower, onScreen]);

	useCommands('machine-wall', {
		...listNavigation(actions, machines.length, height),
		...machineCommands(actions, selected),
	}, isActive);

	const lines = useMemo(() => {
		const nameWidth = Math.min(48, Math.max(12, ...machines.map(machine => displayWidth(sanitize(machine.name)))));
		return fitBlock([
			listHeaderLine(session, ['wall of machines'], state),
			...listPaneLines({
				title: 'All machines: running, and ended in the last hour',
				right: `${machines.length}${route.filter ? ` /${sanitize(route.filter)}` : ''}`,
				header: `${'NAME'.padEnd(nameWidth)}  RUNNING  FAILED (1h)  SUCCEEDED (1h)  AGE`,
				rows: machines.slice(start, end).map(machine => machineRow(machine, nameWidth, now)),
				cursor: cursor - start,
				width,
				height: height - 2,
				ascii,
				empty: emptyListText(state, 'state machines', route.filter ? 'no state machine matches the filter' : 'no state machines in this account and region'),
			}),
			statusLine({view: 'machine-wall', readOnly, error: state.error, retrying: state.retrying, message}),
		], width, height, ascii ? '~' : '…');
	}, [machines, state, cursor, start, end, width, height, ascii, route.filter, session, now, readOnly, message]);

	return <StyledLines lines={lines} theme={theme}/>;
}
