import {AsyncLocalStorage} from 'node:async_hooks';
import type {LambdaError} from './lambda-error.js';

/** An exception thrown where nobody catches it, or a rejected promise nobody handles. */
export type CrashKind = 'exception' | 'rejection';

export type LogLevel = 'INFO' | 'WARN' | 'ERROR' | 'DEBUG';

/** Where an invocation's output goes: its function's log stream. */
export type HandlerOutput = {
	/** A console.* call: one Lambda-formatted line at that level. */
	line(level: LogLevel, text: string): void;
	/** Text the function wrote to process.stdout / process.stderr, one line at a time, as Lambda's log agent splits it. */
	raw(text: string): void;
};

const scopes = new AsyncLocalStorage<InvocationScope>();

/** The invocation whose code is running now (undefined: serve's own code). */
export const currentScope = (): InvocationScope | undefined => scopes.getStore();

export async function runInScope<T>(scope: InvocationScope, work: () => Promise<T>): Promise<T> {
	return scopes.run(scope, work);
}

/** Runs serve's own code (writing a log line, a journal record) outside any invocation, so nothing it starts is the handler's. */
export const outsideScopes = <T>(work: () => T): T => scopes.exit(work);

/**
 * One handler invocation, as the async context it runs in. Everything the
 * handler starts (timers, promises, listeners) carries it, so an error
 * thrown there, or a line it prints, is attributed to this invocation even
 * when it happens after the handler returned.
 */
export class InvocationScope {
	private live = true;
	private readonly partial = {stdout: '', stderr: ''};

	/**
	 * A scope for one invocation.
	 * @param label how serve's stderr names it: `function NAME (request ID)`.
	 * @param output its log stream; undefined: serve's own streams (a service handler).
	 * @param onCrash fails the invocation while it runs (an uncaught error of its own).
	 * @param onLateCrash an uncaught error after it ended.
	 */
	constructor(readonly label: string, readonly output: HandlerOutput | undefined, private readonly onCrash: (error: LambdaError, how: CrashKind) => void, private readonly onLateCrash: (error: LambdaError) => void) {}

	/** An error of its own nobody caught: serve's work on it (log lines, the failure) runs outside the scope. */
	crashed(error: LambdaError, how: CrashKind): void {
		outsideScopes(() => {
			if (this.live) {
				this.onCrash(error, how);
			} else {
				this.onLateCrash(error);
			}
		});
	}

	/** Text written to a stream: complete lines go out now, the rest when a newline comes or the invocation ends. */
	write(stream: 'stdout' | 'stderr', text: string): void {
		const lines = (this.partial[stream] + text).split('\n');
		this.partial[stream] = lines.pop()!;
		for (const line of lines) {
			this.output?.raw(line);
		}
	}

	/** The invocation is over: what is left of a line is written, and later errors are only reported. */
	end(): void {
		this.live = false;
		for (const stream of ['stdout', 'stderr'] as const) {
			if (this.partial[stream] !== '') {
				this.output?.raw(this.partial[stream]);
				this.partial[stream] = '';
			}
		}
	}
}

