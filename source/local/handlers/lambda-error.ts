/**
 * An invocation's error as Lambda's Node.js runtime reports it
 * (aws-lambda-nodejs-runtime-interface-client, `formatError`): the error's
 * name and message, or for a thrown non-Error its `typeof` and its text.
 * Step Functions records `errorType` as the task's error and this object,
 * as JSON text, as its cause.
 */
export type LambdaError = {errorType: string; errorMessage: string; trace: string[]};

/** A handler invocation that failed: thrown, crashed (uncaught), or with a result JSON cannot write. */
export class HandlerFailure extends Error {
	constructor(readonly error: LambdaError, readonly how: 'thrown' | 'uncaught' | 'result') {
		super(`${error.errorType}: ${error.errorMessage}`);
		this.name = 'HandlerFailure';
	}
}

/** What the runtime writes for a value a handler threw or left uncaught. */
export function lambdaErrorOf(thrown: unknown): LambdaError {
	try {
		if (thrown instanceof Error) {
			const errorType = thrown.name;
			const errorMessage = thrown.message;
			return {errorType, errorMessage, trace: [`${errorType}: ${errorMessage}`]};
		}

		return {errorType: typeof thrown, errorMessage: String(thrown), trace: []};
	} catch {
		// The runtime's own words when reading the error throws (a getter on name or message).
		return {errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack', trace: []};
	}
}

/**
 * A promise the function rejected and nobody handled: the runtime wraps the
 * reason as `Runtime.UnhandledPromiseRejection` whose message is the
 * reason's text (`Error: x` for `new Error('x')`).
 */
export function unhandledRejectionError(reason: unknown): LambdaError {
	let errorMessage: string;
	try {
		errorMessage = String(reason);
	} catch {
		errorMessage = 'undefined';
	}

	return {errorType: 'Runtime.UnhandledPromiseRejection', errorMessage, trace: [`Runtime.UnhandledPromiseRejection: ${errorMessage}`]};
}

/**
 * A result JSON.stringify cannot write (a cycle, a BigInt, a throwing getter
 * or toJSON): the runtime fails the invocation with this error (its
 * `JSONStringifyError`, "Unable to stringify response body").
 */
export const unserialisableResult: LambdaError = {errorType: 'Runtime.JSONStringifyError', errorMessage: 'Unable to stringify response body', trace: ['Runtime.JSONStringifyError: Unable to stringify response body']};

/** The error on one line, for serve's stderr. */
export const oneLine = (error: LambdaError): string => `${error.errorType}: ${error.errorMessage}`.split('\n').map(part => part.trim()).filter(Boolean).join(' ');
