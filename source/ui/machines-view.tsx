import {useMemo} from 'react';
import {formatTime} from '../model/text/format.js';
import {sanitize} from '../model/text/sanitize.js';
import {displayWidth, fitToWidth} from '../model/text/width.js';
import type {StyledLine} from '../model/types.js';
import {useDashboardActions, useDashboardState} from './dashboard-context.js';
import {listHeaderLine} from './list-header.js';
import {clampCursor, emptyListText, listPaneLines} from './list-pane.js';
import {listNavigation} from './list-navigation.js';
import {machineCommands} from './machine-commands.js';
import {machineWallRoute, type Route} from './routes.js';
import {fitBlock} from './screen-lines.js';
import {statusLine} from './status-line.js';
import {StyledLines} from './styled-lines.js';
import {useCommands} from './use-commands.js';
import {useFollower} from './use-follower.js';

type MachinesRoute = Extract<Route, {view: 'machines'}>;

/** Every state machine in the account and region, filterable with `/`. */
export function MachinesView({route, width, height, isActive}: {route: MachinesRoute; width: number; height: number; isActive: boolean}) {
	const {session, theme, ascii, readOnly, message} = useDashboardState();
	const actions = useDashboardActions();
	const follower = useFollower(() => session.machines(), 'machines');
	const machines = useMemo(() => {
		const needle = route.filter.toLowerCase();
		return (follower.data ?? []).filter(machine => !needle || machine.name.toLowerCase().includes(needle));
	}, [follower.data, route.filter]);
	const cursor = clampCursor(route.cursor, machines.length);
	const selected = machines[cursor];

	useCommands('machines', {
		...listNavigation(actions, machines.length, height),
		...machineCommands(actions, selected),
		machineWall() {
			actions.open(machineWallRoute());
		},
	}, isActive);

	const lines = useMemo(() => {
		const nameWidth = Math.min(48, Math.max(12, ...machines.map(machine => displayWidth(sanitize(machine.name)))));
		const rows: StyledLine[] = machines.map(machine => [{text: `${fitToWidth(sanitize(machine.name), nameWidth)}  ${machine.type.padEnd(8)}  ${formatTime(machine.creationDate)}`}]);
		return fitBlock([
			listHeaderLine(session, ['state machines'], follower),
			...listPaneLines({
				title: 'State machines',
				right: `${machines.length}${route.filter ? ` /${sanitize(route.filter)}` : ''}`,
				header: `${'NAME'.padEnd(nameWidth)}  TYPE      CREATED`,
				rows,
				cursor,
				width,
				height: height - 2,
				ascii,
				empty: emptyListText(follower, 'state machines', route.filter ? 'no state machine matches the filter' : 'no state machines in this account and region'),
			}),
			statusLine({view: 'machines', readOnly, error: follower.error, retrying: follower.retrying, message}),
		], width, height, ascii ? '~' : '…');
	}, [machines, follower, cursor, width, height, ascii, route.filter, session, readOnly, message]);

	return <StyledLines lines={lines} theme={theme}/>;
}
