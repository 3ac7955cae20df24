import type {StyledLine} from '../model/types.js';
import {bindingsFor, keymap, type ViewName} from './keymap.js';
import {fitBlock, titleLine} from './screen-lines.js';

/**
 * `?` help, generated from the key table: what the keys do in this view.
 * Read-only mode has already removed the mutating keys from the table.
 */
export function helpLines(options: {view: ViewName; readOnly: boolean; width: number; height: number; ascii: boolean}): StyledLine[] {
	const bindings = bindingsFor(options.view, options.readOnly);
	const labelWidth = Math.max(...bindings.map(binding => binding.keys.join(' ').length)) + 2;
	const lines: StyledLine[] = [titleLine(`Keys in the ${options.view} view`, options.width, {focused: true, ascii: options.ascii})];
	for (const binding of bindings) {
		lines.push([
			{text: `  ${binding.keys.join(' ').padEnd(labelWidth)}`, role: 'heading'},
			{text: binding.description},
			...(binding.mutating ? [{text: '  (changes the execution)', role: 'muted' as const}] : []),
		]);
	}

	lines.push([]);
	if (options.readOnly) {
		const hidden = keymap.filter(binding => binding.mutating).map(binding => binding.keys[0]).join(', ');
		lines.push([{text: `read-only: the keys that change executions (${hidden}) are off`, role: 'warning'}]);
	}

	lines.push([{text: 'press any key to close this help', role: 'muted'}]);
	return fitBlock(lines, options.width, options.height, options.ascii ? '~' : '…');
}
