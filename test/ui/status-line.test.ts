import {describe, expect, test} from 'vitest';
import {emptyListText} from '../../source/ui/list-pane.js';
import {statusLine} from '../../source/ui/status-line.js';

const text = (line: ReturnType<typeof statusLine>) => line.map(segment => segment.text).join('');

describe('the status line says "retrying" only while a follower retries', () => {
	test('an outage being retried, and an error polling stopped on', () => {
		expect(text(statusLine({view: 'execution', readOnly: false, error: 'cannot reach X', retrying: true}))).toBe(' cannot reach X  retrying; any data above is the last good read');
		expect(text(statusLine({view: 'execution', readOnly: false, error: 'access denied', retrying: false}))).toBe(' access denied  any data above is the last good read');
		expect(emptyListText({error: 'access denied', loading: false, retrying: false}, 'executions', '')).toBe('could not load executions; the reason is below');
		expect(emptyListText({error: 'throttled', loading: false, retrying: true}, 'executions', '')).toBe('could not load executions; the reason is below, retrying');
	});
});
