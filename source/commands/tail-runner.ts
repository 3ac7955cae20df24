import process from 'node:process';
import {sanitize, terminalSafeJson} from '../model/text/sanitize.js';
import {eventJson, eventLine, logLine, mapRunProgressJson, mapRunProgressLine} from '../model/history/event-line.js';
import {EventOwners} from '../model/history/event-owners.js';
import {lineToAnsi, pickTheme} from '../model/text/theme.js';
import {type HistoryEvent, type StyledLine, type LogLine} from '../model/types.js';
import {clipLine} from '../model/text/width.js';
import {exitCodes, UserError} from '../model/user-error.js';
import type {Follower, SfnSession} from '../sync/types.js';
import {MapRunProgress} from './map-run-progress.js';
import {TailOutput} from './tail-output.js';

export type TailOptions = {
	json: boolean;
	logs: boolean;
	color: boolean;
	/** Where lines are cut: the terminal's width; Infinity in a pipe or a file (nothing is cut). */
	width: number;
	/** Aborted when stdout is gone (`| head -1`): stop following, exit 0. */
	closed?: AbortSignal;
	/** Where a note that some logs could not be read goes (stderr). */
	notices?: NodeJS.WritableStream;
};

const success = new Set(['SUCCEEDED']);
const mapRunEnds = new Set(['MapRunSucceeded', 'MapRunFailed', 'MapRunAborted']);

/** CloudWatch Logs delivers a function's last lines a moment after the execution ends. */
const lateLogsMs = 2500;
/** Log reads that keep failing hold the end of `tail` back no longer than a one-shot call is retried (README "Retries"). */
const logWaitLimitMs = 60_000;
/** An ended map run's final counts (its next DescribeMapRun, a tick away) do not hold the end back longer than this. */
const mapRunWaitLimitMs = 5000;

/**
 * Prints an execution's history from its first event, then follows it as it
 * happens (like `kubectl logs -f`), until it ends. Resolves to the exit code:
 * 0 SUCCEEDED, 1 FAILED/ABORTED/TIMED_OUT, 130 on Ctrl-C, 0 when stdout closes.
 * With `logs`, each Task state's Lambda log lines are merged with the events
 * in time order (tail-output.ts): an execution that has ended is printed all
 * at once when its logs are read; a running one as lines arrive, each batch in
 * order.
 */
