import {afterEach, describe, expect, test} from 'vitest';
import type {RunningRow, RunningWall} from '../../source/model/wall/wall-types.js';
import {machinesRoute, runningRoute, type Route} from '../../source/ui/routes.js';
import {fakeSession, machineArn, runningWall} from './fake-session.js';
import {keys, renderApp} from './render-app.js';

let cleanup: Array<() => void> = [];
afterEach(() => {
	for (const done of cleanup) {
		done();
	}

	cleanup = [];
});

const now = Date.UTC(2026, 0, 1, 12, 0, 0);

/** 500 running executions: every tenth in a Map, the rest waiting; row i started i seconds before 11:00. */
const rows: RunningRow[] = Array.from({length: 500}, (_, index) => ({
	arn: `arn:run-${index}`,
	name: `run-${String(index).padStart(3, '0')}`,
	machineArn,
	startDate: Date.UTC(2026, 0, 1, 11) - (index * 1000),
	...(index % 10 === 0 ? {currentState: 'EachItem', mapProgress: {total: 10, succeeded: 4, failed: 1, running: 5}} : {currentState: 'AwaitApproval'}),
	readAt: now - (index < 3 ? 0 : 45_000),
}));

function open(initial: Route[], options: Parameters<typeof fakeSession>[0] = {}) {
	const session = fakeSession(options);
	const rendered = renderApp(session, initial, {columns: 120, rows: 32});
	cleanup.push(() => {
		rendered.app.unmount();
	});
	return {...rendered, session};
}

describe('the running wall', () => {
	test('says how many are running (all 500, not a page), the summary of where they are, and each row\'s age when older than a tick', async () => {
		const wall = runningWall(rows, {since: {openedAt: Date.UTC(2026, 0, 1, 11, 50), started: 12, succeeded: 8, failed: 1, timedOut: 0, aborted: 0}, calls: {lastMinute: 148, budgetPerSecond: 2.5}});
		const {waitForFrame, frame} = open([runningRoute(machineArn, 'OrderProcessingStateMachine')], {running: wall});
		await waitForFrame(text => text.includes('run-499'));
		const screen = frame();
		expect(screen).toMatch(/Running executions, longest running first ─+ 500 ─/);
		expect(screen).toContain('AwaitApproval 450 · EachItem 50');
		expect(screen).toContain('Map 250/500 done   since 11:50:00: started 12 · succeeded 8 · failed 1');
		expect(screen).toContain('reads 148/min of 150 (budget 2.5/s)');
		// Longest running first: run-499 started first. Read 45 s ago: the age shows; read just now: nothing.
		expect(screen.indexOf('run-499')).toBeLessThan(screen.indexOf('run-498'));
		expect(screen).toMatch(/run-499\s+AwaitApproval\s+1h 08m\s+45 s/);
		expect(screen).toMatch(/run-490\s+EachItem\s+1h 08m\s+4\/10 ✗1 ▶5\s+45 s/);
	});

	test('tells the wall which rows are on screen, and again when the list scrolls', async () => {
		const {waitForFrame, press, session} = open([runningRoute(machineArn, 'OrderProcessingStateMachine')], {running: runningWall(rows)});
		await waitForFrame(text => text.includes('run-499'));
		const follower = session.followers.find(candidate => (candidate.getState().data as Partial<RunningWall> | undefined)?.rows !== undefined)!;
		await waitForFrame(() => follower.shown.length > 0, 'show() called');
		const first = follower.shown.at(-1)!;
		// 32 rows - header, two summary lines, title, column header, status line.
		expect(first).toHaveLength(26);
		expect(first[0]).toBe('arn:run-499');
		await press('G');
		await waitForFrame(() => follower.shown.at(-1)!.includes('arn:run-0'), 'the last rows shown');
		expect(follower.shown.at(-1)).toHaveLength(26);
	});

	test('o sorts by name, then by current state, then back to elapsed; / filters and the title says how many of all match', async () => {
		const {waitForFrame, press, frame} = open([runningRoute(machineArn, 'OrderProcessingStateMachine')], {running: runningWall(rows)});
		await waitForFrame(text => text.includes('run-499'));
		await press('o');
		await waitForFrame(text => text.includes('Running executions, by name'), 'sorted by name');
		expect(frame().indexOf('run-000')).toBeLessThan(frame().indexOf('run-001'));
		await press('o');
		await waitForFrame(text => text.includes('Running executions, by current state'), 'sorted by state');
		expect(frame()).toMatch(/run-499\s+AwaitApproval/);
		await press('o');
		await waitForFrame(text => text.includes('longest running first'), 'back to elapsed');
		await press('/', 'EachItem', keys.enter);
		await waitForFrame(text => text.includes('50 of 500 /EachItem'), 'the filter count');
		expect(frame()).toContain('run-490');
		expect(frame()).not.toContain('run-499');
	});

	test('a filter typed with its enter in one input (a fast typist, tmux send-keys, a paste) is kept and closed, no stray space', async () => {
		const {waitForFrame, press, frame} = open([runningRoute(machineArn, 'OrderProcessingStateMachine')], {running: runningWall(rows)});
		await waitForFrame(text => text.includes('run-499'));
		await press('/', 'EachItem\r');
		await waitForFrame(text => text.includes('50 of 500 /EachItem ─'), 'the filter count');
		expect(frame()).not.toContain('enter keep, esc clear');
		expect(frame()).toContain('run-490');
	});

	test('enter opens the selected execution', async () => {
		const {waitForFrame, press, frame} = open([runningRoute(machineArn, 'OrderProcessingStateMachine')], {running: runningWall(rows.slice(0, 3))});
		await waitForFrame(text => text.includes('run-002'));
		await press(keys.enter);
		await waitForFrame(text => text.includes('Graph'), 'the execution view');
		expect(frame()).toContain('order-7');
	});
});

describe('the wall of all machines', () => {
	test('f on the machines list opens one line per machine with running, failed and succeeded in the last hour; failures first', async () => {
		const machineWall = [
			{arn: 'arn:m1', name: 'Quiet', type: 'STANDARD' as const, running: 0, failedLastHour: 0, succeededLastHour: 3, readAt: now},
			{arn: 'arn:m2', name: 'Orders', type: 'STANDARD' as const, running: 120, failedLastHour: 4, succeededLastHour: 1000, capped: {succeeded: true}, readAt: now - 40_000},
			{arn: 'arn:m3', name: 'Events', type: 'EXPRESS' as const, readAt: now, note: 'Express: no ListExecutions (open it to read its logged executions)'},
		];
		const {waitForFrame, press, frame} = open([machinesRoute()], {machineWall});
		await waitForFrame(text => text.includes('OrderProcessingStateMachine'));
		await press('f');
		await waitForFrame(text => text.includes('wall of machines'), 'the wall of machines');
		const screen = frame();
		expect(screen).toMatch(/Orders\s+120\s+4\s+1000\+\s+40 s/);
		expect(screen).toMatch(/Quiet\s+0\s+0\s+3/);
		expect(screen.indexOf('Orders')).toBeLessThan(screen.indexOf('Quiet'));
		expect(screen).toContain('Events');
		expect(screen).toContain('Express: no ListExecutions');
		await press('r');
		await waitForFrame(text => text.includes('Orders / running'), 'the running wall of the selected machine');
	});
});
