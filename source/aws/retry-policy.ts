import {errorFacts, isTlsFailure} from './errors.js';

/**
 * The one retry policy for every AWS call sfntop makes (README "Retries"):
 * throttling, 5xx, dropped connections and timeouts are retried with
 * exponential backoff and full jitter, capped at a few seconds; anything else
 * (access denied, no such execution, a bad request) is not. Throttling starts
 * from a longer base, as the AWS SDKs' standard mode does (500 ms vs 100 ms).
 */
export const retryPolicy = {
	baseMs: 100,
	throttleBaseMs: 500,
	capMs: 3000,
	/** How long a one-shot call (a command's start, stop, lookup) keeps trying before it gives up. */
	patienceMs: 60_000,
	/** A call that has failed this long makes the data stale and is an outage worth one line. */
	outageAfterMs: 1000,
	/** Before the endpoint has ever answered, a dropped connection is tried this often (it may not speak HTTP at all). */
	firstContactAttempts: 3,
	/** No TCP connection within this long is no answer (the SDK's default is to wait forever). */
	connectTimeoutMs: 5000,
	/** A request that has not moved for this long has timed out (idle, not total: a big history page keeps it alive). */
	idleTimeoutMs: 20_000,
} as const;

const throttleNames = /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/;
const serverNames = /ServiceUnavailable|InternalFailure|InternalServerError|InternalError|RequestTimeout/;
const dropCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ERR_HTTP2_STREAM_ERROR']);

/** What went wrong with one attempt, as far as retrying is concerned. */
export type FailureKind =
	/** AWS answered "slow down". */
	| 'throttle'
	/** AWS (or a proxy in front of it) answered with a server error. */
	| 'server'
	/** The connection was refused, reset, timed out, or the name did not resolve. */
	| 'connection'
	/** TLS could not be agreed on: the wrong scheme or certificate; retrying cannot help. */
	| 'tls'
	/** Something answered, but not in AWS's protocol (HTML, a non-AWS error body). */
	| 'not-aws'
	/** AWS answered with an error that retrying will not change. */
	| 'final';

export function failureKind(error: unknown): FailureKind {
	const facts = errorFacts(error);
	const {name = '', code = '', message = '', status} = facts;
	if (isTlsFailure(facts)) {
		return 'tls';
	}

	if (throttleNames.test(name)) {
		return 'throttle';
	}

	if (dropCodes.has(code) || name === 'TimeoutError' || /socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|getaddrinfo/.test(message)) {
		return 'connection';
	}

	// A body that is not AWS's JSON (SyntaxError) or an error shape the SDK could not name.
	if (name === 'SyntaxError' || name === 'Unknown') {
		return status !== undefined && status >= 500 ? 'server' : 'not-aws';
	}

	return serverNames.test(name) || (status !== undefined && status >= 500) ? 'server' : 'final';
}

/** True when something answered in AWS's protocol: an AWS error shape (a throttle and a 5xx included). */
export function isAwsAnswer(error: unknown): boolean {
	const {name, status} = errorFacts(error);
	return status !== undefined && name !== 'Unknown' && name !== 'SyntaxError';
}

/**
 * Whether to try a failed call again. Before the endpoint has ever answered
 * ("first contact"), nothing listening, a name that does not resolve, no
 * answer in time, a TLS mismatch or a non-AWS answer end the command at
 * once: that endpoint can never answer. A dropped connection then may be a
 * fault on the way, so it is tried a few times. After first contact every transient failure is retried,
 * the endpoint being down for a while included (a restart, a network blip, a
 * proxy's 502).
 */
export function shouldRetry(error: unknown, attempt: number, contacted: boolean): boolean {
	const kind = failureKind(error);
	if (kind === 'final' || kind === 'tls') {
		return false;
	}

	if (contacted) {
		return true;
	}

	const {status, code = '', message = ''} = errorFacts(error);
	if (status !== undefined) {
		return isAwsAnswer(error);
	}

	// Only a dropped connection may be a fault on the way; refused, unknown host and no answer in time are the endpoint's answer.
	const dropped = ['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(code) || /socket hang up|ECONNRESET|EPIPE/.test(message);
	return dropped && attempt < retryPolicy.firstContactAttempts;
}

/** Full jitter: a random wait up to base × 2^(attempt − 1), never over the cap. */
export function retryDelayMs(error: unknown, attempt: number, random: () => number = Math.random): number {
	const base = failureKind(error) === 'throttle' ? retryPolicy.throttleBaseMs : retryPolicy.baseMs;
	const ceiling = Math.min(retryPolicy.capMs, base * (2 ** Math.min(attempt - 1, 16)));
	return Math.round(random() * ceiling);
}
