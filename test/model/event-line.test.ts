import {describe, expect, test} from 'vitest';
import {eventDetail} from '../../source/model/history/event-line.js';
import {historyEvents} from '../fixtures/aws/aws-history.js';
import {distributedMapHistory, nestedParentHistory} from '../fixtures/aws/linked-executions.js';
import {jsonataOrderHistory} from '../fixtures/aws/variables.js';

const detailOf = (events: ReturnType<typeof historyEvents>, type: string) => eventDetail(events.find(event => event.type === type)!);

describe('tail lines: what each event adds', () => {
	test('an exit that assigned variables says which, with their values', () => {
		const events = historyEvents(jsonataOrderHistory);
		expect(detailOf(events, 'TaskStateExited')).toBe('assigned total=120, currency="EUR"');
		expect(detailOf(events, 'ChoiceStateExited')).toBe('assigned review=true');
		expect(eventDetail(events.find(event => event.type === 'PassStateExited')!)).toBe('');
	});

	test('a map run start names the run; a startExecution task names its child', () => {
		expect(detailOf(historyEvents(distributedMapHistory), 'MapRunStarted')).toBe('map run BatchMachine/ProcessBatch:4f6c3c57-0a4b-3c1e-9d2e-0123456789ab');
		expect(detailOf(historyEvents(nestedParentHistory), 'TaskSubmitted')).toBe('child OrderProcessingStateMachine/parent-7-order');
	});

	test('long values are cut, and hostile text is escaped', () => {
		const [event] = historyEvents([[1, 0, 'PassStateExited', {name: 'P', output: '{}', assignedVariables: {big: JSON.stringify('x'.repeat(500)), evil: '"\u001B[2J"'}}]]);
		const detail = eventDetail(event);
		expect(detail.length).toBeLessThanOrEqual(200);
		expect(detail).toContain('evil="\\x1b[2J"');
		expect(detail).not.toContain('\u001B');
	});
});
