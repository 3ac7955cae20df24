import {describe, expect, test} from 'vitest';
import {describeAwsError} from '../../source/aws/errors.js';
import {failureKind, retryDelayMs, retryPolicy, shouldRetry} from '../../source/aws/retry-policy.js';
import {GaveUpError, retryingCall, type CallScope, type Contact, type RetryNotice} from '../../source/aws/retrying-call.js';
import {outageLines} from '../../source/sync/outage-lines.js';

/** SDK-shaped errors, as the SDK v3 throws them (checked against a real client and server). */
const awsError = (name: string, status: number) => Object.assign(new Error(name), {name, $fault: status >= 500 ? 'server' : 'client', $metadata: {httpStatusCode: status}});
const throttle = () => awsError('ThrottlingException', 400);
const internal = () => awsError('InternalFailure', 500);
const accessDenied = () => awsError('AccessDeniedException', 400);
const network = (code: string, message = code) => Object.assign(new Error(message), {code});
const reset = () => Object.assign(network('ECONNRESET', 'socket hang up'), {name: 'TimeoutError'});
const timeout = () => Object.assign(new Error('@smithy/node-http-handler - the request socket timed out after 20000 ms of inactivity (configured by client requestHandler).'), {name: 'TimeoutError'});
const html = (status: number) => Object.assign(new SyntaxError('Unexpected token \'<\', "<html>" is not valid JSON\n  Deserialization error'), {$metadata: {httpStatusCode: status}});

describe('the retry policy', () => {
	test('what kind of failure each error is', () => {
		expect(failureKind(throttle())).toBe('throttle');
		expect(failureKind(awsError('TooManyRequestsException', 429))).toBe('throttle');
		expect(failureKind(internal())).toBe('server');
		expect(failureKind(awsError('ServiceUnavailable', 503))).toBe('server');
		expect(failureKind(reset())).toBe('connection');
		expect(failureKind(network('ECONNREFUSED'))).toBe('connection');
		expect(failureKind(network('ENOTFOUND', 'getaddrinfo ENOTFOUND x'))).toBe('connection');
		expect(failureKind(network('EPROTO', 'write EPROTO ... SSL routines:tls_validate_record_header:wrong version number'))).toBe('tls');
		expect(failureKind(html(200))).toBe('not-aws');
		expect(failureKind(html(502))).toBe('server');
		expect(failureKind(accessDenied())).toBe('final');
		expect(failureKind(awsError('ExecutionDoesNotExist', 400))).toBe('final');
	});

	test('before first contact an endpoint that can never answer is not retried; a reset is, a few times', () => {
		expect(shouldRetry(network('ECONNREFUSED'), 1, false)).toBe(false);
		expect(shouldRetry(network('ENOTFOUND'), 1, false)).toBe(false);
		expect(shouldRetry(html(200), 1, false)).toBe(false);
		expect(shouldRetry(html(501), 1, false)).toBe(false);
		expect(shouldRetry(timeout(), 1, false)).toBe(false);
		expect(shouldRetry(reset(), 1, false)).toBe(true);
		expect(shouldRetry(reset(), retryPolicy.firstContactAttempts, false)).toBe(false);
		expect(shouldRetry(throttle(), 1, false)).toBe(true);
	});

	test('after first contact every transient failure is retried, and only those', () => {
		for (const error of [throttle(), internal(), reset(), timeout(), network('ECONNREFUSED'), html(502)]) {
			expect(shouldRetry(error, 50, true)).toBe(true);
		}

		expect(shouldRetry(accessDenied(), 1, true)).toBe(false);
		expect(shouldRetry(network('EPROTO', 'SSL routines'), 1, true)).toBe(false);
	});

	test('exponential backoff with full jitter, capped at a few seconds; throttling starts slower', () => {
		expect(retryDelayMs(internal(), 1, () => 1)).toBe(100);
		expect(retryDelayMs(internal(), 4, () => 1)).toBe(800);
		expect(retryDelayMs(throttle(), 1, () => 1)).toBe(500);
		expect(retryDelayMs(throttle(), 3, () => 1)).toBe(2000);
		expect(retryDelayMs(throttle(), 30, () => 1)).toBe(retryPolicy.capMs);
		expect(retryDelayMs(throttle(), 30, () => 0.5)).toBe(retryPolicy.capMs / 2);
		expect(retryPolicy.capMs).toBeLessThanOrEqual(5000);
	});
});

