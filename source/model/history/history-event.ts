import {isRecord} from '../text/json-text.js';
import type {ExecutionStatus, HistoryEvent} from '../types.js';

/**
 * Epoch milliseconds from what histories carry: a Date (SDK), epoch seconds
 * (the wire, `aws ... --output json`), epoch milliseconds (CloudWatch Logs
 * records, as numbers or strings), or an ISO-8601 string. Unreadable → undefined.
 */
export function toEpochMs(value: unknown): number | undefined {
	if (value instanceof Date) {
		const time = value.getTime();
		return Number.isNaN(time) ? undefined : time;
	}

	if (typeof value === 'number') {
		if (!Number.isFinite(value)) {
			return undefined;
		}

		// Seconds until the year 5138; anything larger is already milliseconds.
		return value < 1e11 ? Math.round(value * 1000) : Math.round(value);
	}

	if (typeof value === 'string' && value.trim() !== '') {
		if (/^\d+(?:\.\d+)?$/.test(value.trim())) {
			const number = Number(value);
			return number < 1e11 ? Math.round(number * 1000) : Math.round(number);
		}

		const parsed = Date.parse(value);
		return Number.isNaN(parsed) ? undefined : parsed;
	}

	return undefined;
}

function toId(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) {
		return value;
	}

	return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The one details object of a raw event: a log record's `details`, or the SDK's single `*EventDetails` key. */
export function eventDetails(raw: Record<string, unknown>): Record<string, unknown> {
	if (isRecord(raw.details)) {
		return raw.details;
	}

	for (const [key, value] of Object.entries(raw)) {
		if (key.endsWith('EventDetails') && isRecord(value)) {
			return value;
		}
	}

	return {};
}

/**
 * Normalises one event from the SDK, the AWS CLI's JSON, or a CloudWatch Logs
 * execution record (`{id, type, details, previous_event_id, event_timestamp}`)
 * into a HistoryEvent. Payload fields stay as they came (strings on the wire,
 * sometimes objects in hand-saved files); readers use payloadText().
 * Returns undefined for things that are not events (no type).
 */
export function normaliseEvent(raw: unknown, fallbackId: number): HistoryEvent | undefined {
	if (!isRecord(raw) || typeof raw.type !== 'string') {
		return undefined;
	}

	const details = eventDetails(raw);
	const id = toId(raw.id) ?? fallbackId;
	const previousEventId = toId(raw.previousEventId ?? raw.previous_event_id);
	return {
		id,
		...(previousEventId !== undefined && {previousEventId}),
		timestamp: toEpochMs(raw.timestamp ?? raw.event_timestamp),
		type: raw.type,
		details,
	};
}

/** A payload (input, output, cause, parameters) as text, whether it came as a string or parsed JSON. */
export function payloadText(value: unknown): string | undefined {
	if (value === undefined || value === null) {
		return undefined;
	}

	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The execution status each ending event leaves behind. */
export const executionEndStatus: Readonly<Record<string, ExecutionStatus>> = {
	ExecutionSucceeded: 'SUCCEEDED',
	ExecutionFailed: 'FAILED',
	ExecutionAborted: 'ABORTED',
	ExecutionTimedOut: 'TIMED_OUT',
};

/** A CloudWatch Logs execution record (an Express execution's event): its execution, type and the rest as sent. */
export type ExecutionRecord = Record<string, unknown> & {execution_arn: string; type: string};

/** The execution record a log event's message holds, or undefined when it holds something else. */
export function executionRecordIn(message: string | undefined): ExecutionRecord | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(message ?? '');
	} catch {
		return undefined;
	}

	return isRecord(parsed) && typeof parsed.execution_arn === 'string' && parsed.execution_arn !== '' && typeof parsed.type === 'string' && parsed.type !== '' ? {...parsed, execution_arn: parsed.execution_arn, type: parsed.type} : undefined;
}
