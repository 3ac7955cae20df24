// Terminal facts handled once (STYLE.md, Ink): the alternate screen is left,
// the cursor shown and raw mode turned off however the program ends — q,
// Ctrl-C, SIGTERM, SIGHUP (ssh drop) or an uncaught error.
import process from 'node:process';

const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

export type TerminalGuard = {
	/** Restore the terminal (idempotent) and remove the handlers. */
	restore(): void;
};

/**
 * Ink hides the cursor through cli-cursor, whose restore-cursor writes
 * `\e[?25h` to process.stderr when the process exits — into a user's
 * `2>errors.log` too. The cursor is already shown on the terminal above, so
 * that one write is dropped: the dashboard writes nothing to stderr when it
 * quits (issue 11).
 */
function muteCursorRestoreOnStderr(): void {
	const {stderr} = process;
	const original = stderr.write;
	stderr.write = (chunk: unknown, ...rest: unknown[]): boolean => chunk === showCursor || Boolean(Reflect.apply(original, stderr, [chunk, ...rest]));
}

/**
 * Installs the handlers that restore the terminal. `onSignal` is called after
 * the terminal is restored for a signal or an uncaught error, with the exit code.
 */
export function guardTerminal(options: {stdout: NodeJS.WriteStream; stdin: NodeJS.ReadStream; onEnd: (code: number, error?: unknown) => void}): TerminalGuard {
	const {stdout, stdin} = options;
	let restored = false;
	const restore = () => {
		if (restored) {
			return;
		}

		restored = true;
		process.off('SIGINT', onInt);
		process.off('SIGTERM', onTerm);
		process.off('SIGHUP', onHup);
		process.off('uncaughtException', onError);
		process.off('unhandledRejection', onError);
		try {
			if (stdin.isTTY && stdin.isRaw) {
				stdin.setRawMode(false);
			}
		} catch {}

		try {
			stdout.write(showCursor + leaveAlternateScreen);
		} catch {}

		muteCursorRestoreOnStderr();
	};

	const onTerm = () => {
		restore();
		options.onEnd(143);
	};

	const onInt = () => {
		restore();
		options.onEnd(130);
	};

	const onHup = () => {
		restore();
		options.onEnd(129);
	};

	const onError = (error: unknown) => {
		restore();
		options.onEnd(70, error);
	};

	// Ctrl-C is a key press in raw mode; SIGINT still arrives from `kill -INT` or before raw mode is on.
	process.on('SIGINT', onInt);
	process.on('SIGTERM', onTerm);
	process.on('SIGHUP', onHup);
	process.on('uncaughtException', onError);
	process.on('unhandledRejection', onError);
	// Last resort: whatever path leads to exit, leave the terminal usable.
	process.once('exit', restore);
	return {restore};
}
