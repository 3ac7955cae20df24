import {isRecord} from '../model/text/json-text.js';
import {sanitize} from '../model/text/sanitize.js';
import {UserError} from '../model/user-error.js';

/** What an SDK (or Node network) error says about itself, read without trusting its shape. */
export type ErrorFacts = {name?: string; message?: string; code?: string; status?: number};

export function errorFacts(error: unknown): ErrorFacts {
	if (!isRecord(error) && !(error instanceof Error)) {
		return {};
	}

	const fields: Record<string, unknown> = isRecord(error) ? error : {};
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
	const metadata = isRecord(fields.$metadata) ? fields.$metadata : {};
	const cause = isRecord(fields.cause) ? fields.cause : {};
	const status = metadata.httpStatusCode;
	const facts: ErrorFacts = {};
	const name = error instanceof Error ? error.name : text(fields.name);
	const message = error instanceof Error ? error.message : text(fields.message);
	const code = text(fields.code) ?? text(cause.code);
	if (name !== undefined) {
		facts.name = name;
	}

	if (message !== undefined) {
		facts.message = message;
	}

	if (code !== undefined) {
		facts.code = code;
	}

	if (typeof status === 'number') {
		facts.status = status;
	}

	return facts;
}

/**
 * Every SDK error as one line a person can act on, and its kind (so its exit
 * code): notFound when what the user typed names nothing (missing execution or
 * machine, malformed ARN), refused when AWS said no (not redrivable, name taken,
 * input refused), aws for credentials, region, access and throttling, network
 * for an endpoint that is down or not reachable.
 */
export function describeAwsError(error: unknown, context: {action: string; endpoint?: string}): UserError {
	if (error instanceof UserError) {
		return error;
	}

	const facts = errorFacts(error);
	const name = facts.name ?? 'Error';
	const rawMessage = facts.message ?? String(error);
	const message = sanitize(rawMessage.split('\n', 1)[0]);
	const {code, status} = facts;
	if (/sso/i.test(rawMessage) && /expired|refresh/i.test(rawMessage)) {
		return new UserError('your AWS SSO session has expired; run `aws sso login` (add --profile NAME if you use one) and try again', 'aws');
	}

	if (name === 'CredentialsProviderError' || /could not load credentials|credential/i.test(name) || /could not load credentials/i.test(rawMessage)) {
		return new UserError('no AWS credentials found; set AWS_PROFILE or pass --profile, run `aws configure`, or `aws sso login`', 'aws');
	}

	if (/region is missing/i.test(rawMessage)) {
		return new UserError('no AWS region configured; pass --region, set AWS_DEFAULT_REGION (or AWS_REGION), or add a region to your profile', 'aws');
	}

	if (name === 'ExpiredTokenException' || name === 'ExpiredToken') {
		return new UserError('your AWS credentials have expired; refresh them (e.g. `aws sso login`) and try again', 'aws');
	}

	if (name === 'AccessDeniedException' || name === 'UnauthorizedOperation' || name === 'AccessDenied' || status === 403) {
		return new UserError(`access denied: your credentials may not call ${context.action} (${message})`, 'aws');
	}

	if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException') {
		return new UserError(`AWS did not accept your credentials (${message}); check AWS_PROFILE or run \`aws configure\``, 'aws');
	}

	if (name === 'ExecutionDoesNotExist') {
		return new UserError(`no such execution (${message}); check the ARN, or use MACHINE/latest`, 'notFound');
	}

	if (name === 'StateMachineDoesNotExist') {
		return new UserError(`no such state machine (${message}); \`sfntop ls\` lists them`, 'notFound');
	}

	if (name === 'InvalidArn') {
		return new UserError(`not a valid ARN (${message})`, 'notFound');
	}

	if (name === 'ExecutionNotRedrivable') {
		return new UserError(`cannot redrive: ${message}`, 'refused');
	}

	if (name === 'InvalidExecutionInput') {
		return new UserError(`the input was refused: ${message}`, 'refused');
	}

	if (name === 'ExecutionAlreadyExists') {
		return new UserError(`an execution with that name already exists (${message}); pick another --name`, 'refused');
	}

	if (name === 'StateMachineTypeNotSupported') {
		return new UserError(message, 'refused');
	}

	const where = context.endpoint ?? 'AWS';
	if (['ThrottlingException', 'TooManyRequestsException', 'Throttling'].includes(name)) {
		return new UserError(`${where} is throttling ${context.action} (Rate exceeded); try again shortly, or poll less often with --interval`, 'aws');
	}

	if (code === 'ECONNREFUSED' || rawMessage.includes('ECONNREFUSED')) {
		return new UserError(`cannot reach ${where}: connection refused; is the endpoint running? (check --endpoint-url)`, 'network');
	}

	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /ENOTFOUND|getaddrinfo/.test(rawMessage)) {
		return new UserError(`cannot reach ${where}: the host name does not resolve; check your network or --endpoint-url`, 'network');
	}

	if (code === 'ECONNRESET' || code === 'ETIMEDOUT' || name === 'TimeoutError' || /socket hang up|ECONNRESET|ETIMEDOUT/.test(rawMessage)) {
		return new UserError(`lost the connection to ${where} (${code ?? name}); check your network and try again`, 'network');
	}

	const notAws = name === 'SyntaxError' || /unexpected token|is not valid json|deserialization error/i.test(rawMessage);
	return new UserError(notAws ? `${where} did not answer like AWS (HTML or other non-JSON reply to ${context.action}); check --endpoint-url` : `${context.action} failed: ${sanitize(name)}${status ? ` (HTTP ${status})` : ''}: ${message}`, 'aws');
}

/** Errors worth retrying with backoff: throttling, 5xx, dropped or refused connections. */
export function isTransient(error: unknown): boolean {
	const {name = '', status = 0, message = '', code = ''} = errorFacts(error);
	return /Throttl|TooManyRequests|ServiceUnavailable|InternalFailure|InternalServerError|TimeoutError|RequestTimeout/.test(name)
		|| status >= 500
		|| /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up|EAI_AGAIN/.test(message)
		|| ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'].includes(code);
}

export function isThrottle(error: unknown): boolean {
	return /Throttl|TooManyRequests/.test(errorFacts(error).name ?? '');
}
