import {readFileSync} from 'node:fs';
import path from 'node:path';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import {parseHistoryText} from '../../source/model/history/history-input.js';
import type {ExecutionSnapshot, HistoryEvent, MachineGraph} from '../../source/model/types.js';
import {repoRoot} from './run-cli.js';

export const historyFixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'histories', name);

export function loadEvents(name: string): HistoryEvent[] {
	const parsed = parseHistoryText(readFileSync(historyFixture(name), 'utf8'), name);
	return [...parsed.executions.values()][0];
}

export function loadGraph(file: string): MachineGraph {
	const full = file.includes('/') ? file : historyFixture(file);
	return buildMachineGraph(JSON.parse(readFileSync(full, 'utf8')) as Record<string, unknown>);
}

export const orderGraph = () => loadGraph(path.join(repoRoot, 'examples', 'order-processing.json'));

export function foldFixture(name: string, graph?: MachineGraph): ExecutionSnapshot {
	return foldEvents(createSnapshot(graph), loadEvents(name));
}

/** A state's status, attempts, error: what a person reads in the console's table. */
export function summary(snapshot: ExecutionSnapshot): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, state] of snapshot.states) {
		result[name] = `${state.status}${state.attempts > 1 ? ` x${state.attempts}` : ''}${state.error ? ` ${state.error}` : ''}`;
	}

	return result;
}
