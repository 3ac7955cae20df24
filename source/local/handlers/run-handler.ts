import process from 'node:process';
import {currentScope, InvocationScope, outsideScopes, runInScope, type HandlerOutput} from './invocation-scope.js';
import {HandlerFailure, lambdaErrorOf, oneLine, unhandledRejectionError, unserialisableResult} from './lambda-error.js';
import {captureOutput} from './output-capture.js';
import type {Handler, HandlerContext} from './types.js';

export type Invocation = {
	/** How serve's stderr names it when it errs after it ended: `function NAME (request ID)`. */
	label: string;
	/** Its log stream; undefined: its output stays on serve's own streams (a service handler). */
	output?: HandlerOutput;
	/** Serve's stderr, for an error that comes after the invocation ended. */
	report?: (line: string) => void;
};

/**
 * Runs one handler invocation as Lambda's Node.js runtime does: inside its
 * own async scope, so that an exception thrown from a timer it set, or a
 * promise it rejected and left, fails THIS invocation (Lambda: "Uncaught
 * Exception" / Runtime.UnhandledPromiseRejection) instead of ending serve;
 * its output goes to its log stream; and its result is what JSON makes of
 * it — a result JSON cannot write fails it with Runtime.JSONStringifyError.
 * Resolves with the JSON-safe result or rejects with a HandlerFailure.
 */
export async function runHandler(handler: Handler, event: unknown, context: HandlerContext, invocation: Invocation): Promise<unknown> {
	installCrashListeners();
	captureOutput();
	const {promise: crashed, reject: crash} = Promise.withResolvers<never>();
	crashed.catch(() => undefined);
	const report = invocation.report ?? ((line: string) => process.stderr.write(`${line}\n`));
	const scope = new InvocationScope(invocation.label, invocation.output, (error, how) => {
		invocation.output?.line('ERROR', `${how === 'rejection' ? 'Unhandled Promise Rejection' : 'Uncaught Exception'}\t${oneLine(error)}`);
		crash(new HandlerFailure(error, 'uncaught'));
	}, error => {
		report(`sfntop serve: ${invocation.label} failed after it returned: ${oneLine(error)}`);
	});
	try {
		// Context.log is serve's code (a log record, a journal write): whatever it starts is not the handler's.
		const ownContext = {...context, log(line: string) {
			outsideScopes(() => {
				context.log(line);
			});
		}};
		const result = await Promise.race([runInScope(scope, async () => handler(event, ownContext)), crashed]);
		return jsonResult(result);
	} catch (error) {
		if (error instanceof HandlerFailure) {
			throw error;
		}

		throw new HandlerFailure(lambdaErrorOf(error), 'thrown');
	} finally {
		scope.end();
	}
}

/** What Lambda sends back: the result through JSON (dates as text, undefined and functions left out). */
function jsonResult(result: unknown): unknown {
	let text: string | undefined;
	try {
		text = JSON.stringify(result);
	} catch {
		throw new HandlerFailure(unserialisableResult, 'result');
	}

	return text === undefined ? null : JSON.parse(text) as unknown;
}

let installed = false;

/**
 * One pair of process listeners for all invocations. An error whose async
 * scope is an invocation is that invocation's; any other error keeps Node's
 * default — the process ends with the error's stack — unless someone else
 * listens (then it is theirs, as without us): serve's own bugs are never
 * swallowed.
 */
function installCrashListeners(): void {
	if (installed) {
		return;
	}

	installed = true;
	process.on('uncaughtException', onUncaught);
	process.on('unhandledRejection', onRejection);
}

function onUncaught(error: unknown): void {
	const scope = currentScope();
	if (scope) {
		scope.crashed(lambdaErrorOf(error), 'exception');
	} else if (process.listenerCount('uncaughtException') === 1) {
		uninstall();
		// Thrown again with no listener left: Node prints it and exits 1, as it would have.
		process.nextTick(() => {
			throw error;
		});
	}
}

function onRejection(reason: unknown): void {
	const scope = currentScope();
	if (scope) {
		scope.crashed(unhandledRejectionError(reason), 'rejection');
	} else if (process.listenerCount('unhandledRejection') === 1) {
		uninstall();
		// A fresh rejection nobody handles, with no listener left: Node's own handling (print, exit 1).
		// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the very reason the handler rejected with
		void Promise.reject(reason);
	}
}

function uninstall(): void {
	installed = false;
	process.off('uncaughtException', onUncaught);
	process.off('unhandledRejection', onRejection);
}
