import {isRecord} from '../../../model/text/json-text.js';
import type {Integration} from './integration.js';
import {invokeFunction} from './invoke-function.js';
import {runTimed} from './run-timed.js';
import {TaskEvents} from './task-events.js';

/** FunctionName as Lambda takes it: a name, `name:qualifier`, a partial ARN `account:function:name` or a full ARN. */
function functionNameOf(value: unknown): string {
	const text = typeof value === 'string' ? value : '';
	const match = /(?:^|:)function:([^:]+)/.exec(text);
	return match ? match[1] : text.split(':', 1)[0];
}

/**
 * `arn:aws:states:::lambda:invoke`: Lambda's Invoke API through Step
 * Functions — the result is Invoke's response, the function's result in
 * `Payload` (shape recorded in LocalStack v2/services/test_lambda_task_service.snapshot.json).
 */
export const lambdaInvoke: Integration = async invocation => {
	const {call, parameters, timeoutSeconds, heartbeatSeconds, attempt} = invocation;
	const events = TaskEvents.service(call.lane, 'lambda', 'invoke');
	events.scheduled(parameters, {timeoutSeconds, heartbeatSeconds, region: call.run.options.region});
	events.started();
	const request = isRecord(parameters) ? parameters : {};
	const {requestId, result} = await events.settled(runTimed(invocation, timeoutSeconds, async signal => invokeFunction(call.run, functionNameOf(request.FunctionName), request.Payload ?? null, attempt, signal)));
	const headers = {'Content-Type': 'application/json', 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': requestId};
	const response = {
		ExecutedVersion: '$LATEST',
		Payload: result ?? null,
		SdkHttpMetadata: {AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])), HttpHeaders: headers, HttpStatusCode: 200},
		SdkResponseMetadata: {RequestId: requestId},
		StatusCode: 200,
	};
	return events.succeeded(response);
};
