// Child process for dashboard.bench.js: opens the dashboard's execution view
// on an execution of N events (argv[2]) in a fake terminal, then reports RSS.
import process from 'node:process';
import {Writable} from 'node:stream';
import {createElement} from 'react';
import {render} from 'ink';
import {App} from '../../dist/ui/app.js';
import {executionRoute} from '../../dist/ui/routes.js';
import {buildMachineGraph} from '../../dist/model/graph/asl-graph.js';
import {createSnapshot, foldEvents} from '../../dist/model/history/history-fold.js';
import {plainTheme} from '../../dist/model/text/theme.js';
import {syntheticHistory} from './fold.bench.js';

const count = Number(process.argv[2]);
const definition = {
	StartAt: 'ProcessItems',
	States: {
		ProcessItems: {Type: 'Map', ItemProcessor: {StartAt: 'ProcessItem', States: {ProcessItem: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:process-item', End: true}}}, End: true},
	},
};
const graph = buildMachineGraph(definition);
const events = syntheticHistory(count);
const snapshot = foldEvents(createSnapshot(graph), events);
const arn = 'arn:aws:states:us-east-1:123456789012:execution:Items:big';
const data = {description: {arn, name: 'big', machineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Items', machineName: 'Items', status: 'RUNNING', startDate: snapshot.startDate}, graph, snapshot, events};
const follower = state => ({getState: () => state, subscribe: () => () => undefined, refresh() {}, stop() {}});
const session = {
	readOnly: true,
	region: 'us-east-1',
	machines: () => follower({data: [], stale: false, loading: false, done: true}),
	executions: () => follower({data: [], stale: false, loading: false, done: true}),
	running: () => follower({data: [], stale: false, loading: false, done: true}),
	execution: () => follower({data, stale: false, loading: false, done: true, updatedAt: Date.now()}),
	logs: () => follower({data: [], stale: false, loading: false, done: true}),
	callsPerMinute: () => 0,
	close() {},
};
const stdout = new Writable({
	write(_chunk, _encoding, callback) {
		callback();
	},
});
Object.assign(stdout, {isTTY: true, columns: 120, rows: 40});
const instance = render(createElement(App, {session, theme: plainTheme, ascii: false, initial: [executionRoute(arn)], onQuit() {}}), {stdout, patchConsole: false, exitOnCtrlC: false, incrementalRendering: true, maxFps: 15});
await instance.waitUntilRenderFlush();
await new Promise(resolve => {
	setTimeout(resolve, 300);
});
globalThis.gc?.();
process.stdout.write(`${JSON.stringify({rss: process.memoryUsage().rss, events: snapshot.eventCount})}\n`);
instance.unmount();
// The measurement is taken; nothing else should keep the child alive.
// eslint-disable-next-line unicorn/no-process-exit
process.exit(0);
