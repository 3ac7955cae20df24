import {createContext, useContext} from 'react';
import type {BulkAction} from '../model/bulk/bulk-plan.js';
import type {Theme} from '../model/text/theme.js';
import type {ExecutionSummary} from '../model/types.js';
import type {Follower, SfnSession} from '../sync/types.js';
import type {Route} from './routes.js';
import type {StatusMessage} from './status-line.js';

/** A prompt the app draws at the bottom of the screen (start, stop, redrive). */
export type PromptRequest =
	| {kind: 'start'; machineArn: string; machineName: string}
	| {kind: 'stop'; executionArn: string}
	| {kind: 'redrive'; executionArn: string}
	| {kind: 'bulk'; action: BulkAction; executions: readonly ExecutionSummary[]};

/** What views read: the session to follow things with, how to draw, and the last action's message. */
export type DashboardState = {
	session: SfnSession;
	theme: Theme;
	ascii: boolean;
	readOnly: boolean;
	now(): number;
	/** The last action's message, shown in the status line. */
	message: StatusMessage | undefined;
	/** The execution marked with `m`, to compare with `d`. */
	marked: string | undefined;
};

/**
 * What views do: move between routes, ask for prompts, post messages. These
 * never change identity, so a component that only acts does not re-render
 * when the state does (gemini-cli keeps UI state and actions apart the same way).
 */
export type DashboardActions = {
	/** A view's subscriptions, refreshed at once after an action. */
	registerFollower(follower: Follower<unknown>): () => void;
	/** The current route, including changes not drawn yet (several keys in one input act in order). */
	current(): Route;
	open(route: Route): void;
	back(): void;
	/** Changes the current route; a function sees the latest route (several keys in one input). */
	update(patch: Partial<Route> | ((route: Route) => Partial<Route>)): void;
	prompt(request: PromptRequest): void;
	/** A transient message for the status line. */
	notify(message: string, isError?: boolean): void;
	/** Marks an execution to compare (undefined clears the mark). */
	mark(executionArn: string | undefined): void;
	/** Puts text on the user's clipboard (OSC 52) and says so: `what` names it in the status line. */
	copy(text: string, what: string): void;
};

export const DashboardStateContext = createContext<DashboardState | undefined>(undefined);
export const DashboardActionsContext = createContext<DashboardActions | undefined>(undefined);

export function useDashboardState(): DashboardState {
	const value = useContext(DashboardStateContext);
	if (!value) {
		throw new Error('useDashboardState outside of <DashboardStateContext>');
	}

	return value;
}

export function useDashboardActions(): DashboardActions {
	const value = useContext(DashboardActionsContext);
	if (!value) {
		throw new Error('useDashboardActions outside of <DashboardActionsContext>');
	}

	return value;
}
