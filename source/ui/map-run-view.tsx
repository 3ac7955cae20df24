import {useMemo} from 'react';
import {mapRunNameOf} from '../model/arn.js';
import {mapRunPanelLines} from '../model/history/map-run-text.js';
import {sanitize} from '../model/text/sanitize.js';
import type {StyledLine} from '../model/types.js';
import {useDashboardActions, useDashboardState} from './dashboard-context.js';
import {executionRow, statusFilters} from './executions-view.js';
import {listHeaderLine} from './list-header.js';
import {listNavigation} from './list-navigation.js';
import {emptyListText, listPaneLines} from './list-pane.js';
import {executionRoute, type Route} from './routes.js';
import {fitBlock, titleLine} from './screen-lines.js';
import {statusLine} from './status-line.js';
import {StyledLines} from './styled-lines.js';
import {useCommands} from './use-commands.js';
import {useAnchoredCursor} from './use-anchored-cursor.js';
import {useFollower} from './use-follower.js';

type MapRunRoute = Extract<Route, {view: 'map-run'}>;

/**
 * A Distributed Map run: its progress (one DescribeMapRun per tick) and its
 * child executions, newest first and live (one ListExecutions by mapRunArn per
 * tick); `f` filters them by status, `/` by name, `enter` opens one, `esc`
 * goes back to the parent.
 */
export function MapRunView({route, width, height, isActive}: {route: MapRunRoute; width: number; height: number; isActive: boolean}) {
	const {session, theme, ascii, readOnly, message} = useDashboardState();
	const actions = useDashboardActions();
	const run = useFollower(() => session.mapRun(route.mapRunArn), route.mapRunArn);
	const children = useFollower(() => session.mapRunExecutions(route.mapRunArn, route.status), `${route.mapRunArn}\n${route.status ?? ''}`);
	const executions = useMemo(() => {
		const needle = route.filter.toLowerCase();
		return (children.data ?? [])
			.filter(execution => (!route.status || execution.status === route.status) && (!needle || execution.name.toLowerCase().includes(needle)))
			.toSorted((a, b) => (b.startDate ?? 0) - (a.startDate ?? 0));
	}, [children.data, route.filter, route.status]);
	const cursor = useAnchoredCursor(useMemo(() => executions.map(row => row.arn), [executions]), route.cursor, actions);
	const selected = executions[cursor];
	const trail = [...route.trail, route.stateName];

	useCommands('map-run', {
		...listNavigation(actions, executions.length, height),
		enter() {
			if (selected) {
				actions.open(executionRoute(selected.arn, trail));
			}
		},
		statusFilter() {
			actions.update({status: statusFilters[(statusFilters.indexOf(route.status) + 1) % statusFilters.length], cursor: 0});
		},
	}, isActive);

	const lines = useMemo((): StyledLine[] => {
		const ellipsis = ascii ? '~' : '…';
		const status = run.data?.status;
		const panel: StyledLine[] = [
			titleLine(`Map Run ${sanitize(mapRunNameOf(route.mapRunArn))}`, width, {focused: false, ascii, right: status}),
			...(run.data ? mapRunPanelLines(run.data, width, ascii) : [[{text: emptyListText(run, 'the map run', ''), role: 'muted' as const}]]),
		];
		const nameWidth = Math.min(40, Math.max(8, ...executions.map(execution => execution.name.length)));
		const listHeight = Math.max(3, height - 2 - panel.length);
		return fitBlock([
			listHeaderLine(session, [...trail, 'map run'], run),
			...panel,
			...listPaneLines({
				title: `Child executions${route.status ? ` (${route.status})` : ''}`,
				right: `${executions.length}${route.filter ? ` /${sanitize(route.filter)}` : ''}`,
				header: `${'STATUS'.padEnd(16)}${'NAME'.padEnd(nameWidth)}  ${'STARTED'.padEnd(20)}  DURATION`,
				rows: executions.map(execution => executionRow(execution, nameWidth)),
				cursor,
				width,
				height: listHeight,
				ascii,
				empty: emptyListText(children, 'child executions', route.status || route.filter ? 'no child executions match' : 'no child executions yet'),
			}),
			statusLine({view: 'map-run', readOnly, error: run.error ?? children.error, message}),
		], width, height, ellipsis);
	}, [run, children, executions, cursor, width, height, ascii, route, session, readOnly, message, trail]);

	return <StyledLines lines={lines} theme={theme}/>;
}
