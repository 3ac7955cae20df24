import {randomUUID} from 'node:crypto';
import {isRecord} from '../../../model/text/json-text.js';
import type {ChildResult} from '../execution-host.js';
import {StateFailure} from '../failure.js';
import type {Integration} from './integration.js';
import {runTimed} from './run-timed.js';
import {TaskEvents} from './task-events.js';

const sdkMetadata = () => {
	const requestId = randomUUID();
	const headers = {'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': requestId};
	return {SdkHttpMetadata: {AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])), HttpHeaders: headers, HttpStatusCode: 200}, SdkResponseMetadata: {RequestId: requestId}};
};

/** The child's input text: an object is serialised, a string passed as it is, nothing is `{}`. */
function inputText(value: unknown): string {
	if (value === undefined || value === null) {
		return '{}';
	}

	return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * What `.sync` and `.sync:2` return: DescribeExecution's fields in
 * PascalCase, Input and Output as JSON text for `.sync` and as JSON for
 * `.sync:2` (recorded in LocalStack v2/callback/test_callback.snapshot.json
 * test_start_execution_sync, test_start_execution_sync2); a child that did
 * not succeed fails the task with States.TaskFailed and these fields (with
 * its Error and Cause) as the cause.
 */
function described(child: ChildResult, asJson: boolean): Record<string, unknown> {
	const json = (text: string) => (asJson ? JSON.parse(text) as unknown : text);
	return {
		ExecutionArn: child.executionArn,
		Input: json(child.input),
		InputDetails: {Included: true},
		Name: child.name,
		...(child.output !== undefined && {Output: json(child.output), OutputDetails: {Included: true}}),
		...(child.error !== undefined && {Error: child.error}),
		...(child.cause !== undefined && {Cause: child.cause}),
		StartDate: child.startDate,
		StateMachineArn: child.machineArn,
		Status: child.status,
		StopDate: child.stopDate,
	};
}

/**
 * `arn:aws:states:::states:startExecution` runs another state machine on
 * serve: fire and forget (the start call's answer), `.sync` (waits for the
 * child) or `.sync:2` (the same, with JSON Input/Output). A `.sync` child is
 * stopped when the parent stops, times out or aborts the task. The child's
 * input is the task's `Input` as given: like AWS, serve does not add
 * `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID`; definitions pass it
 * (`"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"`) to
 * link the child to its parent, as the console's templates do.
 */
export const startExecution: Integration = async invocation => {
	const {call, resource, parameters, timeoutSeconds, heartbeatSeconds} = invocation;
	const action = /startExecution(?:\.sync(?::2)?)?$/.exec(resource)![0];
	const waits = action !== 'startExecution';
	const events = TaskEvents.service(call.lane, 'states', action);
	events.scheduled(parameters, {timeoutSeconds, heartbeatSeconds, region: call.run.options.region});
	events.started();
	const request = isRecord(parameters) ? parameters : {};
	const {host} = call.run.options;
	if (!host) {
		return events.failed(new StateFailure('States.Runtime', 'This execution cannot start other executions.'));
	}

	return events.settled(runTimed(invocation, timeoutSeconds, async signal => {
		const child = await host.startChild({
			machineArn: typeof request.StateMachineArn === 'string' ? request.StateMachineArn : '',
			...(typeof request.Name === 'string' && {name: request.Name}),
			input: inputText(request.Input),
			parentArn: call.run.identity.executionArn,
			stopWithParent: waits,
		});
		const started = {ExecutionArn: child.executionArn, StartDate: child.startDate, ...sdkMetadata()};
		if (!waits) {
			return events.succeeded(started);
		}

		signal.addEventListener('abort', () => {
			child.stop();
		}, {once: true});
		events.submitted(started);
		const result = await child.finished;
		const output = described(result, action === 'startExecution.sync:2');
		if (result.status !== 'SUCCEEDED') {
			events.failed(new StateFailure('States.TaskFailed', JSON.stringify(output)));
		}

		return events.succeeded(output);
	}));
};
