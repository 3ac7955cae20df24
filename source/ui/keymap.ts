// THE one table of key bindings (STYLE.md, gemini-cli/k9s): the handlers, the
// status-line hints and the `?` help are all read from it, so they can never
// disagree. Read-only mode removes the mutating entries from the table itself.
import type {Key} from 'ink';

export type ViewName = 'machines' | 'machine-wall' | 'executions' | 'running' | 'execution' | 'map-run' | 'diff';

export type CommandId =
	| 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'top' | 'bottom'
	| 'enter' | 'panel' | 'back' | 'filter' | 'statusFilter' | 'versionFilter' | 'machineWall' | 'sort' | 'running'
	| 'start' | 'stop' | 'redrive' | 'help' | 'quit'
	| 'timeline' | 'mark' | 'diff' | 'select' | 'copy' | 'console';

export type Binding = {
	command: CommandId;
	/** Normalised key names, see keyName(). */
	keys: string[];
	/** What the status line and help show for the keys. */
	label: string;
	description: string;
	/** Views where it applies; undefined = everywhere. */
	views?: ViewName[];
	/** Calls a mutating API: removed in read-only mode. */
	mutating?: boolean;
	/** A word for the status line's short hint list (absent: not hinted). */
	hint?: string;
};

export const keymap: readonly Binding[] = [
	{command: 'up', keys: ['up', 'k'], label: '↑/k', description: 'move up (previous state, row or line)'},
	{command: 'down', keys: ['down', 'j'], label: '↓/j', description: 'move down'},
	{command: 'left', keys: ['left', 'h'], label: '←/h', description: 'select the state to the left', views: ['execution']},
	{command: 'right', keys: ['right', 'l'], label: '→/l', description: 'select the state to the right', views: ['execution']},
	{command: 'pageUp', keys: ['pageup', 'ctrl+u'], label: 'PgUp', description: 'scroll a page up'},
	{command: 'pageDown', keys: ['pagedown', 'ctrl+d'], label: 'PgDn', description: 'scroll a page down'},
	{command: 'top', keys: ['home', 'g'], label: 'g', description: 'go to the first row'},
	{command: 'bottom', keys: ['end', 'G'], label: 'G', description: 'go to the last row'},
	{command: 'enter', keys: ['enter'], label: 'enter', description: 'open what is selected: machine, execution, state, an event\'s state, map run children, child execution', hint: 'open'},
	{command: 'panel', keys: ['tab'], label: 'tab', description: 'switch panel: graph, state details and logs, event history', views: ['execution'], hint: 'panel'},
	{command: 'back', keys: ['esc', 'backspace'], label: 'esc', description: 'go back', hint: 'back'},
	{command: 'filter', keys: ['/'], label: '/', description: 'filter the current list or the event history', views: ['machines', 'machine-wall', 'executions', 'running', 'execution', 'map-run'], hint: 'filter'},
	{command: 'statusFilter', keys: ['f'], label: 'f', description: 'cycle the status filter (all, running, failed, ...)', views: ['executions', 'map-run'], hint: 'status'},
	{command: 'versionFilter', keys: ['v'], label: 'v', description: 'cycle the version/alias filter (all, each alias, each version)', views: ['executions'], hint: 'version'},
	{command: 'machineWall', keys: ['f'], label: 'f', description: 'the wall of all machines: running, failed and succeeded in the last hour', views: ['machines'], hint: 'wall'},
	{command: 'sort', keys: ['o'], label: 'o', description: 'sort by elapsed time, name or current state', views: ['running'], hint: 'sort'},
	{command: 'running', keys: ['r'], label: 'r', description: 'show every running execution of the machine', views: ['machines', 'machine-wall', 'executions'], hint: 'running'},
	{command: 'start', keys: ['s'], label: 's', description: 'start an execution (asks for JSON input)', views: ['machines', 'machine-wall', 'executions', 'running', 'execution'], mutating: true, hint: 'start'},
	{command: 'stop', keys: ['x'], label: 'x', description: 'stop the execution, or every selected one (asks to confirm; shows how many can be stopped)', views: ['executions', 'running', 'execution'], mutating: true, hint: 'stop'},
	{command: 'redrive', keys: ['R'], label: 'R', description: 'redrive the failed execution, or every selected one (shows what reruns, then asks)', views: ['executions', 'execution'], mutating: true, hint: 'redrive'},
	{command: 'select', keys: ['space'], label: 'space', description: 'select or unselect the execution, for x or R on all the selected ones', views: ['executions'], mutating: true, hint: 'select'},
	{command: 'timeline', keys: ['t'], label: 't', description: 'the timeline instead of the graph: where the time went (t again: the graph)', views: ['execution'], hint: 'timeline'},
	{command: 'mark', keys: ['m'], label: 'm', description: 'mark the execution to compare (then d on another)', views: ['executions', 'execution'], hint: 'mark'},
	{command: 'diff', keys: ['d'], label: 'd', description: 'compare the marked execution with this one, state by state', views: ['executions', 'execution'], hint: 'diff'},
	{command: 'copy', keys: ['c'], label: 'c', description: 'copy to the clipboard (OSC 52): the ARN, or the selected state\'s error cause or output', views: ['executions', 'execution'], hint: 'copy'},
	{command: 'console', keys: ['o'], label: 'o', description: 'show the execution\'s AWS console address', views: ['executions', 'execution']},
	{command: 'help', keys: ['?'], label: '?', description: 'show this help', hint: 'help'},
	{command: 'quit', keys: ['q', 'ctrl+c'], label: 'q', description: 'quit (also Ctrl-C)', hint: 'quit'},
];

