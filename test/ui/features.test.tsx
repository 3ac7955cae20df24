import {afterEach, describe, expect, test, vi} from 'vitest';
import {executionRoute, executionsRoute, type Route} from '../../source/ui/routes.js';
import {executionArn, fakeSession, machineArn, orderExecution} from './fake-session.js';
import {keys, renderApp} from './render-app.js';

let cleanup: Array<() => void> = [];
afterEach(() => {
	for (const done of cleanup) {
		done();
	}

	cleanup = [];
});

const failedArn = executionArn;
const goodArn = `${executionArn}-good`;
const executions = [
	{arn: goodArn, name: 'order-good', machineArn, status: 'SUCCEEDED' as const, startDate: Date.UTC(2026, 0, 1, 10), stopDate: Date.UTC(2026, 0, 1, 10, 0, 3)},
	{arn: failedArn, name: 'order-7', machineArn, status: 'FAILED' as const, startDate: Date.UTC(2026, 0, 1, 11), stopDate: Date.UTC(2026, 0, 1, 11, 0, 2)},
	{arn: `${executionArn}-run-1`, name: 'order-run-1', machineArn, status: 'RUNNING' as const, startDate: Date.UTC(2026, 0, 1, 11, 58)},
	{arn: `${executionArn}-run-2`, name: 'order-run-2', machineArn, status: 'RUNNING' as const, startDate: Date.UTC(2026, 0, 1, 11, 59)},
];

function open(initial = [executionsRoute(machineArn, 'OrderProcessingStateMachine')], options: Parameters<typeof fakeSession>[0] = {}, size: Parameters<typeof renderApp>[2] = {}) {
	const session = fakeSession({executions, executionsByArn: {[failedArn]: orderExecution('order-failed-at-charge.json'), [goodArn]: orderExecution('order-success.json')}, ...options});
	const clipboard = vi.fn<(text: string) => void>();
	const rendered = renderApp(session, initial, {clipboard, ...size});
	cleanup.push(() => {
		rendered.app.unmount();
	});
	return {...rendered, session, clipboard};
}

describe('bulk selection in the executions list', () => {
	test('space selects rows; x shows how many can be stopped, y stops them all and says so', async () => {
		const {waitForFrame, press, session, frame} = open();
		await waitForFrame(text => text.includes('order-run-2'));
		await press(' ', ' ');
		await waitForFrame(text => text.includes('2 selected'), 'two selected');
		expect(frame()).toMatch(/● {2}RUNNING +order-run-2/);
		expect(frame()).toMatch(/● {2}RUNNING +order-run-1/);
		expect(frame()).toMatch(/^ {3}FAILED +order-7/m);
		await press('x');
		await waitForFrame(text => text.includes('Stop 2 selected executions?') && text.includes('2 of 2 executions can be stopped'), 'the bulk preview');
		await press('y');
		await waitForFrame(text => text.includes('stopped 2, skipped 0, failed 0'), 'the summary');
		expect(session.calls.bulk).toEqual([{action: 'stop', arns: [`${executionArn}-run-1`, `${executionArn}-run-2`]}]);
		expect(frame()).not.toContain('selected');
	});

	test('R on a selection: what can be redriven, why not the rest, where they rerun from; esc sends nothing', async () => {
		const {waitForFrame, press, session} = open();
		await waitForFrame(text => text.includes('order-run-2'));
		await press(' ', ' ', ' ');
		await waitForFrame(text => text.includes('3 selected'));
		await press('R');
		await waitForFrame(text => text.includes('1 of 3 executions can be redriven') && text.includes('2 cannot: not FAILED, ABORTED or TIMED_OUT') && /1 {2}ChargeCustomer/.test(text), 'the redrive preview');
		await press(keys.escape);
		await waitForFrame(text => !text.includes('can be redriven'));
		expect(session.calls.bulk).toEqual([]);
	});

	test('a new execution arriving at the top does not slide the cursor onto another row before space acts', async () => {
		const {waitForFrame, press, session, frame} = open();
		await waitForFrame(text => text.includes('order-run-2'));
		await press(keys.down);
		const list = session.followers.find(follower => follower.getState().data === executions);
		const newer = {arn: `${executionArn}-run-3`, name: 'order-run-3', machineArn, status: 'RUNNING' as const, startDate: Date.UTC(2026, 0, 1, 12)};
		list!.push({data: [...executions, newer]});
		await waitForFrame(text => text.includes('order-run-3'), 'the new execution');
		await press(' ');
		await waitForFrame(text => text.includes('1 selected'));
		// The row under the cursor was order-run-1 when space was pressed; it is what was selected.
		expect(frame()).toMatch(/● {2}RUNNING +order-run-1/);
		expect(frame()).not.toMatch(/● {2}RUNNING +order-run-2/);
	});

	test('--read-only: space selects nothing, and x and R are gone', async () => {
		const {waitForFrame, press, frame} = open(undefined, {readOnly: true});
		await waitForFrame(text => text.includes('order-run-2'));
		await press(' ', 'x', 'R');
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		expect(frame()).not.toMatch(/selected|Stop|Redrive/);
	});
});

