import {HandlerFailure} from '../../handlers/lambda-error.js';
import {runHandler} from '../../handlers/run-handler.js';
import {StateFailure} from '../failure.js';
import type {Integration} from './integration.js';
import {runTimed} from './run-timed.js';
import {TaskEvents} from './task-events.js';

/**
 * Any other service integration (`arn:aws:states:::sns:publish`,
 * `arn:aws:states:::aws-sdk:s3:listObjectsV2`, `….waitForTaskToken`, …):
 * sfntop serve has no such services, so a handler registered under the
 * Resource ARN itself (`--handlers`) answers, with the parameters as its
 * event; without one the task succeeds with `{}`. Its events are AWS's
 * TaskScheduled/Started/Succeeded|Failed|TimedOut for that resource. A
 * callback task (`.waitForTaskToken`) completes with the handler's result
 * (serve has no SendTaskSuccess); its HeartbeatSeconds counts as a timeout.
 */
export const genericService: Integration = async invocation => {
	const {call, resource, parameters, timeoutSeconds, heartbeatSeconds, attempt} = invocation;
	const [resourceType = 'unknown', ...actionParts] = (resource.split(':::', 2)[1] ?? '').split(':');
	const action = actionParts.join(':');
	const events = TaskEvents.service(call.lane, resourceType, action);
	events.scheduled(parameters, {timeoutSeconds, heartbeatSeconds, region: call.run.options.region});
	events.started();
	const {handlers} = call.run.options;
	const handler = Object.hasOwn(handlers, resource) ? handlers[resource] : undefined;
	const callback = action.endsWith('.waitForTaskToken');
	const limit = callback && heartbeatSeconds !== undefined ? Math.min(heartbeatSeconds, timeoutSeconds ?? Infinity) : timeoutSeconds;
	const result = handler
		? await events.settled(runTimed(invocation, limit, async signal => {
			const requestId = crypto.randomUUID();
			try {
				return await runHandler(handler, parameters, {functionName: resource, requestId, redriveCount: call.run.identity.redriveCount, attempt, log: () => undefined, signal}, {label: `handler ${resource} (request ${requestId})`});
			} catch (error) {
				throw error instanceof HandlerFailure ? new StateFailure(error.error.errorType, error.error.errorMessage) : error;
			}
		}))
		: {};
	return events.succeeded(result ?? null);
};
