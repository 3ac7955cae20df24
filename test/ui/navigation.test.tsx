import {afterEach, describe, expect, test} from 'vitest';
import {executionRoute, executionsRoute, machinesRoute, runningRoute} from '../../source/ui/routes.js';
import {executionArn, fakeSession, machineArn} from './fake-session.js';
import {keys, renderApp} from './render-app.js';

let cleanup: Array<() => void> = [];
afterEach(() => {
	for (const done of cleanup) {
		done();
	}

	cleanup = [];
});

const executions = [
	{arn: `${executionArn}-old`, name: 'order-old', machineArn, status: 'SUCCEEDED' as const, startDate: Date.UTC(2026, 0, 1, 10), stopDate: Date.UTC(2026, 0, 1, 10, 0, 3)},
	{arn: executionArn, name: 'order-7', machineArn, status: 'FAILED' as const, startDate: Date.UTC(2026, 0, 1, 11), stopDate: Date.UTC(2026, 0, 1, 11, 0, 2)},
	{arn: `${executionArn}-run`, name: 'order-run', machineArn, status: 'RUNNING' as const, startDate: Date.UTC(2026, 0, 1, 11, 59)},
];

function open(initial = [machinesRoute()], options: Parameters<typeof fakeSession>[0] = {}, size = {}) {
	const session = fakeSession({executions, ...options});
	const rendered = renderApp(session, initial, size);
	cleanup.push(() => {
		rendered.app.unmount();
	});
	return {...rendered, session};
}

describe('machines → executions → execution', () => {
	test('enter drills in, esc goes back, and the list remembers its cursor', async () => {
		const {waitForFrame, press, frame} = open();
		await waitForFrame(text => text.includes('OrderProcessingStateMachine') && text.includes('STANDARD'));
		await press(keys.enter);
		await waitForFrame(text => text.includes('Executions'), 'the executions list');
		// Newest first.
		const list = frame();
		expect(list.indexOf('order-run')).toBeLessThan(list.indexOf('order-7'));
		expect(list.indexOf('order-7')).toBeLessThan(list.indexOf('order-old'));
		await press('j');
		await press(keys.enter);
		await waitForFrame(text => text.includes('OrderProcessingStateMachine / order-7'), 'the execution');
		await press(keys.escape);
		await waitForFrame(text => text.includes('Executions'), 'back to the list');
		await press(keys.escape);
		await waitForFrame(text => text.includes('State machines'), 'back to the machines');
	});

	test('a held key (several presses in one input) moves several rows', async () => {
		const {waitForFrame, press, session} = open([executionsRoute(machineArn, 'OrderProcessingStateMachine')]);
		const opened: string[] = [];
		const execution = session.execution.bind(session);
		session.execution = arn => {
			opened.push(arn);
			return execution(arn);
		};

		await waitForFrame(text => text.includes('order-old'));
		await press('jj');
		await press(keys.enter);
		await waitForFrame(text => text.includes('Event history'), 'an execution opened');
		expect(opened).toEqual([`${executionArn}-old`]);
	});

	test('f cycles the status filter and / filters by name', async () => {
		const {waitForFrame, press, frame} = open([executionsRoute(machineArn, 'OrderProcessingStateMachine')]);
		await waitForFrame(text => text.includes('order-old'));
		await press('f');
		await waitForFrame(text => text.includes('Executions (RUNNING)'), 'the RUNNING filter');
		expect(frame()).not.toContain('order-old');
		await press('f');
		await waitForFrame(text => text.includes('Executions (FAILED)'), 'the FAILED filter');
		expect(frame()).toContain('order-7');
		expect(frame()).not.toContain('order-run');
		await press('f', 'f', 'f', 'f', 'f');
		await waitForFrame(text => text.includes('order-old') && text.includes('order-run'), 'all again');
		await press('/', 'o', 'l', 'd', keys.enter);
		await waitForFrame(text => !text.includes('order-run') && text.includes('order-old'), 'filtered by name');
	});

	test('the running view shows every running execution with its current state, elapsed time and Map progress', async () => {
		const running = [
			{arn: 'a1', name: 'order-a', machineArn, status: 'RUNNING' as const, startDate: Date.UTC(2026, 0, 1, 11, 58), currentState: 'ChargeCustomer'},
			{arn: 'a2', name: 'order-b', machineArn, status: 'RUNNING' as const, startDate: Date.UTC(2026, 0, 1, 11, 59, 30), currentState: 'PackItems', mapProgress: {total: 10, succeeded: 7, failed: 1, running: 2}},
		];
		const {waitForFrame, frame} = open([runningRoute(machineArn, 'OrderProcessingStateMachine')], {running});
		await waitForFrame(text => text.includes('order-b'));
		expect(frame()).toMatch(/order-a\s+ChargeCustomer\s+2m 00s/);
		expect(frame()).toMatch(/order-b\s+PackItems\s+30 s\s+7\/10 ✗1 ▶2/);
	});
});