describe('m marks, d compares', () => {
	test('m on one execution, d on another opens the diff: the states that differ', async () => {
		const {waitForFrame, press, frame} = open();
		await waitForFrame(text => text.includes('order-good'));
		await press('j', 'j', 'm');
		await waitForFrame(text => text.includes('marked order-7'), 'the mark');
		expect(frame()).toMatch(/ ◆ FAILED +order-7/);
		await press('j', 'd');
		await waitForFrame(text => text.includes('Diff') && text.includes('≠ ShipOrder'), 'the diff view');
		expect(frame()).toMatch(/≠ ChargeCustomer +FAILED +SUCCEEDED/);
		expect(frame()).toContain('A: PaymentDeclined');
		await press(keys.escape);
		await waitForFrame(text => text.includes('Executions'), 'back to the list');
	});

	test('keys typed together act in order: "jjm" marks the row two down, "k" and enter open the row above', async () => {
		const {waitForFrame, press, session} = open();
		const opened: string[] = [];
		const follow = session.execution.bind(session);
		session.execution = arn => {
			opened.push(arn);
			return follow(arn);
		};

		await waitForFrame(text => text.includes('order-good'));
		await press('jjm');
		await waitForFrame(text => text.includes('marked order-7'), 'the mark on the third row');
		await press('k\r');
		await waitForFrame(text => text.includes('Graph'), 'an execution opened');
		expect(opened).toEqual([`${executionArn}-run-1`]);
	});

	test('d with nothing marked says what to do', async () => {
		const {waitForFrame, press} = open();
		await waitForFrame(text => text.includes('order-good'));
		await press('d');
		await waitForFrame(text => text.includes('mark an execution with m first'));
	});
});

describe('the timeline (t)', () => {
	test('t swaps the graph for the timeline; rows select states; t again brings the graph back', async () => {
		const {waitForFrame, press, frame} = open([executionRoute(failedArn)]);
		await waitForFrame(text => text.includes('Graph'));
		await press('t');
		await waitForFrame(text => text.includes('Timeline') && text.includes('DURATION'), 'the timeline');
		expect(frame()).toMatch(/\*✓ +ValidateOrder +█+/);
		expect(frame()).toMatch(/\*✗ +ChargeCustomer +█*▓+/);
		// The cursor starts on the state the details show (here the one it failed in), so k is the row above it.
		expect(frame()).toMatch(/ChargeCustomer {2}Task {2}✗ FAILED/);
		await press('k');
		await waitForFrame(text => /ReserveInventory {2}Task {2}✓ SUCCEEDED/.test(text), 'the row above the failed state in the details');
		await press('j', 'j');
		await waitForFrame(text => /ChargeCustomer {2}Task {2}✗ FAILED/.test(text), 'the last row again');
		await press('t');
		await waitForFrame(text => text.includes('Graph') && !text.includes('Timeline'), 'the graph again');
	});
});

describe('c copies, o shows the console address', () => {
	test('c on a row copies its ARN with OSC 52 and says so', async () => {
		const {waitForFrame, press, clipboard} = open();
		await waitForFrame(text => text.includes('order-good'));
		await press('c');
		await waitForFrame(text => text.includes('copied the ARN of order-run-2 to the clipboard (OSC 52)'));
		expect(clipboard).toHaveBeenCalledWith(`${executionArn}-run-2`);
	});

	test('c in an execution copies the selected state\'s error cause', async () => {
		const base = executionRoute(failedArn);
		const route: Route = {...base, selected: 'ChargeCustomer'};
		const {waitForFrame, press, clipboard} = open([route]);
		await waitForFrame(text => text.includes('Graph'));
		await press('c');
		await waitForFrame(text => text.includes('copied the error cause of ChargeCustomer'));
		expect(clipboard.mock.calls[0][0]).toContain('Card declined');
	});

	test('o shows the console address of the execution, whole, over as many lines as it needs', async () => {
		const {waitForFrame, press, frame} = open([executionRoute(failedArn)], {}, {columns: 80, rows: 30});
		await waitForFrame(text => text.includes('Graph'));
		await press('o');
		await waitForFrame(text => text.includes('console: https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1'), 'the address');
		expect(frame().replaceAll('\n', '')).toContain(`#/v2/executions/details/${failedArn}`);
	});
});
