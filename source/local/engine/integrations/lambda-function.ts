import {lambdaFunctionOf} from '../../../model/arn.js';
import type {Integration} from './integration.js';
import {invokeFunction} from './invoke-function.js';
import {runTimed} from './run-timed.js';
import {TaskEvents} from './task-events.js';

/** A Lambda function ARN as the Resource: the function's result is the task's result. */
export const lambdaFunction: Integration = async invocation => {
	const {call, resource, parameters, timeoutSeconds, attempt} = invocation;
	const events = TaskEvents.lambda(call.lane, resource);
	events.scheduled(parameters, {timeoutSeconds, region: call.run.options.region});
	events.started();
	const {result} = await events.settled(runTimed(invocation, timeoutSeconds, async signal => invokeFunction(call.run, lambdaFunctionOf(resource) ?? resource, parameters, attempt, signal)));
	return events.succeeded(result);
};
