import {describe, expect, test} from 'vitest';
import {TailOutput} from '../../source/commands/tail-output.js';

function collect() {
	const lines: string[] = [];
	return {lines, output: new TailOutput(text => {
		lines.push(text);
	})};
}

describe('TailOutput: events and log lines in time order', () => {
	test('log lines that arrive late go back among the events by time', () => {
		const {lines, output} = collect();
		output.addEvent(100, 'A', 'TaskStateEntered', 'A entered');
		output.addEvent(101, 'A', 'LambdaFunctionStarted', 'A started');
		output.addEvent(200, 'A', 'LambdaFunctionSucceeded', 'A returned');
		output.addEvent(201, 'B', 'TaskStateEntered', 'B entered');
		output.addLog(150, 'A', 'A log');
		output.flush();
		expect(lines).toEqual(['A entered', 'A started', 'A log', 'A returned', 'B entered']);
	});

	test('in a shared millisecond a log line stays inside its state: after its start, before its end and the next state', () => {
		const {lines, output} = collect();
		output.addEvent(5, 'A', 'TaskStateEntered', 'A entered');
		output.addEvent(5, 'A', 'LambdaFunctionStarted', 'A started');
		output.addEvent(9, 'A', 'LambdaFunctionSucceeded', 'A returned');
		output.addEvent(9, 'A', 'TaskStateExited', 'A exited');
		output.addEvent(9, 'B', 'TaskStateEntered', 'B entered');
		output.addEvent(9, 'B', 'LambdaFunctionStarted', 'B started');
		output.addLog(5, 'A', 'A START');
		output.addLog(9, 'A', 'A done');
		output.addLog(9, 'B', 'B START');
		output.flush();
		expect(lines).toEqual(['A entered', 'A started', 'A START', 'A done', 'A returned', 'A exited', 'B entered', 'B started', 'B START']);
	});

	test('held lines wait for a forced flush; an unreadable time sorts with the line before it', () => {
		const {lines, output} = collect();
		output.hold();
		output.addEvent(10, undefined, 'ExecutionStarted', 'start');
		output.addEvent(undefined, undefined, 'Odd', 'odd');
		output.flush();
		expect(lines).toEqual([]);
		output.flush(true);
		expect(lines).toEqual(['start', 'odd']);
	});
});
