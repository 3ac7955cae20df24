import {isRecord} from '../text/json-text.js';

/*
 * What a person reads in a Lambda log line. Lambda prefixes every line a
 * function writes with its timestamp and request id — repeated on every line
 * and, in a column cut at the terminal's width, all that was left of it:
 *
 *   Node.js text  `2026-01-01T12:00:00.000Z\t<request id>\tINFO\tmessage`
 *   Python text   `[INFO]\t2026-01-01T12:00:00.000Z\t<request id>\tmessage`
 *   JSON format   `{"timestamp": …, "level": "INFO", "requestId": …, "message": …}`
 *
 * The prefix goes; the level stays: `INFO message`. Lambda's own START, END
 * and REPORT lines, and anything else, are left as written.
 */

const timestamp = String.raw`\d{4}-\d\d-\d\dT[\d.:]+Z`;
const requestId = String.raw`[\d\-a-f]{36}`;
const nodeText = new RegExp(String.raw`^${timestamp}\t${requestId}\t(?:([A-Z]+)\t)?`);
const pythonText = new RegExp(String.raw`^\[([A-Z]+)\]\t${timestamp}\t${requestId}\t`);

export function lambdaLogText(message: string): string {
	const text = message.trimEnd();
	const match = nodeText.exec(text) ?? pythonText.exec(text);
	if (match) {
		const rest = text.slice(match[0].length);
		return match[1] ? `${match[1]} ${rest}` : rest;
	}

	return text.startsWith('{') ? jsonLogText(text) ?? text : text;
}

/** Lambda's JSON log format: `level` and `message` (any JSON value), the rest dropped. */
function jsonLogText(text: string): string | undefined {
	let record: unknown;
	try {
		record = JSON.parse(text);
	} catch {
		return undefined;
	}

	if (!isRecord(record) || typeof record.level !== 'string' || !('message' in record)) {
		return undefined;
	}

	const message = typeof record.message === 'string' ? record.message : JSON.stringify(record.message);
	return `${record.level} ${message}`;
}
