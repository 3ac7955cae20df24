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

const tlsCodes = /^(?:EPROTO|ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(?:GET|VERIFY)_|HOSTNAME_MISMATCH)/;

/** TLS could not be agreed on: https:// spoken to a plain HTTP server, or a certificate the system does not trust. */
export function isTlsFailure(facts: ErrorFacts): boolean {
	return facts.status === undefined && (tlsCodes.test(facts.code ?? '') || /ssl routines|wrong version number|certificate/i.test(facts.message ?? ''));
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

	if (isRecord(error) && error.name === 'GaveUpError' && typeof error.attempts === 'number' && typeof error.failingForMs === 'number') {
		const last = describeAwsError(error.cause, context);
		return new UserError(`${last.message} — gave up after ${error.attempts} ${error.attempts === 1 ? 'attempt' : 'attempts'} over ${Math.round(error.failingForMs / 1000)} s`, last.kind);
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
	// No advice here: sfntop retries throttling itself (retry-policy.ts), and this line is shown while it does.
	if (['ThrottlingException', 'TooManyRequestsException', 'Throttling'].includes(name)) {
		return new UserError(`${where} is throttling ${context.action} (${message || 'Rate exceeded'})`, 'aws');
	}

	if (isTlsFailure(facts)) {
		return new UserError(`cannot talk TLS with ${where} (${code ?? 'handshake failed'}); check http:// or https:// in --endpoint-url, and the server's certificate`, 'network');
	}

	if (code === 'ECONNREFUSED' || rawMessage.includes('ECONNREFUSED')) {
		return new UserError(`cannot reach ${where}: connection refused; is the endpoint running? (check --endpoint-url)`, 'network');
	}

	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /ENOTFOUND|getaddrinfo/.test(rawMessage)) {
		return new UserError(`cannot reach ${where}: the host name does not resolve; check your network or --endpoint-url`, 'network');
	}

	if (name === 'TimeoutError' && code !== 'ECONNRESET' && /timed out|timeout/i.test(rawMessage)) {
		return new UserError(`no answer from ${where} in time (${/without establishing a connection/i.test(rawMessage) ? 'no connection' : 'the request timed out'}); check --endpoint-url and your network`, 'network');
	}

	if (code === 'ECONNRESET' || code === 'ETIMEDOUT' || name === 'TimeoutError' || /socket hang up|ECONNRESET|ETIMEDOUT/.test(rawMessage)) {
		return new UserError(`lost the connection to ${where} (${code ?? name})`, 'network');
	}

	if (status !== undefined && status >= 500 && name !== 'SyntaxError' && name !== 'Unknown') {
		return new UserError(`${where} failed ${context.action} with a server error (${sanitize(name)}, HTTP ${status}): ${message}`, 'aws');
	}

	const notAws = name === 'SyntaxError' || name === 'Unknown' || /unexpected token|is not valid json|deserialization error/i.test(rawMessage);
	return new UserError(notAws ? `${where} did not answer like AWS (${status && status !== 200 ? `HTTP ${status}, ` : ''}HTML or other non-AWS reply to ${context.action}); check --endpoint-url` : `${context.action} failed: ${sanitize(name)}${status ? ` (HTTP ${status})` : ''}: ${message}`, 'aws');
}
