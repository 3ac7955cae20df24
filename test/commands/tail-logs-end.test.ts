import {afterEach, describe, expect, test, vi} from 'vitest';
import {tailExecution} from '../../source/commands/tail-runner.js';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import type {ExecutionData, LogLine} from '../../source/model/types.js';
import {loadEvents, orderGraph} from '../helpers/histories.js';
import {executionArn, fakeSession, fixedFollower, machineArn, type FakeFollower} from '../ui/fake-session.js';

/*
 * `tail --logs` of a running execution, when it ends: every Task state's logs
 * are read once more after the last lines could have arrived. Seen under
 * `serve --faults throttle=0.5,5xx=0.2,reset=0.1,latency=50-500`: the last
 * state's follower had read while it ran (nothing yet), its next read was
 * being retried, and tail ended without a single line of the failing Lambda.
 */
const events = loadEvents('order-failed-at-charge.json');

function upTo(count: number): ExecutionData {
	const graph = orderGraph();
	const snapshot = foldEvents(createSnapshot(graph), events.slice(0, count));
	return {description: {arn: executionArn, name: 'order-7', machineArn, machineName: 'OrderProcessingStateMachine', status: snapshot.status, startDate: snapshot.startDate, stopDate: snapshot.stopDate, redriveCount: 0}, graph, snapshot, events: events.slice(0, count)};
}

const logLine = (id: string, timestamp: number, message: string): LogLine => ({id, timestamp, logGroup: '/aws/lambda/charge-customer', logStream: 's', message, state: 'ChargeCustomer'});
/** What charge-customer wrote while ChargeCustomer ran (LambdaFunctionStarted .65 s, LambdaFunctionFailed .95 s). */
const chargeLines = [logLine('c1', 1_764_000_001_700, 'INFO charge-customer: processing order 7'), logLine('c2', 1_764_000_001_900, 'ERROR PaymentDeclined: The card was declined')];

/** A session whose log followers hold what the log group holds when each is made, and never read again (their next read is still being retried). */
function sessionWithLogs(written: Map<string, LogLine[]>, execution: FakeFollower<ExecutionData>) {
	const made: string[] = [];
	const session = fakeSession({execution});
	session.logs = (_arn, state) => {
		made.push(state);
		return fixedFollower<LogLine[]>([...(written.get(state) ?? [])]);
	};

	return {session, made};
}

function capture() {
	let text = '';
	const stream = {
		write(chunk: string) {
			text += chunk;
			return true;
		},
	};
	return {stream: stream as unknown as NodeJS.WriteStream, text: () => text};
}

afterEach(() => {
	vi.useRealTimers();
});

describe('tail --logs: the end of an execution', () => {
	test('the last state\'s lines, written after its follower first read, are printed, in order, before the end', async () => {
		// The clock of the recorded run: tail follows it live, from just after ChargeCustomer's Lambda started.
		vi.useFakeTimers({toFake: ['setInterval', 'clearInterval', 'Date'], now: 1_764_000_001_660});
		const written = new Map<string, LogLine[]>();
		const execution = fixedFollower(upTo(14)); // Nothing logged by charge-customer yet
		const {session, made} = sessionWithLogs(written, execution);
		const out = capture();
		const notes = capture();
		const ended = tailExecution(session, executionArn, {json: false, logs: true, color: false, width: Infinity, notices: notes.stream}, out.stream);
		written.set('ChargeCustomer', chargeLines);
		vi.setSystemTime(1_764_000_002_100);
		execution.push({data: upTo(16), done: true});
		await vi.advanceTimersByTimeAsync(3000);
		expect(await ended).toBe(1);
		const lines = out.text().trim().split('\n').map(line => line.slice(14).replaceAll(/ +/g, ' '));
		expect(lines.slice(-4)).toEqual([
			'ChargeCustomer │ INFO charge-customer: processing order 7',
			'ChargeCustomer │ ERROR PaymentDeclined: The card was declined',
			'ChargeCustomer LambdaFunctionFailed PaymentDeclined: Card declined',
			'- ExecutionFailed PaymentDeclined: Card declined',
		]);
		expect(made.filter(state => state === 'ChargeCustomer')).toHaveLength(2);
		expect(notes.text()).toBe('');
	});

	test('an execution that had ended when tail began is read once per state, not twice', async () => {
		const written = new Map([['ChargeCustomer', chargeLines]]);
		const {session, made} = sessionWithLogs(written, fixedFollower(upTo(16), {done: true}));
		const out = capture();
		expect(await tailExecution(session, executionArn, {json: false, logs: true, color: false, width: Infinity}, out.stream)).toBe(1);
		expect(made.toSorted()).toEqual(['ChargeCustomer', 'ReserveInventory', 'ValidateOrder']);
		expect(out.text()).toContain('ERROR PaymentDeclined: The card was declined');
	});

	test('logs that cannot be read for 60 s: the events are printed and one line on stderr names the state', async () => {
		vi.useFakeTimers({toFake: ['setInterval', 'clearInterval', 'Date']});
		const execution = fixedFollower(upTo(16), {done: true});
		const session = fakeSession({execution});
		session.logs = (_arn, state) => fixedFollower<LogLine[]>(state === 'ChargeCustomer' ? undefined : [], state === 'ChargeCustomer' ? {loading: true, retrying: true, error: 'throttled'} : {});
		const out = capture();
		const notes = capture();
		const ended = tailExecution(session, executionArn, {json: false, logs: true, color: false, width: Infinity, notices: notes.stream}, out.stream);
		await vi.advanceTimersByTimeAsync(59_000);
		expect(out.text()).toBe('');
		await vi.advanceTimersByTimeAsync(2000);
		expect(await ended).toBe(1);
		expect(out.text().trim().split('\n')).toHaveLength(16);
		expect(notes.text()).toBe('sfntop: could not read the logs of ChargeCustomer within 60 s; the events are complete (tail it again for the logs)\n');
	});
});
