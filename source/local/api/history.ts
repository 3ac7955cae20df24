import {isRecord} from '../../model/text/json-text.js';
import type {WireEvent} from '../engine/wire-event.js';
import {executionOf, standardOnly} from './lookups.js';
import type {ApiContext, Operation} from './operation.js';
import {keysetPage} from './cursor.js';

function wireEvent(event: WireEvent, includeData: boolean): Record<string, unknown> {
	const out: Record<string, unknown> = {...event, timestamp: event.timestamp / 1000};
	if (!includeData) {
		for (const [key, value] of Object.entries(out)) {
			if (key.endsWith('EventDetails') && isRecord(value)) {
				const {input: _input, output: _output, ...rest} = value;
				out[key] = rest;
			}
		}
	}

	return out;
}

/** GetExecutionHistory. */
export function historyOperations({store}: ApiContext): Record<string, Operation> {
	return {
		GetExecutionHistory({body}) {
			const execution = executionOf(store, body.executionArn);
			standardOnly(execution, 'GetExecutionHistory');
			const all = store.eventsOf(execution);
			const reverse = body.reverseOrder === true;
			const {items, nextToken} = keysetPage(reverse ? all.toReversed() : all, body, {
				kind: 'history',
				scope: `${execution.arn} ${reverse}`,
				cursorOf: event => ({id: event.id}),
				isAfter: (event, cursor) => (reverse ? event.id < Number(cursor.id) : event.id > Number(cursor.id)),
			});
			const includeData = body.includeExecutionData !== false;
			return {events: items.map(event => wireEvent(event, includeData)), ...(nextToken && {nextToken})};
		},
	};
}