export async function tailExecution(session: SfnSession, executionArn: string, options: TailOptions, stdout: NodeJS.WriteStream): Promise<number> {
	// The first object names the execution: `start --tail --json` prints nothing else, and a script needs the ARN to stop or redrive it.
	const jsonOf = (event: HistoryEvent, owner: string | undefined) => ({...eventJson(event, owner), ...(event.type === 'ExecutionStarted' && {executionArn})});
	const theme = pickTheme({color: options.color});
	const styled = (line: StyledLine) => lineToAnsi(Number.isFinite(options.width) ? clipLine(line, options.width) : line, theme);
	const output = new TailOutput(text => {
		stdout.write(`${text}\n`);
	});

	const follower = session.execution(executionArn);
	const owners = new EventOwners();
	const attempts = new Map<string, number>();
	/** Each Task state's log follower, and when it was made (its first read starts then). */
	const logFollowers = new Map<string, {follower: Follower<LogLine[]>; seen: Set<string>; since: number}>();
	/** While a batch of events is being added: lines printed meanwhile wait for the batch's flush. */
	let adding = false;
	const mapRuns = new MapRunProgress(session, (state, run, at, after) => {
		output.addEvent(at, undefined, 'MapRunProgress', options.json ? terminalSafeJson(mapRunProgressJson(at, state, run)) : styled(mapRunProgressLine(at, state, run)), after);
		if (!adding) {
			output.flush();
		}
	});
	let printed = 0;
	let stoppedOn: UserError | undefined;

	/** Log lines not collected yet, from every state's follower (a follower's list is re-sorted as lines arrive). */
	const collectLogs = () => {
		for (const [state, entry] of logFollowers) {
			for (const line of entry.follower.getState().data ?? []) {
				if (entry.seen.has(line.id)) {
					continue;
				}

				entry.seen.add(line.id);
				output.addLog(line.timestamp, state, options.json
					? terminalSafeJson({type: 'Log', state, timestamp: new Date(line.timestamp).toISOString(), logGroup: line.logGroup, logStream: line.logStream, message: line.message})
					: styled(logLine(line.timestamp, state, line.message)));
			}
		}
	};

	/** Has this follower read once (or stopped)? */
	const hasRead = (logs: Follower<LogLine[]>) => {
		const state = logs.getState();
		return !state.loading || state.done || (state.error !== undefined && !state.retrying);
	};

	/** The states whose logs are not in hand yet. */
	const unreadLogs = () => [...logFollowers].filter(([, entry]) => !hasRead(entry.follower)).map(([state]) => state);

	return new Promise<number>(resolve => {
		let finished = false;
		let ending: NodeJS.Timeout | undefined;
		const finish = (code: number) => {
			if (finished) {
				return;
			}

			finished = true;
			clearInterval(ending);
			unsubscribe();
			process.off('SIGINT', onInterrupt);
			options.closed?.removeEventListener('abort', onClosed);
			for (const entry of logFollowers.values()) {
				entry.follower.stop();
			}

			mapRuns.stop();
			follower.stop();
			resolve(code);
		};

		const onInterrupt = () => {
			finish(exitCodes.interrupted);
		};

		const onClosed = () => {
			finish(exitCodes.ok);
		};

		const onLogs = () => {
			collectLogs();
			output.flush();
		};

		/**
		 * A follower made before the last lines could have arrived reads its state's logs again from a new one,
		 * whose first read covers the state's whole window: the old one's next read may be a while away
		 * (backing off while nothing changed, or retried under throttling), and a tail that ended on its
		 * last read lost the state's last lines — or, for the last state, all of them.
		 */
		const readLogsAgain = (after: number) => {
			collectLogs();
			for (const [state, entry] of logFollowers) {
				if (entry.since < after) {
					entry.follower.stop();
					const logs = session.logs(executionArn, state);
					logFollowers.set(state, {follower: logs, seen: entry.seen, since: Date.now()});
					logs.subscribe(onLogs);
				}
			}
		};

		/**
		 * The execution ended: wait until each ended map run's final counts are read
		 * and, with --logs, its logs — read once more after late lines had a moment —
		 * then print the rest in order.
		 */
		const end = (code: number, stopDate: number | undefined) => {
			output.hold();
			const started = Date.now();
			const lateUntil = options.logs ? Math.min(started + lateLogsMs, (stopDate ?? started) + lateLogsMs) : started;
			let readAgain = false;
			const settled = () => {
				const now = Date.now();
				if (options.logs && !readAgain && now >= lateUntil) {
					readAgain = true;
					readLogsAgain(lateUntil);
				}

				const mapRunsRead = !mapRuns.waiting() || now - started >= mapRunWaitLimitMs;
				const unread = options.logs ? unreadLogs() : [];
				if ((unread.length === 0 && now >= lateUntil && mapRunsRead) || now - started >= logWaitLimitMs) {
					collectLogs();
					output.flush(true);
					if (unread.length > 0) {
						(options.notices ?? process.stderr).write(`sfntop: could not read the logs of ${unread.map(state => sanitize(state)).join(', ')} within ${logWaitLimitMs / 1000} s; the events are complete (tail it again for the logs)\n`);
					}

					finish(code);
					return true;
				}

				return false;
			};

			if (!settled()) {
				ending = setInterval(() => {
					settled();
				}, 100);
			}
		};

		const onChange = () => {
			const state = follower.getState();
			if (state.error && !state.retrying) {
				// Polling stopped on this error (no such execution, access denied): one line, and exit.
				stoppedOn = new UserError(state.error, state.errorKind);
				finish(stoppedOn.exitCode);
				return;
			}

			// While calls are retried the session prints one line per outage (createSession's `notices`).
			const {data} = state;
			if (!data || ending) {
				return;
			}

			adding = true;
			for (const event of data.events.slice(printed)) {
				const owner = owners.stateOf(event);
				let attempt: number | undefined;
				// A Task's attempts are its *Scheduled events; a Map or Parallel state's, its *StateStarted events.
				if (owner && (event.type.endsWith('Scheduled') || event.type === 'MapStateStarted' || event.type === 'ParallelStateStarted')) {
					attempt = (attempts.get(owner) ?? 0) + 1;
					attempts.set(owner, attempt);
				}

				if (owner && event.type.endsWith('StateEntered')) {
					attempts.set(owner, 0);
					if (options.logs && !logFollowers.has(owner) && event.type === 'TaskStateEntered') {
						const logs = session.logs(executionArn, owner);
						logFollowers.set(owner, {follower: logs, seen: new Set(), since: Date.now()});
						logs.subscribe(onLogs);
					}
				}

				const line = output.addEvent(event.timestamp, owner, event.type, options.json ? terminalSafeJson(jsonOf(event, owner)) : styled(eventLine(event, owner, attempt, {whole: options.width === Infinity})));
				const mapRunArn = owner === undefined ? undefined : data.snapshot.states.get(owner)?.mapRun?.arn;
				if (mapRunArn && mapRunEnds.has(event.type)) {
					mapRuns.ended(mapRunArn, owner!, {at: event.timestamp, after: line});
				} else if (mapRunArn && event.type === 'MapRunRedriven') {
					mapRuns.redriven(mapRunArn);
				}
			}

			printed = data.events.length;
			mapRuns.see(data.snapshot);
			adding = false;
			if (state.done) {
				end(success.has(data.description.status) ? exitCodes.ok : exitCodes.executionUnsuccessful, data.description.stopDate);
			} else {
				output.flush();
			}
		};

		const unsubscribe = follower.subscribe(onChange);
		process.on('SIGINT', onInterrupt);
		options.closed?.addEventListener('abort', onClosed);
		if (options.closed?.aborted) {
			onClosed();
			return;
		}

		onChange();
	}).then(code => {
		if (stoppedOn) {
			throw stoppedOn;
		}

		return code;
	});
}