/** The table in effect: read-only drops every mutating binding. */
export function activeKeymap(readOnly: boolean): readonly Binding[] {
	return readOnly ? keymap.filter(binding => !binding.mutating) : keymap;
}

export function bindingsFor(view: ViewName, readOnly: boolean): Binding[] {
	return activeKeymap(readOnly).filter(binding => !binding.views || binding.views.includes(view));
}

/** One name for a key press: 'up', 'enter', 'ctrl+c', 'R', '/'. */
export function keyName(input: string, key: Key): string {
	if (key.upArrow) {
		return 'up';
	}

	if (key.downArrow) {
		return 'down';
	}

	if (key.leftArrow) {
		return 'left';
	}

	if (key.rightArrow) {
		return 'right';
	}

	if (key.pageUp) {
		return 'pageup';
	}

	if (key.pageDown) {
		return 'pagedown';
	}

	if (key.home) {
		return 'home';
	}

	if (key.end) {
		return 'end';
	}

	if (key.return) {
		return 'enter';
	}

	if (key.escape) {
		return 'esc';
	}

	if (key.tab) {
		return key.shift ? 'shift+tab' : 'tab';
	}

	if (key.backspace || key.delete) {
		return 'backspace';
	}

	if (input === ' ' && !key.ctrl && !key.meta) {
		return 'space';
	}

	return key.ctrl && input ? `ctrl+${input.toLowerCase()}` : input;
}

/**
 * Key presses typed faster than the terminal is read arrive as one input
 * (`s?`); outside a text field each character is its own key.
 */
export function eachKey(input: string, key: Key, handle: (input: string, key: Key) => void): void {
	const characters = [...input];
	if (characters.length > 1 && !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab) {
		for (const character of characters) {
			// Enter typed along with other keys (`k` then enter) arrives as a carriage return in the text.
			handle(character === '\r' ? '' : character, character === '\r' ? {...key, return: true} : key);
		}

		return;
	}

	handle(input, key);
}

export function resolveKey(name: string, view: ViewName, readOnly: boolean): CommandId | undefined {
	return bindingsFor(view, readOnly).find(binding => binding.keys.includes(name))?.command;
}