describe('one call under the policy', () => {
	const failing = (errors: Error[], answer = 'ok') => {
		let calls = 0;
		return {
			get calls() {
				return calls;
			},
			async attempt() {
				calls++;
				const error = errors[calls - 1];
				if (error) {
					throw error;
				}

				return answer;
			},
		};
	};

	const run = async (attempt: () => Promise<string>, scope: Partial<CallScope> = {}, contact?: Contact) => {
		const tokens: string[] = [];
		const notices: RetryNotice[] = [];
		const result = retryingCall('DescribeExecution', attempt, {
			scope: {patienceMs: Infinity, onRetry(notice) {
				notices.push(notice);
			}, ...scope},
			contact: contact ?? {answered: true},
			random: () => 0,
			async before(api) {
				tokens.push(api);
			},
		});
		return {result, tokens, notices};
	};

	test('each attempt takes a token from the shared bucket; the call succeeds after a run of failures', async () => {
		const server = failing([throttle(), internal(), reset(), throttle()]);
		const {result, tokens, notices} = await run(async () => server.attempt());
		await expect(result).resolves.toBe('ok');
		expect(server.calls).toBe(5);
		expect(tokens).toEqual(Array.from({length: 5}, () => 'DescribeExecution'));
		expect(notices.map(notice => notice.attempt)).toEqual([1, 2, 3, 4]);
	});

	test('an error the policy does not retry comes back as it is, after one attempt', async () => {
		const denied = accessDenied();
		const server = failing([denied]);
		const {result} = await run(async () => server.attempt());
		await expect(result).rejects.toBe(denied);
		expect(server.calls).toBe(1);
	});

	test('nothing listening at first contact: one attempt; the same after contact: retried', async () => {
		const first = failing([network('ECONNREFUSED')]);
		await expect((await run(async () => first.attempt(), {}, {answered: false})).result).rejects.toThrow('ECONNREFUSED');
		expect(first.calls).toBe(1);
		const later = failing([network('ECONNREFUSED'), network('ECONNREFUSED')]);
		await expect((await run(async () => later.attempt(), {}, {answered: true})).result).resolves.toBe('ok');
		expect(later.calls).toBe(3);
	});

	test('a throttle at first contact is contact: a refused connection after it is retried', async () => {
		const contact = {answered: false};
		const server = failing([throttle(), network('ECONNREFUSED')]);
		await expect((await run(async () => server.attempt(), {}, contact)).result).resolves.toBe('ok');
		expect(contact.answered).toBe(true);
	});

	test('a one-shot call gives up when its patience runs out, saying how long it tried', async () => {
		const server = failing(Array.from({length: 1000}, () => throttle()));
		const {result} = await run(async () => server.attempt(), {patienceMs: 0});
		const error: unknown = await result.catch((error: unknown) => error);
		expect(error).toBeInstanceOf(GaveUpError);
		expect(describeAwsError(error, {action: 'StartExecution'}).message).toBe('AWS is throttling StartExecution (ThrottlingException) — gave up after 1 attempt over 0 s');
	});

	test('stop() of a follower aborts the retries: no attempt after it', async () => {
		const controller = new AbortController();
		const server = failing(Array.from({length: 1000}, () => internal()));
		const {result} = await run(async () => {
			if (server.calls === 3) {
				controller.abort();
			}

			return server.attempt();
		}, {signal: controller.signal});
		await expect(result).rejects.toThrow();
		expect(server.calls).toBe(4);
	});
});

describe('one "retrying" line per outage', () => {
	const notice = (call: number, failingForMs: number, delayMs = 0): RetryNotice => ({call, api: 'GetExecutionHistory', error: throttle(), attempt: 1, delayMs, failingForMs});

	test('blips print nothing; a call failing past a second prints one line however many attempts follow', () => {
		let now = 0;
		const lines: string[] = [];
		const watch = outageLines(error => describeAwsError(error, {action: 'GetExecutionHistory'}), line => {
			lines.push(line);
		}, () => now);
		watch.retrying!(notice(1, 0, 100));
		watch.settled!(1);
		expect(lines).toEqual([]);
		for (let attempt = 0; attempt < 10; attempt++) {
			watch.retrying!(notice(2, attempt * 800, 800));
			watch.retrying!(notice(3, attempt * 800, 800));
		}

		expect(lines).toEqual(['AWS is throttling GetExecutionHistory (ThrottlingException); retrying']);
		watch.settled!(2);
		watch.settled!(3);
		// A failure soon after is the same (flapping) outage; one after ten quiet seconds is a new one.
		now += 2000;
		watch.retrying!(notice(4, 5000, 800));
		expect(lines).toHaveLength(1);
		watch.settled!(4);
		now += 10_000;
		watch.retrying!(notice(5, 5000, 800));
		expect(lines).toHaveLength(2);
		expect(lines.join('\n')).not.toMatch(/--interval/);
	});
});
