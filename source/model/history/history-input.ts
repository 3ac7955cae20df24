import {isRecord, parseJsonText} from '../text/json-text.js';
import type {HistoryEvent} from '../types.js';
import {UserError} from '../user-error.js';
import {normaliseEvent} from './history-event.js';

export type HistorySource = 'history' | 'log-records';

export type ParsedHistory = {
	source: HistorySource;
	/** Events grouped by execution ARN ('' when the source does not say). */
	executions: Map<string, HistoryEvent[]>;
};

/**
 * Reads a saved history in the shapes people save them: `{"events": [...]}`
 * as printed by `aws stepfunctions get-execution-history` (other keys such as
 * NextToken or ResponseMetadata are ignored), or a bare array; or CloudWatch
 * Logs execution records (Express workflows, or any machine with logging): a
 * JSON array of records, JSON Lines, or the output of `aws logs
 * filter-log-events` (each record inside an event's `message`).
 */
export function parseHistoryText(text: string, what: string): ParsedHistory {
	const trimmed = text.trim();
	if (trimmed === '') {
		throw new UserError(`${what} is empty; expected an execution history (JSON)`);
	}

	let items: unknown[];
	if (trimmed.startsWith('{') && trimmed.includes('\n{') && !looksLikeSingleJson(trimmed)) {
		items = parseJsonLines(trimmed, what);
	} else {
		const value = parseJsonText(trimmed, what);
		items = itemsOf(value, what);
	}

	// Filter-log-events: records are JSON strings inside `message`.
	const unwrapped = items.map(item => (isRecord(item) && typeof item.message === 'string' && item.type === undefined ? parseMessage(item.message) : item));
	const executions = new Map<string, HistoryEvent[]>();
	let source: HistorySource = 'history';
	for (const [index, item] of unwrapped.entries()) {
		const event = normaliseEvent(item, index + 1);
		if (!event) {
			continue;
		}

		const record = isRecord(item) ? item : {};
		const arn = typeof record.execution_arn === 'string' ? record.execution_arn : '';
		if ('execution_arn' in record || 'event_timestamp' in record) {
			source = 'log-records';
		}

		const list = executions.get(arn) ?? [];
		list.push(event);
		executions.set(arn, list);
	}

	if (executions.size === 0) {
		throw new UserError(`${what} holds no history events; expected the output of \`aws stepfunctions get-execution-history\` or CloudWatch Logs execution records`);
	}

	return {source, executions};
}

function looksLikeSingleJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function parseJsonLines(text: string, what: string): unknown[] {
	const items: unknown[] = [];
	for (const [index, line] of text.split('\n').entries()) {
		if (line.trim() === '') {
			continue;
		}

		items.push(parseJsonText(line, `${what} line ${index + 1}`));
	}

	return items;
}

function parseMessage(message: string): unknown {
	try {
		return JSON.parse(message);
	} catch {
		return undefined;
	}
}

function itemsOf(value: unknown, what: string): unknown[] {
	if (Array.isArray(value)) {
		return value;
	}

	if (isRecord(value)) {
		if (Array.isArray(value.events)) {
			return value.events;
		}

		if (typeof value.type === 'string') {
			return [value];
		}
	}

	throw new UserError(`${what} is not an execution history: expected {"events": [...]} or an array of events`);
}
