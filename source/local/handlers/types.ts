export type HandlerContext = {
	functionName: string;
	requestId: string;
	/** The execution's redrive count: 0 on the first run. */
	redriveCount: number;
	/** 1 for the first attempt, 2 for the first retry, ... */
	attempt: number;
	/** A line in this invocation's CloudWatch Logs stream (Node's console.log format). */
	log(line: string): void;
	/** Aborted when the execution is stopped. */
	signal: AbortSignal;
};

/** A Lambda function's code: the event in, the result out; throw to fail. */
export type Handler = (event: unknown, context: HandlerContext) => Promise<unknown>;

/** Handlers keyed by function name (the last part of a Lambda ARN). */
export type HandlerRegistry = Record<string, Handler>;

/** An error a handler throws on purpose, with a Lambda-style type (the history's `error`). */
export function handlerError(errorType: string, message: string): Error {
	const error = new Error(message);
	error.name = errorType;
	return error;
}

export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
	if (ms <= 0) {
		return;
	}

	await new Promise<void>(resolve => {
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		}

		signal.addEventListener('abort', done, {once: true});
	});
}
