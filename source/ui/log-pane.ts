import {formatTime} from '../model/text/format.js';
import {sanitize} from '../model/text/sanitize.js';
import {type LogLine, type StyledLine} from '../model/types.js';

// Lambda's own prefix (`2026-01-01T12:00:00.000Z\t<request id>\tINFO\t`) repeats what the
// pane already shows (time) or what nobody reads in a narrow pane (the request id).
const lambdaPrefix = /^\d{4}-\d\d-\d\dT[\d.:]+Z\t[\d\-a-f]{36}\t([A-Z]+)\t/;

/** A log message as the pane shows it: Lambda's prefix shortened to its level. */
export function logMessageText(message: string): string {
	const trimmed = message.trimEnd();
	const match = lambdaPrefix.exec(trimmed);
	return match ? `${match[1]} ${trimmed.slice(match[0].length)}` : trimmed;
}

/**
 * The newest log lines of the selected state, streaming: the pane shows the
 * tail unless the user scrolled up (`scrollBack` lines from the end).
 */
export function logPaneLines(options: {lines: readonly LogLine[] | undefined; loading: boolean; height: number; scrollBack: number}): StyledLine[] {
	const {lines, height} = options;
	if (!lines || lines.length === 0) {
		return [[{text: options.loading ? 'loading logs…' : 'no log lines for this state yet', role: 'muted'}]];
	}

	const end = Math.max(Math.min(lines.length, height), lines.length - options.scrollBack);
	const start = Math.max(0, end - height);
	const out: StyledLine[] = [];
	for (let index = start; index < end; index++) {
		const line = lines[index];
		out.push([
			{text: `${formatTime(line.timestamp).slice(11, 19)} `, role: 'muted'},
			{text: sanitize(logMessageText(line.message), {tabWidth: 2})},
		]);
	}

	return out;
}
