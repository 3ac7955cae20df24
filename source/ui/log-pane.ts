import {lambdaLogText} from '../model/history/lambda-log-text.js';
import {formatTime} from '../model/text/format.js';
import {sanitize} from '../model/text/sanitize.js';
import {type LogLine, type StyledLine} from '../model/types.js';

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
			{text: sanitize(lambdaLogText(line.message), {tabWidth: 2})},
		]);
	}

	return out;
}
