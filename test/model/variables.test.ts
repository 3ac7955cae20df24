import {describe, expect, test} from 'vitest';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import {createSnapshot, foldEvents} from '../../source/model/history/history-fold.js';
import {variablesInScope} from '../../source/model/history/variables.js';
import {historyEvents} from '../fixtures/aws/aws-history.js';
import {jsonataOrderDefinition, jsonataOrderHistory, scopeMapDefinition, scopeMapHistory} from '../fixtures/aws/variables.js';

const names = (variables: ReturnType<typeof variablesInScope>) => variables?.map(variable => `${variable.name}=${variable.value} (${variable.assignedBy})`);

describe('variables: what a state assigned, and what it could read', () => {
	test('each state keeps the variables its exit assigned, as JSON text', () => {
		const snapshot = foldEvents(createSnapshot(buildMachineGraph(scopeMapDefinition)), historyEvents(scopeMapHistory));
		expect(snapshot.states.get('State0')!.assignedVariables).toEqual({items: '[1,2,3]', x: '42'});
		expect(snapshot.states.get('Inner')!.assignedVariables).toEqual({innerX: '42'});
		expect(snapshot.states.get('State2')!.assignedVariables).toEqual({final: '42'});
		expect(snapshot.states.get('State1')!.assignedVariables).toBeUndefined();
	});

	test('a state after a Map sees the outer variables, not the ones its iterations assigned', () => {
		expect(names(variablesInScope(historyEvents(scopeMapHistory), 'State2'))).toEqual(['items=[1,2,3] (State0)', 'x=42 (State0)']);
	});

	test('a state inside a Map iteration sees the outer variables, never a previous iteration\'s', () => {
		// Inner's last entry is in iteration 2, whose MapIterationStarted AWS points at iteration 1's exit.
		expect(names(variablesInScope(historyEvents(scopeMapHistory), 'Inner'))).toEqual(['items=[1,2,3] (State0)', 'x=42 (State0)']);
	});

	test('the first state sees none; a state never entered has no scope yet', () => {
		const events = historyEvents(scopeMapHistory);
		expect(variablesInScope(events, 'State0')).toEqual([]);
		expect(variablesInScope(events.slice(0, 3), 'State2')).toBeUndefined();
	});

	test('JSONata: Task arguments as sent, a Choice rule\'s Assign, newest assignment wins', () => {
		const events = historyEvents(jsonataOrderHistory);
		const snapshot = foldEvents(createSnapshot(buildMachineGraph(jsonataOrderDefinition)), events);
		expect(JSON.parse(snapshot.states.get('Price')!.arguments!)).toEqual({FunctionName: 'price-order', Payload: {orderId: 'o-1'}});
		expect(snapshot.states.get('Large?')!.assignedVariables).toEqual({review: 'true'});
		expect(names(variablesInScope(events, 'Ship'))).toEqual(['currency="EUR" (Price)', 'review=true (Large?)', 'total=120 (Price)']);
	});
});
