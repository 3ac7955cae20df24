import {AwsError, invalidArn} from './aws-error.js';

export const accountId = '123456789012';

export const machineArnOf = (region: string, name: string) => `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;

export function executionArnOf(region: string, machineName: string, name: string, express: boolean, id: string): string {
	return express ? `arn:aws:states:${region}:${accountId}:express:${machineName}:${name}:${id}` : `arn:aws:states:${region}:${accountId}:execution:${machineName}:${name}`;
}

const prefix = String.raw`^arn:aws[\w-]*:states:[\d\-a-z]+:\d{12}:`;
const machinePattern = new RegExp(`${prefix}stateMachine:([^:]+)(?::([^:]+))?$`);
const executionPattern = new RegExp(`${prefix}(?:execution|express):[^:]+:[^:]+(?::[^:]+)?$`);

/** A state machine ARN, maybe qualified by a version number or an alias name. */
export type MachineArn = {machineArn: string; name: string; version?: number; alias?: string};

/** Reads a state machine ARN: `…:stateMachine:NAME`, `…:NAME:3` (a version) or `…:NAME:live` (an alias). */
export function parseMachineArn(value: unknown): MachineArn {
	const match = typeof value === 'string' ? machinePattern.exec(value) : null;
	if (!match) {
		throw invalidArn(value);
	}

	const [, name, qualifier] = match;
	const machineArn = qualifier === undefined ? match[0] : match[0].slice(0, -(qualifier.length + 1));
	if (qualifier === undefined) {
		return {machineArn, name};
	}

	return /^\d+$/.test(qualifier) ? {machineArn, name, version: Number(qualifier)} : {machineArn, name, alias: qualifier};
}

export function requireMachineArn(value: unknown): string {
	const parsed = parseMachineArn(value);
	if (parsed.version !== undefined || parsed.alias !== undefined) {
		throw invalidArn(value);
	}

	return parsed.machineArn;
}

export function requireExecutionArn(value: unknown): string {
	if (typeof value !== 'string' || !executionPattern.test(value)) {
		throw invalidArn(value);
	}

	return value;
}

/** IAM role ARNs (the role itself is not checked: serve has no IAM). */
export function requireRoleArn(value: unknown): string {
	if (typeof value !== 'string' || !/^arn:aws[\w-]*:iam::\d{12}:role\/\S+$/.test(value)) {
		throw invalidArn(value);
	}

	return value;
}

/*
 * AWS's naming rule for state machines and executions: 1-80 characters, none
 * of them whitespace, `< > { } [ ] ? * " # % \ ^ | ~ ` $ & , ; : /` or a
 * control character (checked against the names AWS refuses in LocalStack's
 * recorded test_activity_invalid_name snapshot).
 */
const forbiddenInName = /[\s\u{0}-\u{1F}"#$%&*,/:;<>?[\\\]^`{|}~\u{7F}-\u{9F}]/u;

export function requireName(value: unknown): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 80 || forbiddenInName.test(value)) {
		throw new AwsError('InvalidName', `Invalid Name: '${String(value)}'`);
	}

	return value;
}

/** The region a request was signed for (SigV4 credential scope), or a default. */
export function regionOfRequest(authorization: string | undefined, fallback: string): string {
	const match = /Credential=[^/]+\/\d{8}\/([\d\-a-z]+)\//.exec(authorization ?? '');
	return match?.[1] ?? fallback;
}