describe('actions', () => {
	test('s asks for JSON input, refuses invalid JSON, starts, refreshes and opens the new execution', async () => {
		const {waitForFrame, press, frame, session} = open([executionsRoute(machineArn, 'OrderProcessingStateMachine')]);
		await waitForFrame(text => text.includes('order-old'));
		await press('s');
		await waitForFrame(text => text.includes('input JSON'), 'the start prompt');
		await press('{"orderId":');
		await press(keys.enter);
		await waitForFrame(text => text.includes('not valid JSON'), 'the validation error');
		expect(session.calls.start).toEqual([]);
		await press('"1","failAt":"charge-customer"}', keys.enter);
		await waitForFrame(text => text.includes('started order-7-started'), 'the start message');
		expect(session.calls.start).toEqual([[machineArn, '{"orderId":"1","failAt":"charge-customer"}']]);
		expect(session.followers.some(follower => follower.refreshes > 0)).toBe(true);
		expect(frame()).toContain('OrderProcessingStateMachine / order-7');
	});

	test('x confirms the stop and sends the optional error and cause', async () => {
		const {waitForFrame, press, session} = open([executionRoute(executionArn)]);
		await waitForFrame(text => text.includes('Event history'));
		await press('x');
		await waitForFrame(text => text.includes('Stop order-7?'), 'the stop prompt');
		await press('Operator', keys.tab, 'bad deploy', keys.enter);
		await waitForFrame(text => text.includes('stopped order-7'), 'the stop message');
		expect(session.calls.stop).toEqual([[executionArn, 'Operator', 'bad deploy']]);
	});

	test('esc cancels a stop without calling anything', async () => {
		const {waitForFrame, press, session, frame} = open([executionRoute(executionArn)]);
		await waitForFrame(text => text.includes('Event history'));
		await press('x');
		await waitForFrame(text => text.includes('Stop order-7?'));
		await press(keys.escape);
		await waitForFrame(text => !text.includes('Stop order-7?'), 'the prompt gone');
		expect(session.calls.stop).toEqual([]);
		expect(frame()).toContain('Event history');
	});

	test('R shows the redrive preview, then redrives on y', async () => {
		const {waitForFrame, press, session} = open([executionRoute(executionArn)]);
		await waitForFrame(text => text.includes('Event history'));
		await press('R');
		await waitForFrame(text => text.includes('reruns: ChargeCustomer, ShipOrder') && /keeps: +ValidateOrder, ReserveInventory/.test(text), 'the preview');
		await press('y');
		await waitForFrame(text => text.includes('redriving order-7'), 'the redrive message');
		expect(session.calls.redrive).toEqual([executionArn]);
	});

	test('a redrive that is not possible says why and sends nothing', async () => {
		const {waitForFrame, press, session} = open([executionRoute(executionArn)], {preview: {redrivable: false, reason: 'the execution succeeded', rerun: [], keep: []}});
		await waitForFrame(text => text.includes('Event history'));
		await press('R');
		await waitForFrame(text => text.includes('not redrivable: the execution succeeded'));
		await press('y');
		await waitForFrame(text => !text.includes('not redrivable'));
		expect(session.calls.redrive).toEqual([]);
	});

	test('q quits', async () => {
		const {waitForFrame, press, quit} = open();
		await waitForFrame(text => text.includes('State machines'));
		await press('q');
		expect(quit).toHaveBeenCalled();
	});
});
