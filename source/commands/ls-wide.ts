import {formatDuration, formatTime, isoOrNull} from '../model/text/format.js';
import {sanitize, terminalSafeJson} from '../model/text/sanitize.js';
import {iterationBadge} from '../model/text/status-style.js';
import type {StyledLine} from '../model/types.js';
import type {RunningRow} from '../model/wall/wall-types.js';
import {createApiWithHooks, type SessionOptions} from '../sync/session.js';
import {onTheCommandLine} from '../sync/standard-only.js';
import {createWalls, readEveryRowOnce} from '../sync/walls.js';
import {attempt} from './aws-command.js';

/**
 * `sfntop ls MACHINE --status RUNNING --wide`: the running wall's rows, once,
 * for scripts — every RUNNING execution (paged) with its current state,
 * elapsed time and Map progress, each read once within the same budget as
 * the wall (so 500 executions at the default 2.5 reads/s take about 200 s;
 * on a terminal, stderr says how far it is). Newest first, as `ls` lists.
 */
export async function listRunningWide(options: {
	session: SessionOptions;
	machineArn: string;
	json: boolean;
	ascii: boolean;
	progress?: NodeJS.WriteStream;
	write: (text: string) => void;
	print: (lines: StyledLine[]) => void;
	table: (rows: string[][]) => StyledLine[];
}): Promise<void> {
	const {api, hooks} = await createApiWithHooks(options.session);
	const walls = createWalls(api, hooks, {intervalMs: options.session.intervalMs, ...(options.session.budget !== undefined && {budget: options.session.budget})});
	const state = walls.runningState(options.machineArn);
	state.expressElsewhere = onTheCommandLine;
	await attempt(api, 'ListExecutions', async () => state.list());
	const showProgress = options.progress?.isTTY === true && state.rows.size > 0;
	await attempt(api, 'GetExecutionHistory', async () => readEveryRowOnce(state, (done, total) => {
		if (showProgress) {
			const left = Math.ceil((total - done) / walls.settings.budget);
			options.progress!.write(`\r\u001B[Kreading ${done}/${total} (budget ${walls.settings.budget}/s, about ${formatDuration(left * 1000)} left)`);
		}
	}));
	if (showProgress) {
		options.progress!.write('\r\u001B[K');
	}

	const now = Date.now();
	const {rows} = state.snapshot();
	if (options.json) {
		for (const row of rows) {
			options.write(`${terminalSafeJson(wideJson(row))}\n`);
		}

		return;
	}

	options.print(options.table([
		['NAME', 'CURRENT STATE', 'STARTED', 'ELAPSED', 'MAP'],
		...rows.map(row => [
			sanitize(row.name),
			sanitize(row.currentState ?? '-'),
			formatTime(row.startDate),
			formatDuration(row.startDate === undefined ? undefined : now - row.startDate),
			row.mapProgress ? iterationBadge(row.mapProgress, options.ascii) : '',
		]),
	]));
}

function wideJson(row: RunningRow) {
	return {
		name: row.name,
		arn: row.arn,
		status: 'RUNNING',
		startDate: isoOrNull(row.startDate),
		currentState: row.currentState ?? null,
		mapProgress: row.mapProgress ?? null,
		readAt: isoOrNull(row.readAt),
	};
}
