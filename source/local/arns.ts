import {AwsError, invalidArn} from './aws-error.js';

export const accountId = '123456789012';

export const machineArnOf = (region: string, name: string) => `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;

export function executionArnOf(region: string, machineName: string, name: string, express: boolean, id: string): string {
	return express ? `arn:aws:states:${region}:${accountId}:express:${machineName}:${name}:${id}` : `arn:aws:states:${region}:${accountId}:execution:${machineName}:${name}`;
}

const machinePattern = /^arn:aws[\w-]*:states:[\d\-a-z]+:\d{12}:stateMachine:[\w-]{1,80}$/;
const executionPattern = /^arn:aws[\w-]*:states:[\d\-a-z]+:\d{12}:(?:execution|express):[\w-]{1,80}:[\w-]{1,80}(?::[\w-]+)?$/;

export function requireMachineArn(value: unknown): string {
	if (typeof value !== 'string' || !machinePattern.test(value)) {
		throw invalidArn(value);
	}

	return value;
}

export function requireExecutionArn(value: unknown): string {
	if (typeof value !== 'string' || !executionPattern.test(value)) {
		throw invalidArn(value);
	}

	return value;
}

export function requireName(value: unknown, what: string): string {
	if (typeof value !== 'string' || !/^[\w-]{1,80}$/.test(value)) {
		throw new AwsError('InvalidName', `Invalid Name: '${String(value)}' (${what} names are 1-80 letters, digits, - and _)`);
	}

	return value;
}

/** The region a request was signed for (SigV4 credential scope), or a default. */
export function regionOfRequest(authorization: string | undefined, fallback: string): string {
	const match = /Credential=[^/]+\/\d{8}\/([\d\-a-z]+)\//.exec(authorization ?? '');
	return match?.[1] ?? fallback;
}
