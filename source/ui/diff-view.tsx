import {useMemo} from 'react';
import {executionNameOf} from '../model/arn.js';
import {diffLines} from '../model/diff/diff-lines.js';
import {diffExecutions} from '../model/diff/execution-diff.js';
import type {StyledLine} from '../model/types.js';
import {useDashboardActions, useDashboardState} from './dashboard-context.js';
import {listHeaderLine} from './list-header.js';
import {listNavigation} from './list-navigation.js';
import type {Route} from './routes.js';
import {fitBlock, titleLine} from './screen-lines.js';
import {statusLine} from './status-line.js';
import {StyledLines} from './styled-lines.js';
import {useCommands} from './use-commands.js';
import {useFollower} from './use-follower.js';
import {useStateRuns} from './use-state-runs.js';

type DiffRoute = Extract<Route, {view: 'diff'}>;

/**
 * Two executions compared (`m` on one, `d` on the other): the same report as
 * `sfntop diff`, scrolled with the list keys, live while either runs.
 */
export function DiffView({route, width, height, isActive}: {route: DiffRoute; width: number; height: number; isActive: boolean}) {
	const {session, theme, ascii, readOnly, message} = useDashboardState();
	const actions = useDashboardActions();
	const a = useFollower(() => session.execution(route.a), route.a);
	const b = useFollower(() => session.execution(route.b), route.b);
	const left = useStateRuns(a.data);
	const right = useStateRuns(b.data);
	const labels: [string, string] = [executionNameOf(route.a), executionNameOf(route.b)];
	const report = useMemo(
		() => (left.runs && right.runs ? diffLines(diffExecutions(left.runs, right.runs), {labels, width, ascii}) : undefined),
		[left.runs, left.version, right.runs, right.version, width, ascii, route.a, route.b],
	);
	const room = Math.max(1, height - 3);
	const total = report?.length ?? 0;
	const top = Math.max(0, Math.min(route.cursor, total - room));
	useCommands('diff', listNavigation(actions, Math.max(1, total - room + 1), room + 4), isActive);

	const lines = useMemo((): StyledLine[] => {
		const error = a.error ?? b.error;
		const body: StyledLine[] = report
			? report.slice(top, top + room)
			: [[{text: error ? 'could not load both executions; the reason is below, retrying' : 'loading both executions…', role: 'muted'}]];
		return fitBlock([
			listHeaderLine(session, ['diff', ...labels], a.data ? b : a),
			titleLine('Diff', width, {focused: true, ascii, right: total > room ? `lines ${top + 1}-${Math.min(total, top + room)} of ${total}` : undefined}),
			...fitBlock(body, width, room, ascii ? '~' : '…'),
			statusLine({view: 'diff', readOnly, error, message}),
		], width, height, ascii ? '~' : '…');
	}, [report, top, room, total, a, b, width, height, ascii, readOnly, message, session]);

	return <StyledLines lines={lines} theme={theme}/>;
}
