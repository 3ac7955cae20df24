import {useMemo} from 'react';
import {executionNameOf} from '../model/arn.js';
import {timelineRows} from '../model/timeline/timeline-rows.js';
import {mapRunBadge} from '../model/history/map-run-text.js';
import {variablesInScope} from '../model/history/variables.js';
import {sanitize} from '../model/text/sanitize.js';
import {variableBadges} from '../model/graph/variable-marks.js';
import type {ExecutionSnapshot, MachineGraph, MapRunDescription, StyledLine} from '../model/types.js';
import {distributedMapOf} from '../model/graph/distributed-scope.js';
import {useDashboardActions, useDashboardState} from './dashboard-context.js';
import {eventTableLines, filterEvents, stateOfEvent} from './event-table.js';
import {executionKeys} from './execution-actions.js';
import {cachedLayout, defaultSelection, graphPaneLines} from './graph-pane.js';
import {moveSelection} from './graph-navigation.js';
import {executionHeaderLines} from './header.js';
import {logPaneLines} from './log-pane.js';
import {executionRoute, mapRunRoute, type Panel, type Route} from './routes.js';
import {besideEachOther, fitBlock, titleLine} from './screen-lines.js';
import {stateDetailsLines} from './state-details-pane.js';
import {statusLine} from './status-line.js';
import {StyledLines} from './styled-lines.js';
import {stateOfRow, timelinePaneLines} from './timeline-pane.js';
import {useClock} from './use-clock.js';
import {useCommands} from './use-commands.js';
import {useFollower} from './use-follower.js';
import {useStateRuns} from './use-state-runs.js';
import {useMapRuns} from './use-map-runs.js';

type ExecutionRoute = Extract<Route, {view: 'execution'}>;

const panels: Panel[] = ['graph', 'details', 'events'];

/** The graph badges: each Distributed Map's map run counts (once read), else the variables a state assigns. */
function mapRunBadges(snapshot: ExecutionSnapshot | undefined, graph: MachineGraph | undefined, runs: ReadonlyMap<string, MapRunDescription>, ascii: boolean): ReadonlyMap<string, string> {
	const badges = graph ? variableBadges(graph) : new Map<string, string>();
	for (const state of snapshot?.states.values() ?? []) {
		const run = state.mapRun ? runs.get(state.mapRun.arn) : undefined;
		if (run) {
			badges.set(state.name, mapRunBadge(run, ascii));
		}
	}

	return badges;
}

/** Wide screens put details and logs beside the graph; narrow ones stack them. */
export const wideFrom = 110;

/**
 * One execution: header, graph coloured by status with the active state
 * highlighted, the selected state's details and logs, and the event history.
 * Exactly `height` rows of `width` cells.
 */
