import {afterEach, describe, expect, test} from 'vitest';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import type {ExecutionData, ExecutionSummary, MapRunDescription} from '../../source/model/types.js';
import {executionRoute, executionsRoute} from '../../source/ui/routes.js';
import {historyEvents, type EventSpec} from '../fixtures/aws/aws-history.js';
import {childArn, distributedMapDefinition, distributedMapHistory, mapRunArn, mapRunChildArn, nestedParentDefinition, nestedParentHistory, parentArn} from '../fixtures/aws/linked-executions.js';
import {jsonataOrderDefinition, jsonataOrderHistory} from '../fixtures/aws/variables.js';
import {fakeSession, machineArn, orderExecution} from './fake-session.js';
import {keys, renderApp} from './render-app.js';

/*
 * Issue 13, the monitor side: variables and JSONata in the state details, a
 * Distributed Map's run (badge, panel, child executions), nested executions
 * (drill-down with breadcrumbs), and the version/alias an execution ran under.
 */

let cleanup: Array<() => void> = [];
afterEach(() => {
	for (const done of cleanup) {
		done();
	}

	cleanup = [];
});

function execution(arn: string, machineName: string, definition: Record<string, unknown>, specs: EventSpec[], extra: Partial<ExecutionData['description']> = {}): ExecutionData {
	const graph = buildMachineGraph(definition);
	const events = historyEvents(specs);
	const snapshot = foldEvents(createSnapshot(graph), events);
	return {
		description: {arn, name: arn.split(':').at(-1)!, machineArn: `arn:aws:states:us-east-1:123456789012:stateMachine:${machineName}`, machineName, status: snapshot.status, startDate: snapshot.startDate, stopDate: snapshot.stopDate, redriveCount: 0, ...extra},
		graph,
		snapshot,
		events,
	};
}

function open(session: ReturnType<typeof fakeSession>, initial: Parameters<typeof renderApp>[1]) {
	const rendered = renderApp(session, initial, {columns: 140, rows: 40});
	cleanup.push(() => {
		rendered.app.unmount();
	});
	return rendered;
}

const mapRun: MapRunDescription = {
	arn: mapRunArn,
	executionArn: parentArn,
	status: 'RUNNING',
	maxConcurrency: 5,
	toleratedFailurePercentage: 10,
	toleratedFailureCount: 0,
	itemCounts: {pending: 165, running: 20, succeeded: 812, failed: 3, timedOut: 0, aborted: 0, total: 1000, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0},
	executionCounts: {pending: 165, running: 20, succeeded: 812, failed: 3, timedOut: 0, aborted: 0, total: 1000, resultsWritten: 0, failuresNotRedrivable: 0, pendingRedrive: 0},
};

