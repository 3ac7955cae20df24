import {stripVTControlCharacters as stripAnsi} from 'node:util';
import {afterEach, describe, expect, test} from 'vitest';
import {executionRoute} from '../../source/ui/routes.js';
import {displayWidth} from '../../source/model/text/width.js';
import {executionArn, fakeSession, fixedFollower, orderExecution} from './fake-session.js';
import {keys, renderApp} from './render-app.js';

let cleanup: Array<() => void> = [];
afterEach(() => {
	for (const done of cleanup) {
		done();
	}

	cleanup = [];
});

function open(session = fakeSession(), size: {columns?: number; rows?: number; color?: boolean} = {}) {
	const rendered = renderApp(session, [executionRoute(executionArn)], size);
	cleanup.push(() => {
		rendered.app.unmount();
	});
	return rendered;
}

describe('execution view', () => {
	test('shows the header, the graph coloured by status, the failed state\'s details and the event history', async () => {
		const {waitForFrame, frame} = open(fakeSession(), {columns: 140, rows: 40});
		await waitForFrame(text => text.includes('Event history'));
		const text = frame();
		expect(text).toContain('OrderProcessingStateMachine / order-7');
		expect(text).toContain('FAILED');
		expect(text).toContain('redrives 0');
		expect(text).toContain('12 calls/min');
		for (const state of ['ValidateOrder', 'ReserveInventory', 'ChargeCustomer', 'ShipOrder']) {
			expect(text).toContain(state);
		}

		// The state it failed in is selected by default, with its error and resource.
		expect(text).toMatch(/ChargeCustomer\s+Task\s+✗ FAILED/);
		expect(text).toContain('PaymentDeclined');
		expect(text).toMatch(/resource +arn:aws:lambda:us-east-1:123456789012:function:charge/);
		expect(text).toContain('ExecutionFailed');
	});

	test('the active state of a running execution is highlighted and followed', async () => {
		const data = orderExecution('order-success.json');
		const states = new Map(data.snapshot.states);
		states.set('ReserveInventory', {...states.get('ReserveInventory')!, status: 'RUNNING'});
		const running = {...data, snapshot: {...data.snapshot, states, status: 'RUNNING' as const, activeStates: ['ReserveInventory']}};
		const {waitForFrame, frame} = open(fakeSession({execution: running}), {color: true});
		await waitForFrame(text => text.includes('Event history'));
		// Followed: its details are shown without the user selecting it; marked running in the graph.
		expect(frame()).toMatch(/ReserveInventory\s+Task/);
		expect(frame()).toContain('▶ ReserveInventory');
		expect(frame()).toMatch(/elapsed \S+/);
	});

	test('arrow keys and hjkl move the selection between states; their details follow', async () => {
		const {waitForFrame, press} = open();
		await waitForFrame(text => /ChargeCustomer\s+Task/.test(text));
		await press(keys.up);
		await waitForFrame(text => /ReserveInventory\s+Task/.test(text), 'ReserveInventory selected');
		await press('k');
		await waitForFrame(text => /ValidateOrder\s+Task/.test(text), 'ValidateOrder selected');
		await press('j', 'j', 'j');
		await waitForFrame(text => /ShipOrder\s+Task\s+· NOT_STARTED/.test(text), 'ShipOrder selected');
	});

	test('shows the selected state\'s log lines as they stream in', async () => {
		const logs = fixedFollower<Array<{id: string; timestamp: number; logGroup: string; logStream: string; message: string}>>([]);
		const session = fakeSession();
		session.logs = () => logs;
		const {waitForFrame} = open(session);
		await waitForFrame(text => text.includes('no log lines'));
		logs.push({data: [{id: '1', timestamp: Date.UTC(2026, 0, 1, 12, 0, 1), logGroup: '/aws/lambda/charge', logStream: 's', message: 'charging card ending 4242\u001B[31m'}]});
		await waitForFrame(text => text.includes('charging card ending 4242'), 'the log line');
		// Remote text is sanitised: the escape is shown, not obeyed.
		await waitForFrame(text => text.includes('4242\\x1b[31m'), 'the escaped ESC');
	});

	test('tab moves focus to the event history; / filters it', async () => {
		const {waitForFrame, press, frame} = open();
		await waitForFrame(text => text.includes('16/16'));
		await press('/', 'L', 'a', 'm', 'b', 'd', 'a', 'F');
		await waitForFrame(text => text.includes('/LambdaF'), 'the filter');
		expect(frame()).toContain('LambdaFunctionFailed');
		expect(frame()).not.toContain('TaskStateEntered');
		await press(keys.escape);
		await waitForFrame(text => text.includes('16/16'), 'the filter cleared');
		await press(keys.up, keys.up);
		await waitForFrame(text => text.includes('14/16'), 'the cursor moved up two events');
		// #12 TaskStateEntered ReserveInventory... up to the event that names a state, then enter opens it.
		await press(keys.up, keys.up, keys.up);
		await waitForFrame(text => text.includes('11/16'), 'the cursor on TaskStateExited ReserveInventory');
		await press(keys.enter);
		await waitForFrame(text => /ReserveInventory\s+Task\s+✓ SUCCEEDED/.test(text), 'ReserveInventory opened from its event');
	});

	test('errors show in the status line and the last good data stays on screen, marked stale', async () => {
		const follower = fixedFollower(orderExecution());
		const {waitForFrame, frame} = open(fakeSession({execution: follower}));
		await waitForFrame(text => text.includes('Event history'));
		follower.push({error: 'ThrottlingException: Rate exceeded', stale: true});
		await waitForFrame(text => text.includes('ThrottlingException: Rate exceeded'), 'the error');
		expect(frame()).toContain('STALE');
		expect(frame()).toContain('ChargeCustomer');
	});

	test.each([[80, 24], [100, 30], [160, 48]])('a frame at %i×%i is exactly as tall as the terminal and never wider', async (columns, rows) => {
		const {waitForFrame, frame} = open(fakeSession(), {columns, rows});
		await waitForFrame(text => text.includes('ChargeCustomer'));
		const lines = stripAnsi(frame()).split('\n');
		expect(lines.length).toBe(rows);
		expect(Math.max(...lines.map(line => displayWidth(line)))).toBeLessThanOrEqual(columns);
	});
});
