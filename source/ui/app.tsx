import {useCallback, useMemo, useRef, useState, type ReactNode} from 'react';
import {Box, useInput, useWindowSize} from 'ink';
import type {Theme} from '../model/text/theme.js';
import type {Follower, SfnSession} from '../sync/types.js';
import {DashboardActionsContext, DashboardStateContext, type DashboardActions, type DashboardState, type PromptRequest} from './dashboard-context.js';
import {DiffView} from './diff-view.js';
import {ExecutionView} from './execution-view.js';
import {ExecutionsView} from './executions-view.js';
import {helpLines} from './help-overlay.js';
import {eachKey, keyName, resolveKey} from './keymap.js';
import {MachineWallView} from './machine-wall-view.js';
import {MachinesView} from './machines-view.js';
import {MapRunView} from './map-run-view.js';
import {executionRoute, type Route} from './routes.js';
import {RunningView} from './running-view.js';
import {PromptOverlay, promptHeight, type PromptResult} from './prompt-overlay.js';
import {fitBlock} from './screen-lines.js';
import type {StatusMessage} from './status-line.js';
import {StyledLines} from './styled-lines.js';
import {editField, emptyField, fieldSegments, type TextField} from './text-field.js';
import {wrapText} from './text-wrap.js';

export type AppProps = {
	session: SfnSession;
	theme: Theme;
	ascii: boolean;
	/** Where to open: the machines list, a machine's executions, or one execution. */
	initial: Route[];
	onQuit: () => void;
	/** Fixed size (tests); the terminal's size otherwise. */
	size?: {columns: number; rows: number};
	now?: () => number;
	/** Puts text on the terminal's clipboard (commands/dashboard.ts writes OSC 52); absent: copying is off. */
	clipboard?: (text: string) => void;
};

/** OSC 52 payloads terminals accept are limited (xterm and tmux take about 100 kB); bigger ones are refused with a message. */
const mostCopied = 100_000;

type Overlay = {kind: 'help'} | {kind: 'filter'; field: TextField} | {kind: 'prompt'; request: PromptRequest};

/** A patch only carries fields of the route it is applied to: the view that owns the route sends it. */
function patchRoute<R extends Route>(route: R, patch: Partial<Route>): R {
	// eslint-disable-next-line prefer-object-spread
	return Object.assign({}, route, patch);
}

