import {useRef} from 'react';
import {useInput} from 'ink';
import {eachKey, keyName, resolveKey, type CommandId, type ViewName} from './keymap.js';
import {useDashboardState} from './dashboard-context.js';

/** Runs the handler of the command a key press is bound to (in the one key table) in this view. */
export function useCommands(view: ViewName, handlers: Partial<Record<CommandId, () => void>>, isActive: boolean): void {
	const {readOnly} = useDashboardState();
	// Subscribed all the time, checked here: Ink re-subscribes an inactive input hook in an effect after
	// the render that activates it, so the first key typed right after a prompt closed was lost.
	const active = useRef(isActive);
	active.current = isActive;
	useInput((input, key) => {
		if (!active.current) {
			return;
		}

		eachKey(input, key, (one, oneKey) => {
			const command = resolveKey(keyName(one, oneKey), view, readOnly);
			if (command) {
				handlers[command]?.();
			}
		});
	});
}
