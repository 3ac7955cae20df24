/** An error the endpoint returns the AWS way: `{"__type", "message"}` with a status code. */
export class AwsError extends Error {
	constructor(readonly type: string, message: string, readonly status = 400) {
		super(message);
		this.name = type;
	}
}

export const notFoundExecution = (arn: string) => new AwsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
export const notFoundMachine = (arn: string) => new AwsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
/** AWS: "Invalid Arn: 'Invalid ARN prefix: invalid_arn'" for text that is no ARN at all (recorded, PublishStateMachineVersion). */
export const invalidArn = (arn: unknown) => new AwsError('InvalidArn', typeof arn === 'string' && !arn.startsWith('arn:') ? `Invalid Arn: 'Invalid ARN prefix: ${arn}'` : `Invalid Arn: '${String(arn)}'`);
export const validation = (message: string) => new AwsError('ValidationException', message);
