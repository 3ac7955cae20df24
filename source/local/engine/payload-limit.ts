import {Buffer} from 'node:buffer';
import {dataLimitExceeded} from './failure.js';
import {jsonText} from './json-text.js';

/** AWS's limit on a state's input or output, a task's result and an execution's input or output: 256 KiB of UTF-8. */
export const maxPayloadBytes = 262_144;

/** A payload as the history writes it: compact JSON text (AWS writes `[1,2,3]`, no spaces). */
export function payloadText(value: unknown): string {
	return jsonText(value) ?? 'null';
}

/** The payload's text, or a States.DataLimitExceeded naming `subject` when it is too large. */
export function checkedPayload(value: unknown, subject: string, terminal: boolean): string {
	const text = payloadText(value);
	// Only long texts can be over the limit; byteLength is linear, so skip it for the common small ones.
	if (text.length * 3 > maxPayloadBytes && Buffer.byteLength(text) > maxPayloadBytes) {
		throw dataLimitExceeded(subject, terminal);
	}

	return text;
}
