import {clipLine, displayWidth, fitToWidth, truncateToWidth} from '../text/width.js';
import {formatDuration} from '../text/format.js';
import {sanitize} from '../text/sanitize.js';
import {stateStatusRole} from '../text/status-style.js';
import type {ExecutionSnapshot, MachineGraph, StyledLine} from '../types.js';

/**
 * The per-state table under the graph: state, status, attempts, duration,
 * error. Nested states are indented under their container. Never wider than
 * maxWidth (the error column gives way first, then the name).
 */
export function stateTable(snapshot: ExecutionSnapshot, graph: MachineGraph, maxWidth: number, ascii: boolean): StyledLine[] {
	const ellipsis = ascii ? '~' : '…';
	const rows = graph.states.map(state => ({state, snapshot: snapshot.states.get(state.name)}));
	const nameWidth = Math.min(32, Math.max(5, ...rows.map(({state}) => (state.depth * 2) + displayWidth(sanitize(state.name)))));
	const header: StyledLine = [{text: `${'STATE'.padEnd(nameWidth)}  STATUS       ATTEMPTS  DURATION   ERROR`, role: 'heading'}];
	const lines: StyledLine[] = [header];
	for (const {state, snapshot: status} of rows) {
		const statusText = status?.status ?? 'NOT_STARTED';
		const iterations = status?.iterations ? ` ${status.iterations.succeeded}/${status.iterations.total}` : '';
		const line: StyledLine = [
			{text: `${fitToWidth(`${'  '.repeat(state.depth)}${sanitize(state.name)}`, nameWidth, ellipsis)}  `},
			{text: statusText.padEnd(11), role: stateStatusRole(statusText)},
			{text: `  ${String(status?.attempts ?? 0).padEnd(8)}  ${formatDuration(status?.durationMs).padEnd(9)}  `},
		];
		const used = nameWidth + 2 + 11 + 2 + 8 + 2 + 9 + 2;
		const error = status?.error ? sanitize(status.error) + iterations : iterations.trim();
		if (error) {
			line.push({text: truncateToWidth(error, Math.max(0, maxWidth - used), ellipsis), role: status?.error ? 'error' : 'muted'});
		} else {
			line[2].text = line[2].text.trimEnd();
		}

		lines.push(line);
	}

	return Number.isFinite(maxWidth) ? lines.map(line => clipLine(line, maxWidth, ellipsis)) : lines;
}
