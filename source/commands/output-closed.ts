/**
 * A reader that goes away (`sfntop tail ARN | head -1`) closes the pipe, and
 * the next write to stdout fails with EPIPE. That is the end of the output, not
 * an error: the command stops (its followers with it) and exits 0, as
 * `git log | head` does. Unhandled, Node throws the EPIPE as an 'error' event
 * with a stack trace. stderr failing (`2>&1 | head`) leaves nowhere to report.
 */
export type OutputWatch = {
	/** Aborted once stdout can take no more output. */
	closed: AbortSignal;
	/** One line for the user when stdout failed for another reason than a reader that left (a full disk). */
	failure(): string | undefined;
	/** Resolves once everything written so far has gone out or failed (so `closed` and `failure` are final). */
	settled(): Promise<void>;
};

const readerLeft = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

export function watchOutput(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): OutputWatch {
	const controller = new AbortController();
	let problem: string | undefined;
	stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (!readerLeft.has(error.code ?? '') && !controller.signal.aborted) {
			problem = `cannot write to standard output: ${error.code ?? error.message}`;
		}

		controller.abort();
	});
	stderr.on('error', () => undefined);
	return {
		closed: controller.signal,
		failure: () => problem,
		async settled() {
			if (controller.signal.aborted) {
				return;
			}

			await new Promise<void>(resolve => {
				// An empty write calls back after the writes before it, with their error if any.
				stdout.write('', () => {
					setImmediate(resolve);
				});
			});
		},
	};
}
