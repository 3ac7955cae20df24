import {randomUUID} from 'node:crypto';
import {withConsoleCapture} from '../../handlers/console-capture.js';
import type {ExecutionRun} from '../execution-run.js';
import {StateFailure} from '../failure.js';
import {invocationLogger} from '../lambda-logs.js';

/**
 * Invokes a handler as Lambda would: START / the function's lines (its
 * `context.log` and its console.log/info/warn/error, captured while it runs) /
 * END / REPORT in `/aws/lambda/<function>`; a thrown error becomes the
 * failure AWS records, error = the error's type and cause = Node's Lambda
 * error JSON `{"errorType", "errorMessage", "trace"}`.
 */
export async function invokeFunction(run: ExecutionRun, functionName: string, event: unknown, attempt: number, signal: AbortSignal): Promise<{requestId: string; result: unknown}> {
	const {handlers, region, accountId, onLog, identity} = {...run.options, identity: run.identity};
	const requestId = randomUUID();
	const logs = invocationLogger(functionName, requestId, onLog);
	logs.start();
	try {
		// An own property only: a function named `constructor` or `toString` does not exist.
		const handler = Object.hasOwn(handlers, functionName) ? handlers[functionName] : undefined;
		if (!handler) {
			throw new StateFailure('Lambda.ResourceNotFoundException', JSON.stringify({errorMessage: `Function not found: arn:aws:lambda:${region}:${accountId}:function:${functionName}`, errorType: 'ResourceNotFoundException'}));
		}

		try {
			const result = await withConsoleCapture((level, line) => {
				logs.line(line, level);
			}, async () => handler(event, {
				functionName,
				requestId,
				redriveCount: identity.redriveCount,
				attempt,
				log(line) {
					logs.line(line);
				},
				signal,
			}));
			return {requestId, result};
		} catch (error) {
			const thrown = error instanceof Error ? error : new Error(String(error));
			logs.line(`${thrown.name}: ${thrown.message}`, 'ERROR');
			throw new StateFailure(thrown.name, JSON.stringify({errorType: thrown.name, errorMessage: thrown.message, trace: [`${thrown.name}: ${thrown.message}`]}));
		}
	} finally {
		logs.end();
	}
}