const children: ExecutionSummary[] = [
	{arn: mapRunChildArn, name: '2c7a1b9e-6b6f-3c53-b2a5-5d1f1f1a0a01', machineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:BatchMachine/ProcessBatch', status: 'FAILED', startDate: Date.UTC(2026, 0, 1, 11, 0, 1), stopDate: Date.UTC(2026, 0, 1, 11, 0, 2)},
	{arn: `${mapRunChildArn}-b`, name: 'b-child', machineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:BatchMachine/ProcessBatch', status: 'RUNNING', startDate: Date.UTC(2026, 0, 1, 11, 0, 3)},
];

describe('variables and JSONata in the state details', () => {
	const order = execution('arn:aws:states:us-east-1:123456789012:execution:PriceOrder:o-1', 'PriceOrder', jsonataOrderDefinition, jsonataOrderHistory);

	test('a JSONata task: what it assigned, its Arguments and Output expressions beside what they gave', async () => {
		const {waitForFrame, frame} = open(fakeSession({execution: order}), [{...executionRoute(order.description.arn), selected: 'Price', panel: 'details'}]);
		await waitForFrame(text => text.includes('assigned'), 'the assigned variables');
		expect(frame()).toContain('Price  Task  ✓ SUCCEEDED  JSONata');
		expect(frame()).toMatch(/assigned +total=120 {2}currency="EUR"/);
		expect(frame()).toMatch(/arg expr +\{"FunctionName":"price-order","Payload":\{"orderId":"\{% \$states\.input\.orderId %\}"\}\}/);
		expect(frame()).toMatch(/args +\{"FunctionName":"price-order","Payload":\{"orderId":"o-1"\}\}/);
		expect(frame()).toMatch(/out expr +\{% \$states\.result\.Payload %\}/);
		// The graph marks the states that assign variables.
		expect(frame()).toMatch(/┗━ \$total \$currency ━+┛/);
		expect(frame()).toMatch(/╰─ \$review ─+╯/);
	});

	test('the selected state\'s variables in scope, newest assignment of each, from the states before it', async () => {
		const {waitForFrame, frame} = open(fakeSession({execution: order}), [{...executionRoute(order.description.arn), selected: 'Ship', panel: 'details'}]);
		await waitForFrame(text => text.includes('in scope'), 'the variables in scope');
		expect(frame()).toMatch(/in scope +currency="EUR" {2}review=true {2}total=120/);
	});
});

describe('a Distributed Map\'s run', () => {
	const running = execution(parentArn, 'BatchMachine', distributedMapDefinition, distributedMapHistory.slice(0, 4));

	test('the run\'s counts are a badge on the graph and a Map Run panel in the details', async () => {
		const session = fakeSession({execution: running, mapRun});
		const {waitForFrame, frame} = open(session, [executionRoute(parentArn)]);
		await waitForFrame(text => text.includes('812/1000 ✗3 ▶20'), 'the map run badge');
		await waitForFrame(text => text.includes('failures'), 'the Map Run panel');
		expect(frame()).toMatch(/map run +RUNNING {2}enter: child executions {2}BatchMachine\/ProcessBatch:4f6c/);
		expect(frame()).toMatch(/progress +█+░+ 815\/1000 finished/);
		expect(frame()).toContain('20 running   165 pending   812 succeeded   3 failed   0 aborted');
		expect(frame()).toContain('3 failed of 1000 (0.3 %), tolerated 10 %');
		// One DescribeMapRun follower for the run, whatever the number of children.
		expect(session.requests.filter(request => request.startsWith('mapRun '))).toEqual([`mapRun ${mapRunArn}`]);
	});

	test('a state inside it says it runs in the run\'s child executions (not NOT_STARTED for nothing); enter opens them', async () => {
		const session = fakeSession({execution: running, mapRun, mapRunExecutions: children});
		const {waitForFrame, frame, press} = open(session, [{...executionRoute(parentArn), selected: 'Handle', panel: 'details'}]);
		await waitForFrame(text => text.includes('runs in'), 'where the state runs');
		expect(frame()).toContain('runs in  each child execution of ProcessBatch\'s map run  enter: open them');
		await press(keys.enter);
		await waitForFrame(text => text.includes('Child executions'), 'the map run view');
		expect(frame()).toContain('BatchMachine/nightly / ProcessBatch / map run');
	});

	test('enter lists its child executions, f filters them by status, enter opens one with breadcrumbs, esc comes back', async () => {
		const session = fakeSession({execution: running, mapRun, mapRunExecutions: children, executionsByArn: {[mapRunChildArn]: orderExecution()}});
		const {waitForFrame, frame, press} = open(session, [executionRoute(parentArn)]);
		await waitForFrame(text => text.includes('enter: child executions'));
		await press(keys.enter);
		await waitForFrame(text => text.includes('Child executions'), 'the map run view');
		expect(frame()).toContain('BatchMachine/nightly / ProcessBatch / map run');
		expect(frame()).toContain('b-child');
		expect(frame().indexOf('b-child')).toBeLessThan(frame().indexOf('2c7a1b9e'));
		await press('f');
		await waitForFrame(text => text.includes('Child executions (RUNNING)'), 'the status filter');
		expect(session.requests).toContain(`mapRunExecutions ${mapRunArn} RUNNING`);
		expect(frame()).not.toContain('2c7a1b9e');
		await press('f', 'f');
		await waitForFrame(text => text.includes('Child executions (SUCCEEDED)'));
		await press('f', 'f', 'f', 'f');
		await waitForFrame(text => text.includes('Child executions ') && text.includes('2c7a1b9e'), 'all children again');
		await press('j', keys.enter);
		await waitForFrame(text => text.includes('BatchMachine/nightly › ProcessBatch › OrderProcessingStateMachine / order-7'), 'the child with breadcrumbs');
		expect(session.requests).toContain(`execution ${mapRunChildArn}`);
		await press(keys.escape);
		await waitForFrame(text => text.includes('Child executions'), 'back to the map run');
		await press(keys.escape);
		await waitForFrame(text => text.includes('BatchMachine / nightly') && text.includes('812/1000'), 'back to the parent');
	});
});

describe('nested executions', () => {
	const parent = execution('arn:aws:states:us-east-1:123456789012:execution:OrderParent:parent-7', 'OrderParent', nestedParentDefinition, nestedParentHistory.slice(0, 5));

	test('a startExecution task names its child; enter opens it, breadcrumbs show parent › state › child, esc returns', async () => {
		const session = fakeSession({execution: parent, executionsByArn: {[childArn]: orderExecution()}});
		const {waitForFrame, frame, press} = open(session, [executionRoute(parent.description.arn)]);
		await waitForFrame(text => text.includes('child    OrderProcessingStateMachine / parent-7-order'), 'the child in the details');
		expect(frame()).toContain('enter: open it');
		await press(keys.enter);
		await waitForFrame(text => text.includes('OrderParent/parent-7 › PlaceOrder › OrderProcessingStateMachine / order-7'), 'the child execution');
		expect(session.requests).toContain(`execution ${childArn}`);
		await press(keys.escape);
		await waitForFrame(text => text.includes('OrderParent / parent-7') && !text.includes('›'), 'back to the parent');
	});
});

describe('versions and aliases', () => {
	test('the execution header shows the alias and version it ran under', async () => {
		const data = orderExecution('order-success.json');
		data.description = {...data.description, versionArn: `${machineArn}:3`, aliasArn: `${machineArn}:prod`};
		const {waitForFrame} = open(fakeSession({execution: data}), [executionRoute(data.description.arn)]);
		await waitForFrame(text => text.includes('OrderProcessingStateMachine / order-7') && /elapsed .* ran prod \(v3\) {3}redrives 0/.test(text), 'the alias in the header');
	});

	test('the executions list shows a VERSION column, and v filters by each alias and version through the API', async () => {
		const executions: ExecutionSummary[] = [
			{arn: 'arn:1', name: 'via-prod', machineArn, status: 'SUCCEEDED', startDate: Date.UTC(2026, 0, 1, 11), versionArn: `${machineArn}:3`, aliasArn: `${machineArn}:prod`},
			{arn: 'arn:2', name: 'via-v2', machineArn, status: 'SUCCEEDED', startDate: Date.UTC(2026, 0, 1, 10), versionArn: `${machineArn}:2`},
			{arn: 'arn:3', name: 'plain', machineArn, status: 'SUCCEEDED', startDate: Date.UTC(2026, 0, 1, 9)},
		];
		const session = fakeSession({executions, qualifiers: {aliases: [{arn: `${machineArn}:prod`, name: 'prod'}, {arn: `${machineArn}:beta`, name: 'beta'}], versions: [{arn: `${machineArn}:3`, version: '3'}]}});
		const {waitForFrame, frame, press} = open(session, [executionsRoute(machineArn, 'OrderProcessingStateMachine')]);
		await waitForFrame(text => text.includes('via-prod'));
		expect(frame()).toMatch(/DURATION +VERSION/);
		expect(frame()).toMatch(/via-prod .* prod \(v3\)/);
		expect(frame()).toMatch(/via-v2 .* v2\s*$/m);
		expect(session.requests.some(request => request.startsWith('qualifiers'))).toBe(false);
		await press('v');
		await waitForFrame(text => text.includes('Executions (prod)'), 'the first alias');
		expect(session.requests).toContain(`executions ${machineArn}:prod`);
		expect(session.requests).toContain(`qualifiers ${machineArn}`);
		await press('v');
		await waitForFrame(text => text.includes('Executions (v3)'), 'the newest version (beta appears once the aliases are read)');
	});
});
