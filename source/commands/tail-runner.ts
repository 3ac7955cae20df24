import process from 'node:process';
import {terminalSafeJson} from '../model/text/sanitize.js';
import {eventJson, eventLine, logLine, mapRunProgressJson, mapRunProgressLine} from '../model/history/event-line.js';
import {EventOwners} from '../model/history/event-owners.js';
import {lineToAnsi, pickTheme} from '../model/text/theme.js';
import {type StyledLine, type LogLine} from '../model/types.js';
import {clipLine} from '../model/text/width.js';
import {exitCodes, UserError} from '../model/user-error.js';
import type {Follower, SfnSession} from '../sync/types.js';
import {MapRunProgress} from './map-run-progress.js';

export type TailOptions = {
	json: boolean;
	logs: boolean;
	color: boolean;
	width: number;
	/** Aborted when stdout is gone (`| head -1`): stop following, exit 0. */
	closed?: AbortSignal;
};

const success = new Set(['SUCCEEDED']);

/**
 * Prints an execution's history from its first event, then follows it as it
 * happens (like `kubectl logs -f`), until it ends. Resolves to the exit code:
 * 0 SUCCEEDED, 1 FAILED/ABORTED/TIMED_OUT, 130 on Ctrl-C. With `logs`, each
 * Task state's Lambda log lines are printed as they arrive, under its name.
 */
export async function tailExecution(session: SfnSession, executionArn: string, options: TailOptions, stdout: NodeJS.WriteStream): Promise<number> {
	const theme = pickTheme({color: options.color});
	const write = (line: StyledLine) => {
		stdout.write(`${lineToAnsi(Number.isFinite(options.width) ? clipLine(line, options.width) : line, theme)}\n`);
	};

	const follower = session.execution(executionArn);
	const owners = new EventOwners();
	const attempts = new Map<string, number>();
	const logFollowers = new Map<string, {follower: Follower<LogLine[]>; printed: number}>();
	const mapRuns = new MapRunProgress(session, (state, run, at) => {
		if (options.json) {
			stdout.write(`${terminalSafeJson(mapRunProgressJson(at, state, run))}\n`);
		} else {
			write(mapRunProgressLine(at, state, run));
		}
	});
	let printed = 0;
	let stoppedOn: UserError | undefined;

	const printLogs = () => {
		for (const [state, entry] of logFollowers) {
			const lines = entry.follower.getState().data ?? [];
			for (const line of lines.slice(entry.printed)) {
				if (options.json) {
					stdout.write(`${terminalSafeJson({type: 'Log', state, timestamp: new Date(line.timestamp).toISOString(), logGroup: line.logGroup, logStream: line.logStream, message: line.message})}\n`);
				} else {
					write(logLine(line.timestamp, state, line.message));
				}
			}

			entry.printed = lines.length;
		}
	};

	return new Promise<number>(resolve => {
		let finished = false;
		const finish = (code: number) => {
			if (finished) {
				return;
			}

			finished = true;
			clearTimeout(logWait);
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

		let logWait: NodeJS.Timeout | undefined;

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
			if (!data) {
				return;
			}

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
						logFollowers.set(owner, {follower: logs, printed: 0});
						logs.subscribe(printLogs);
					}
				}

				if (options.json) {
					stdout.write(`${terminalSafeJson(eventJson(event, owner))}\n`);
				} else {
					write(eventLine(event, owner, attempt));
				}
			}

			printed = data.events.length;
			mapRuns.see(data.snapshot);
			if (state.done) {
				const code = success.has(data.description.status) ? exitCodes.ok : exitCodes.executionUnsuccessful;
				// Give log lines that belong to the last states a moment to arrive.
				const waitForLogs = options.logs ? 2500 : 0;
				logWait = setTimeout(() => {
					printLogs();
					finish(code);
				}, waitForLogs);
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
