import {StateFailure} from '../failure.js';
import type {Lane} from '../lane.js';
import {checkedPayload, payloadText} from '../payload-limit.js';
import {TaskTimedOut} from './run-timed.js';

/**
 * The events of one task attempt, in the two shapes AWS writes (recorded in
 * LocalStack v2/services/test_lambda_task.snapshot.json and
 * test_lambda_task_service.snapshot.json, v2/callback/test_callback.snapshot.json):
 * - a Lambda function ARN as Resource: LambdaFunctionScheduled {resource,
 * input, inputDetails, timeoutInSeconds?}, LambdaFunctionStarted (no
 * details), LambdaFunctionSucceeded {output} | Failed {error, cause} |
 * TimedOut {error};
 * - a service integration (`arn:aws:states:::lambda:invoke`, `states:startExecution.sync`, …):
 * TaskScheduled {resourceType, resource, region, parameters, timeoutInSeconds?,
 * heartbeatInSeconds?}, TaskStarted, TaskSubmitted (.sync: the start call's
 * answer), TaskSucceeded | TaskFailed | TaskTimedOut, each naming
 * resourceType and resource.
 * A result over 256 KiB fails the attempt with States.DataLimitExceeded
 * (catchable, even by States.ALL), naming the function ARN or the service.
 */
export class TaskEvents {
	static lambda(lane: Lane, functionArn: string): TaskEvents {
		return new TaskEvents(lane, 'LambdaFunction', {}, functionArn);
	}

	static service(lane: Lane, resourceType: string, resource: string): TaskEvents {
		return new TaskEvents(lane, 'Task', {resourceType, resource}, resourceType);
	}

	/** The attempt's end event is written: a later failed() only rethrows. */
	private ended = false;

	private constructor(private readonly lane: Lane, private readonly prefix: 'LambdaFunction' | 'Task', private readonly names: Record<string, string>, private readonly subject: string) {}

	scheduled(parameters: unknown, timing: {timeoutSeconds?: number; heartbeatSeconds?: number; region: string}): void {
		const limits = {...(timing.timeoutSeconds !== undefined && {timeoutInSeconds: timing.timeoutSeconds}), ...(timing.heartbeatSeconds !== undefined && {heartbeatInSeconds: timing.heartbeatSeconds})};
		const text = payloadText(parameters);
		this.lane.write(`${this.prefix}Scheduled`, this.prefix === 'LambdaFunction'
			? {resource: this.subject, input: text, inputDetails: {truncated: false}, ...limits}
			: {...this.names, region: timing.region, parameters: text, ...limits});
	}

	started(): void {
		this.lane.write(`${this.prefix}Started`, this.prefix === 'LambdaFunction' ? undefined : this.names);
	}

	submitted(output: unknown): void {
		this.lane.write('TaskSubmitted', {...this.names, output: payloadText(output), outputDetails: {truncated: false}});
	}

	/** Writes the success event, or the size failure when the result is too large (then throws it). */
	succeeded(result: unknown): unknown {
		let output: string;
		try {
			output = checkedPayload(result, this.subject, false);
		} catch (error) {
			if (error instanceof StateFailure) {
				this.failed(error);
			}

			throw error;
		}

		this.ended = true;
		this.lane.write(`${this.prefix}Succeeded`, {...this.names, output, outputDetails: {truncated: false}});
		return result;
	}

	/** Waits for the attempt's work; a failure or a timeout is written here (a success is the caller's to write). */
	async settled<T>(work: Promise<T>): Promise<T> {
		try {
			return await work;
		} catch (error) {
			if (error instanceof TaskTimedOut) {
				this.timedOut();
			}

			if (error instanceof StateFailure) {
				this.failed(error);
			}

			throw error;
		}
	}

	failed(failure: StateFailure): never {
		if (this.ended) {
			throw failure;
		}

		this.ended = true;
		this.lane.write(`${this.prefix}Failed`, {...this.names, ...failure.details()});
		throw failure;
	}

	timedOut(): never {
		this.ended = true;
		this.lane.write(`${this.prefix}TimedOut`, {...this.names, error: 'States.Timeout'});
		throw new StateFailure('States.Timeout', undefined);
	}
}
