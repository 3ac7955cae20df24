import {randomUUID} from 'node:crypto';
import {HandlerFailure} from '../../handlers/lambda-error.js';
import {runHandler} from '../../handlers/run-handler.js';
import type {ExecutionRun} from '../execution-run.js';
import {StateFailure} from '../failure.js';
import {invocationLogger} from '../lambda-logs.js';

/**
 * Invokes a handler as Lambda would: START / the function's lines (its
 * `context.log`, console.*, process.stdout/stderr) / END / REPORT in
 * `/aws/lambda/<function>`. A failure — thrown, left uncaught in a timer or
 * a promise while it runs, or a result JSON cannot write — becomes the
 * failure AWS records: error = the Lambda error's type and cause = Node's
 * Lambda error JSON `{"errorType", "errorMessage", "trace"}`.
 */
export async function invokeFunction(run: ExecutionRun, functionName: string, event: unknown, attempt: number, signal: AbortSignal): Promise<{requestId: string; result: unknown}> {
	const {handlers, region, accountId, onLog, identity} = {...run.options, identity: run.identity};
	const requestId = randomUUID();
	// An own property only: a function named `constructor` or `toString` does not exist.
	const handler = Object.hasOwn(handlers, functionName) ? handlers[functionName] : undefined;
	if (!handler) {
		throw functionNotFound(`arn:aws:lambda:${region}:${accountId}:function:${functionName}`);
	}

	const logs = invocationLogger(functionName, requestId, onLog);
	logs.start();
	try {
		const context = {functionName, requestId, redriveCount: identity.redriveCount, attempt, log(line: string) {
			logs.line(line);
		}, signal};
		const result = await runHandler(handler, event, context, {label: `function ${functionName} (request ${requestId})`, output: {line(level, text) {
			logs.line(text, level);
		}, raw: logs.raw}});
		return {requestId, result};
	} catch (error) {
		if (!(error instanceof HandlerFailure)) {
			throw error;
		}

		const {errorType, errorMessage} = error.error;
		if (error.how !== 'uncaught') {
			logs.line(`${errorType}: ${errorMessage}`, 'ERROR');
		}

		throw new StateFailure(errorType, JSON.stringify(error.error));
	} finally {
		logs.end();
	}
}

/**
 * Lambda's answer for a function that does not exist, as Step Functions
 * writes it (recorded: LocalStack v2/error_handling/test_task_service_lambda.snapshot.json
 * test_no_such_function) — plain text in Java SDK form, not a Lambda error JSON.
 */
export function functionNotFound(functionArn: string): StateFailure {
	return new StateFailure('Lambda.ResourceNotFoundException', `Function not found: ${functionArn}:$LATEST (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ${randomUUID()}; Proxy: null)`);
}
