import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {displayWidth} from '../../source/model/text/width.js';
import {plainTheme} from '../../source/model/text/theme.js';
import {App} from '../../source/ui/app.js';
import {executionRoute, executionsRoute, machinesRoute, runningRoute, type Route} from '../../source/ui/routes.js';
import {moveSelection} from '../../source/ui/graph-navigation.js';
import type {MachineSummary} from '../../source/model/types.js';
import {executionArn, fakeSession, fixedFollower, machineArn} from './fake-session.js';
import {renderApp} from './render-app.js';

let cleanup: Array<() => void> = [];
afterEach(() => {
	for (const done of cleanup) {
		done();
	}

	cleanup = [];
});

const manyExecutions = Array.from({length: 500}, (_, index) => ({arn: `${executionArn}-${index}`, name: `order-${index}`, machineArn, status: index % 5 === 0 ? 'FAILED' as const : 'SUCCEEDED' as const, startDate: Date.UTC(2026, 0, 1, 10) + (index * 1000)}));
const running = [{arn: 'r1', name: 'order-r', machineArn, status: 'RUNNING' as const, startDate: Date.UTC(2026, 0, 1, 11, 59), currentState: 'ChargeCustomer'}];

describe('every view fits the terminal', () => {
	const views: Array<[string, Route, string]> = [
		['machines', machinesRoute(), 'OrderProcessingStateMachine'],
		['executions', executionsRoute(machineArn, 'OrderProcessingStateMachine'), 'order-499'],
		['running', runningRoute(machineArn, 'OrderProcessingStateMachine'), 'order-r'],
		['execution', executionRoute(executionArn), 'ChargeCustomer'],
	];
	test.each(views)('the %s view at 80×24 is 24 rows of at most 80 columns; long lists draw only the rows that fit', async (_name, route, marker) => {
		const {waitForFrame, frame, app} = renderApp(fakeSession({executions: manyExecutions, running}), [route], {columns: 80, rows: 24});
		cleanup.push(() => {
			app.unmount();
		});
		await waitForFrame(text => text.includes(marker));
		const lines = stripVTControlCharacters(frame()).split('\n');
		expect(lines).toHaveLength(24);
		expect(Math.max(...lines.map(line => displayWidth(line)))).toBeLessThanOrEqual(80);
	});
});

describe('look', () => {
	test('--ascii draws with plain characters only', async () => {
		const app = render(<App session={fakeSession()} theme={plainTheme} ascii initial={[executionRoute(executionArn)]} size={{columns: 120, rows: 40}} onQuit={() => undefined}/>);
		cleanup.push(() => {
			app.unmount();
		});
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		const text = stripVTControlCharacters(app.lastFrame() ?? '');
		expect(text).toContain('ChargeCustomer');

		expect(text.replaceAll(/[\u0000-\u007F]/g, '')).toBe('');
	});

	test('a follower error before any data says so instead of claiming the list is empty', async () => {
		const session = fakeSession();
		session.machines = () => fixedFollower<MachineSummary[]>(undefined, {error: 'cannot reach http://127.0.0.1:9: connection refused', stale: false, loading: false});
		const {waitForFrame, frame, app} = renderApp(session, [machinesRoute()], {columns: 100, rows: 20});
		cleanup.push(() => {
			app.unmount();
		});
		await waitForFrame(text => text.includes('connection refused'));
		expect(frame()).toContain('could not load state machines');
		expect(frame()).not.toContain('no state machines in this account');
	});
});

describe('moving the selection by position', () => {
	const nodes = new Map([
		['A', {name: 'A', x: 10, y: 0, width: 10, height: 3}],
		['B', {name: 'B', x: 0, y: 6, width: 10, height: 3}],
		['C', {name: 'C', x: 20, y: 6, width: 10, height: 3}],
		['D', {name: 'D', x: 10, y: 12, width: 10, height: 3}],
	]);
	test('down, left, right and up go to the nearest state that way, and stay put at the edge', () => {
		expect(moveSelection(nodes, 'B', 'right')).toBe('C');
		expect(moveSelection(nodes, 'C', 'left')).toBe('B');
		expect(moveSelection(nodes, 'B', 'down')).toBe('D');
		expect(moveSelection(nodes, 'D', 'up')).toMatch(/[BC]/);
		expect(moveSelection(nodes, 'A', 'up')).toBe('A');
	});

	test('a Map box with one state inside, centred on it: down enters it, up leaves it, down again goes on', () => {
		const map = new Map([
			['Start', {name: 'Start', x: 10, y: 0, width: 10, height: 3}],
			['Batch', {name: 'Batch', x: 0, y: 5, width: 30, height: 9}],
			['Item', {name: 'Item', x: 10, y: 8, width: 10, height: 3}],
			['Done', {name: 'Done', x: 10, y: 16, width: 10, height: 3}],
		]);
		expect(moveSelection(map, 'Batch', 'down')).toBe('Item');
		expect(moveSelection(map, 'Item', 'up')).toBe('Batch');
		expect(moveSelection(map, 'Item', 'down')).toBe('Done');
		expect(moveSelection(map, 'Done', 'up')).toBe('Item');
		expect(moveSelection(map, 'Start', 'down')).toBe('Batch');
	});
});