/** The dashboard: a stack of views (esc goes back), overlays for help, filter and prompts. */
export function App({session, theme, ascii, initial, onQuit, size, now = Date.now, clipboard}: AppProps) {
	const windowSize = useWindowSize();
	const width = Math.max(20, size?.columns ?? windowSize.columns);
	const height = Math.max(6, size?.rows ?? windowSize.rows);
	const [stack, setStackState] = useState<Route[]>(initial);
	// The stack as of the last change, rendered or not: keys typed together ("jjm") act on the row the
	// ones before them moved to, so views read the current route through actions.current().
	const latest = useRef(stack);
	const setStack = useCallback((change: (current: Route[]) => Route[]) => {
		latest.current = change(latest.current);
		setStackState(latest.current);
	}, []);
	const [overlay, setOverlay] = useState<Overlay>();
	const [message, setMessage] = useState<StatusMessage>();
	const [marked, setMarked] = useState<string>();
	const followers = useRef(new Set<Follower<unknown>>());
	const route = stack.at(-1)!;
	const {readOnly} = session;

	const registerFollower = useCallback((follower: Follower<unknown>) => {
		followers.current.add(follower);
		return () => {
			followers.current.delete(follower);
		};
	}, []);
	const update = useCallback((patch: Partial<Route> | ((route: Route) => Partial<Route>)) => {
		setStack(current => {
			const top = current.at(-1)!;
			return [...current.slice(0, -1), patchRoute(top, typeof patch === 'function' ? patch(top) : patch)];
		});
	}, []);
	const actions = useMemo((): DashboardActions => ({
		registerFollower,
		current: () => latest.current.at(-1)!,
		open(next) {
			setStack(current => [...current, next]);
		},
		back() {
			setStack(current => (current.length > 1 ? current.slice(0, -1) : current));
		},
		update,
		prompt(request) {
			setOverlay({kind: 'prompt', request});
		},
		notify(text, isError = false) {
			setMessage({text, isError});
		},
		mark: setMarked,
		copy(text, what) {
			if (!clipboard) {
				setMessage({text: 'copying needs a terminal', isError: true});
			} else if (text.length > mostCopied) {
				setMessage({text: `${what} is too long to copy (${Math.ceil(text.length / 1000)} kB; terminals take about ${mostCopied / 1000} kB)`, isError: true});
			} else {
				clipboard(text);
				setMessage({text: `copied ${what} to the clipboard (OSC 52)`, isError: false});
			}
		},
	}), [registerFollower, update, clipboard]);
	// A message wider than the screen (a console address) gets its own lines above the views.
	const messageLines = message && message.text.length > width ? wrapText(message.text, width, 4) : undefined;
	const state = useMemo((): DashboardState => ({session, theme, ascii, readOnly, now, message: messageLines ? undefined : message, marked}), [session, theme, ascii, readOnly, now, message, messageLines, marked]);

	const closePrompt = useCallback((result?: PromptResult) => {
		setOverlay(undefined);
		if (!result) {
			return;
		}

		setMessage({text: result.message, isError: result.isError ?? false});
		// After an action, every follower on screen polls at once.
		for (const follower of followers.current) {
			follower.refresh();
		}

		if (result.executionArn) {
			setStack(current => [...current, executionRoute(result.executionArn!)]);
		}
	}, []);

	// Keys that work in every view; a view's own keys live in the view.
	useInput((input, key) => {
		// A key clears the last message, unless the key itself just posted a new one (views handle keys first).
		if (message) {
			setMessage(current => (current === message ? undefined : current));
		}

		if (overlay?.kind === 'help') {
			setOverlay(undefined);
			return;
		}

		if (overlay?.kind === 'filter') {
			if (key.return || key.escape) {
				if (key.escape) {
					update({filter: ''});
				}

				setOverlay(undefined);
				return;
			}

			// Text and its enter in one input (typed fast, tmux send-keys): the text, then enter.
			const enterAt = input.length > 1 ? input.indexOf('\r') : -1;
			const field = editField(overlay.field, enterAt === -1 ? input : input.slice(0, enterAt), key);
			if (field) {
				update({filter: field.value, ...(route.view === 'execution' ? {panel: 'events', eventCursor: 'end'} : {cursor: 0})});
			}

			setOverlay(enterAt === -1 ? (field ? {kind: 'filter', field} : overlay) : undefined);
			return;
		}

		if (overlay) {
			return;
		}

		eachKey(input, key, (one, oneKey) => {
			const command = resolveKey(keyName(one, oneKey), route.view, readOnly);
			switch (command) {
				case 'quit': {
					onQuit();

					break;
				}

				case 'help': {
					setOverlay({kind: 'help'});

					break;
				}

				case 'back': {
					actions.back();

					break;
				}

				case 'filter': {
					setOverlay({kind: 'filter', field: emptyField(route.filter)});
					if (route.view === 'execution') {
						update({panel: 'events'});
					}

					break;
				}
			// No default
			}
		});
	});

	let overlayHeight = 0;
	let overlayNode: ReactNode;
	switch (overlay?.kind) {
		case 'help': {
			overlayHeight = height;
			overlayNode = <StyledLines lines={helpLines({view: route.view, readOnly, width, height, ascii})} theme={theme}/>;

			break;
		}

		case 'filter': {
			overlayHeight = 1;
			overlayNode = <StyledLines lines={fitBlock([[{text: '/', role: 'heading'}, ...fieldSegments(overlay.field, true), {text: '   enter keep, esc clear', role: 'muted'}]], width, 1, ascii ? '~' : '…')} theme={theme}/>;

			break;
		}

		case 'prompt': {
			overlayHeight = Math.min(height - 1, promptHeight(overlay.request));
			overlayNode = <PromptOverlay request={overlay.request} width={width} onClose={closePrompt}/>;

			break;
		}

		default: {
			if (messageLines) {
				overlayHeight = messageLines.length;
				overlayNode = <StyledLines lines={fitBlock(messageLines.map(text => [{text, role: message?.isError ? 'error' : 'success'}]), width, messageLines.length)} theme={theme}/>;
			}
		}
	}

	const viewHeight = height - overlayHeight;
	const isActive = overlay === undefined;
	const key = stack.length;
	let view: ReactNode;
	switch (route.view) {
		case 'machines': {
			view = <MachinesView key={key} route={route} width={width} height={viewHeight} isActive={isActive}/>;
			break;
		}

		case 'machine-wall': {
			view = <MachineWallView key={key} route={route} width={width} height={viewHeight} isActive={isActive}/>;
			break;
		}

		case 'executions': {
			view = <ExecutionsView key={key} route={route} width={width} height={viewHeight} isActive={isActive}/>;
			break;
		}

		case 'running': {
			view = <RunningView key={key} route={route} width={width} height={viewHeight} isActive={isActive}/>;
			break;
		}

		case 'execution': {
			view = <ExecutionView key={key} route={route} width={width} height={viewHeight} isActive={isActive}/>;
			break;
		}

		case 'map-run': {
			view = <MapRunView key={key} route={route} width={width} height={viewHeight} isActive={isActive}/>;
			break;
		}

		case 'diff': {
			view = <DiffView key={key} route={route} width={width} height={viewHeight} isActive={isActive}/>;
			break;
		}
	}

	return (
		<DashboardActionsContext.Provider value={actions}>
			<DashboardStateContext.Provider value={state}>
				<Box flexDirection='column' width={width} height={height} overflow='hidden'>
					{view}
					{overlayNode}
				</Box>
			</DashboardStateContext.Provider>
		</DashboardActionsContext.Provider>
	);
}