export function ExecutionView({route, width, height, isActive}: {route: ExecutionRoute; width: number; height: number; isActive: boolean}) {
	const {session, theme, ascii, readOnly, now: clock, message, marked} = useDashboardState();
	const actions = useDashboardActions();
	const follower = useFollower(() => session.execution(route.executionArn), route.executionArn);
	const {data} = follower;
	const running = data?.snapshot.status === 'RUNNING';
	const now = useClock(running, clock);
	const selectedName = data ? route.selected ?? defaultSelection(data.snapshot, data.graph) : undefined;
	const mapRunArns = useMemo(() => (data ? [...data.snapshot.states.values()].flatMap(state => (state.mapRun ? [state.mapRun.arn] : [])) : []), [data?.snapshot]);
	const mapRuns = useMapRuns(mapRunArns);
	const badges = useMemo(() => mapRunBadges(data?.snapshot, data?.graph, mapRuns, ascii), [data?.snapshot, data?.graph, mapRuns, ascii]);
	// What the selected state could read: walked back through the history once per change, not per frame.
	const scope = useMemo(() => (data && selectedName !== undefined ? variablesInScope(data.events, selectedName) : undefined), [data?.events, data?.snapshot.eventCount, selectedName]);
	const logs = useFollower(selectedName === undefined ? undefined : () => session.logs(route.executionArn, selectedName), `${route.executionArn}\n${selectedName ?? ''}`);
	const matches = useMemo(() => (data ? filterEvents(data.events, route.filter) : []), [data?.events, data?.snapshot.eventCount, route.filter]);
	const wide = width >= wideFrom;
	const bodyHeight = Math.max(0, height - 3);
	const graphMaxWidth = wide ? Math.floor(width * 0.55) : width;
	const graphRows = wide ? bodyHeight - Math.max(6, Math.floor(bodyHeight * 0.3)) - 1 : Math.max(3, Math.ceil(bodyHeight / 2) - 1);
	// Full graph when it fits in twice the room (scrolling keeps the selection in view), else compact.
	const layout = data ? cachedLayout(data.graph, graphMaxWidth, ascii, graphRows * 2) : undefined;
	// `t`: the timeline takes the graph's place; its runs are kept up to date only while it is shown.
	const {runs, version} = useStateRuns(route.timeline ? data : undefined);
	const rows = useMemo(() => (runs ? timelineRows(runs) : []), [runs, version]);
	// Until you move it, the timeline's cursor is on the state the details show (it follows the running one, as the graph does).
	const timelineCursor = route.timeline?.cursor ?? Math.max(0, rows.findIndex(row => stateOfRow(row) === selectedName));
	const keys = executionKeys(actions, marked);
	const executionName = executionNameOf(route.executionArn);

	const move = (direction: 'up' | 'down' | 'left' | 'right') => {
		if (!layout || !data) {
			return;
		}

		if (route.panel === 'events' && (direction === 'up' || direction === 'down')) {
			const last = matches.length - 1;
			actions.update(current => {
				const at = current.view === 'execution' ? current.eventCursor : 'end';
				const next = Math.max(0, Math.min(last, (at === 'end' ? last : at) + (direction === 'up' ? -1 : 1)));
				return {eventCursor: next >= last ? 'end' : next};
			});
			return;
		}

		if (route.timeline && route.panel === 'graph' && (direction === 'up' || direction === 'down')) {
			actions.update(current => {
				const at = current.view === 'execution' ? current.timeline?.cursor ?? timelineCursor : timelineCursor;
				const cursor = Math.max(0, Math.min(rows.length - 1, at + (direction === 'up' ? -1 : 1)));
				const state = stateOfRow(rows[cursor]);
				return {timeline: {cursor}, ...(state && {selected: state, logScroll: 0})};
			});
			return;
		}

		if (route.panel === 'details' && (direction === 'up' || direction === 'down')) {
			actions.update(current => ({logScroll: Math.max(0, (current.view === 'execution' ? current.logScroll : 0) + (direction === 'up' ? 1 : -1))}));
			return;
		}

		actions.update(current => {
			const from = current.view === 'execution' ? current.selected ?? selectedName : selectedName;
			const next = moveSelection(layout.nodes, from, direction);
			return next ? {selected: next, logScroll: 0} : {};
		});
	};

	const page = (delta: number) => {
		const last = matches.length - 1;
		const current = route.eventCursor === 'end' ? last : route.eventCursor;
		const next = Math.max(0, Math.min(last, current + delta));
		actions.update({panel: 'events', eventCursor: next >= last ? 'end' : next});
	};

	useCommands('execution', {
		up() {
			move('up');
		},
		down() {
			move('down');
		},
		left() {
			move('left');
		},
		right() {
			move('right');
		},
		pageUp() {
			page(-Math.max(1, bodyHeight - 2));
		},
		pageDown() {
			page(Math.max(1, bodyHeight - 2));
		},
		top() {
			actions.update({panel: 'events', eventCursor: 0});
		},
		bottom() {
			actions.update({panel: 'events', eventCursor: 'end'});
		},
		panel() {
			actions.update({panel: panels[(panels.indexOf(route.panel) + 1) % panels.length]});
		},
		enter() {
			if (route.panel === 'events' && data) {
				// Enter on an event opens the state it belongs to.
				const index = matches[route.eventCursor === 'end' ? matches.length - 1 : route.eventCursor];
				const name = index === undefined ? undefined : stateOfEvent(data.events, index, data.graph);
				if (name) {
					actions.update({panel: 'details', selected: name, logScroll: 0});
				}

				return;
			}

			// A Distributed Map (or a state inside one) opens its map run's children; a startExecution task, its child execution.
			const mapName = selectedName === undefined || !data ? undefined : (data.snapshot.states.get(selectedName)?.mapRun ? selectedName : distributedMapOf(data.graph, selectedName));
			const mapRun = mapName === undefined ? undefined : data?.snapshot.states.get(mapName)?.mapRun;
			const parentTrail = [...(route.trail ?? []), ...(data ? [`${data.description.machineName}/${data.description.name}`] : [])];
			if (mapRun && mapName !== undefined) {
				actions.open(mapRunRoute(mapRun.arn, route.executionArn, mapName, parentTrail));
				return;
			}

			const selectedState = selectedName === undefined ? undefined : data?.snapshot.states.get(selectedName);
			const trail = [...parentTrail, ...(selectedName === undefined ? [] : [selectedName])];

			const child = selectedState?.childExecutions?.at(-1);
			if (child) {
				actions.open(executionRoute(child, trail));
				return;
			}

			actions.update({panel: route.panel === 'graph' ? 'details' : 'graph', ...(route.panel === 'graph' && selectedName && {selected: selectedName})});
		},
		start() {
			if (data) {
				actions.prompt({kind: 'start', machineArn: data.description.machineArn, machineName: data.description.machineName});
			}
		},
		stop() {
			actions.prompt({kind: 'stop', executionArn: route.executionArn});
		},
		redrive() {
			actions.prompt({kind: 'redrive', executionArn: route.executionArn});
		},
		timeline() {
			actions.update(current => (current.view === 'execution' ? {timeline: current.timeline ? undefined : {}, panel: 'graph'} : {}));
		},
		mark() {
			keys.mark(route.executionArn, executionName);
		},
		diff() {
			keys.diff(route.executionArn);
		},
		console() {
			keys.console(route.executionArn, data?.description.startDate);
		},
		copy() {
			// What you selected: the execution until you pick a state, then that state's error cause, else its output.
			const current = actions.current();
			const picked = current.view === 'execution' ? current.selected : undefined;
			const state = picked === undefined ? undefined : data?.snapshot.states.get(picked);
			const what = sanitize(picked ?? '');
			if (state?.cause ?? state?.error) {
				actions.copy((state.cause ?? state.error)!, `the error cause of ${what}`);
			} else if (state?.output === undefined) {
				actions.copy(route.executionArn, `the ARN of ${sanitize(executionName)}`);
			} else {
				actions.copy(state.output, `the output of ${what}`);
			}
		},
	}, isActive);

	// Read when the execution's data changes, not on every log poll: a finished execution's screen stays still.
	const callsPerMinute = useMemo(() => session.callsPerMinute(), [session, follower]);
	const ellipsis = ascii ? '~' : '…';
	const lines = useMemo((): StyledLine[] => {
		const status = statusLine({view: 'execution', readOnly, error: follower.error ?? logs.error, retrying: follower.error ? follower.retrying : logs.retrying, message});
		if (!data || !layout) {
			const text = follower.error ? 'could not load the execution' : `loading ${sanitize(route.executionArn)}…`;
			return fitBlock([[{text: 'sfntop', role: 'heading'}], [], [{text, role: 'muted'}], ...Array.from({length: Math.max(0, height - 4)}, () => []), status], width, height, ellipsis);
		}

		const {snapshot, graph} = data;
		const header = executionHeaderLines({description: data.description, snapshot, follower, now, callsPerMinute, ascii, ...(route.trail && {trail: route.trail})});
		const selectedState = selectedName === undefined ? undefined : snapshot.states.get(selectedName);
		const focus = (panel: Panel) => route.panel === panel;
		const graphBlock = (paneHeight: number, paneWidth: number) => (runs
			? [
				titleLine('Timeline', paneWidth, {focused: focus('graph'), ascii, right: `${rows.length} row${rows.length === 1 ? '' : 's'}`}),
				...timelinePaneLines({runs, rows, cursor: timelineCursor, width: paneWidth, height: paneHeight - 1, ascii, now}),
			]
			: [
				titleLine(layout.mode === 'compact' ? 'Graph (compact)' : 'Graph', paneWidth, {focused: focus('graph'), ascii}),
				...graphPaneLines({layout, snapshot, ...(route.selected && {selected: route.selected}), ...(selectedName && {focus: selectedName}), badges, width: paneWidth, height: paneHeight - 1, ascii}),
			]);
		const detailsBlock = (paneHeight: number, paneWidth: number) => {
			const selectedRun = selectedState?.mapRun ? mapRuns.get(selectedState.mapRun.arn) : undefined;
			const inMap = selectedName === undefined ? undefined : distributedMapOf(graph, selectedName);
			const details = stateDetailsLines({name: selectedName, state: selectedState, graph, width: paneWidth, ascii, fieldLines: paneHeight > 16 ? 3 : (paneHeight > 10 ? 2 : 1), ...(selectedRun && {mapRun: selectedRun}), ...(scope && {scope}), ...(inMap && {inDistributedMap: {name: inMap, started: snapshot.states.get(inMap)?.mapRun !== undefined}})});
			const shown = details.slice(0, Math.max(1, paneHeight - 4));
			const logRows = Math.max(0, paneHeight - shown.length - 2);
			return fitBlock([
				titleLine('State', paneWidth, {focused: focus('details'), ascii}),
				...shown,
				titleLine('Logs', paneWidth, {focused: focus('details'), ascii, right: logs.data ? `${logs.data.length} lines` : undefined}),
				...logPaneLines({lines: logs.data, loading: logs.loading, height: logRows, scrollBack: route.logScroll}),
			], paneWidth, paneHeight, ellipsis);
		};

		const eventsBlock = (paneHeight: number, paneWidth: number) => fitBlock(eventTableLines({events: data.events, matches, cursor: route.eventCursor, height: paneHeight, width: paneWidth, focused: focus('events'), ascii, filter: route.filter}), paneWidth, paneHeight, ellipsis);
		let body: StyledLine[];
		if (wide) {
			// Top: the graph (as wide and tall as it needs, within limits) beside the state's details and logs;
			// bottom: the event history across the whole width.
			const eventsHeight = Math.min(Math.floor(bodyHeight * 0.45), Math.max(6, bodyHeight - (runs ? rows.length + 2 : layout.height) - 1));
			const topHeight = bodyHeight - eventsHeight;
			const graphWidth = runs ? graphMaxWidth : Math.min(graphMaxWidth, Math.max(layout.width + 2, 32));
			const rightWidth = width - graphWidth - 1;
			body = [
				...besideEachOther([{lines: fitBlock(graphBlock(topHeight, graphWidth), graphWidth, topHeight, ellipsis), width: graphWidth}, {lines: detailsBlock(topHeight, rightWidth), width: rightWidth}], topHeight, {text: ascii ? '|' : '│', role: 'edge'}),
				...eventsBlock(eventsHeight, width),
			];
		} else {
			// Stacked: the graph on top, then whichever of details or events has focus.
			const graphHeight = Math.min(Math.max(4, Math.ceil(bodyHeight / 2)), runs ? rows.length + 2 : layout.height + 1);
			const restHeight = bodyHeight - graphHeight;
			body = [
				...fitBlock(graphBlock(graphHeight, width), width, graphHeight, ellipsis),
				...(route.panel === 'events' ? eventsBlock(restHeight, width) : detailsBlock(restHeight, width)),
			];
		}

		return fitBlock([...header, ...body, status], width, height, ellipsis);
	}, [data, layout, runs, rows, timelineCursor, logs, follower, route, width, height, now, message, readOnly, matches, selectedName, ascii, callsPerMinute, ellipsis, bodyHeight, wide, graphMaxWidth, badges, mapRuns, scope]);

	return <StyledLines lines={lines} theme={theme}/>;
}
