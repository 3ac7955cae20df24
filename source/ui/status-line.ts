import type {StyledLine} from '../model/types.js';
import {bindingsFor, type ViewName} from './keymap.js';

export type StatusMessage = {text: string; isError: boolean};

/**
 * The bottom line: a follower's error (the data above stays, marked stale),
 * else the last action's message, else the key hints from the key table.
 */
export function statusLine(options: {view: ViewName; readOnly: boolean; error?: string; retrying?: boolean; message?: StatusMessage; extra?: string}): StyledLine {
	// A follower that stopped on its error (access denied, no such execution) is not retrying: say only what is true.
	if (options.error) {
		return [{text: ` ${options.error} `, role: 'alert'}, {text: options.retrying === false ? ' any data above is the last good read' : ' retrying; any data above is the last good read', role: 'muted'}];
	}

	const message: StyledLine = options.message ? [{text: `${options.message.text}   `, role: options.message.isError ? 'error' : 'success'}] : [];
	// Help and quit first: on a narrow screen the tail of the hints is cut.
	const first = new Set(['help', 'quit']);
	const hints = bindingsFor(options.view, options.readOnly)
		.filter(binding => binding.hint)
		.toSorted((a, b) => Number(first.has(b.command)) - Number(first.has(a.command)))
		.map(binding => `${binding.label} ${binding.hint!}`);
	return [
		...message,
		...(options.readOnly ? [{text: 'READ-ONLY ', role: 'warning' as const}] : []),
		...(options.extra ? [{text: `${options.extra}  `, role: 'muted' as const}] : []),
		{text: hints.join('  '), role: 'muted'},
	];
}
