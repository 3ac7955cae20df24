import {createContext, useContext} from 'react';
import type {Theme} from '../model/text/theme.js';
import type {Follower, SfnSession} from '../sync/types.js';
import type {Route} from './routes.js';
import type {StatusMessage} from './status-line.js';

/** A prompt the app draws at the bottom of the screen (start, stop, redrive). */
export type PromptRequest =
	| {kind: 'start'; machineArn: string; machineName: string}
	| {kind: 'stop'; executionArn: string}
	| {kind: 'redrive'; executionArn: string};

/** Everything a view needs besides its own route: actions, not clients. */
export type Dashboard = {
	session: SfnSession;
	theme: Theme;
	ascii: boolean;
	readOnly: boolean;
	/** A view's subscriptions, refreshed at once after an action. */
	registerFollower(follower: Follower<unknown>): () => void;
	open(route: Route): void;
	back(): void;
	/** Changes the current route; a function sees the latest route (several keys in one input). */
	update(patch: Partial<Route> | ((route: Route) => Partial<Route>)): void;
	prompt(request: PromptRequest): void;
	/** A transient message for the status line. */
	notify(message: string, isError?: boolean): void;
	now(): number;
	/** The last action's message, shown in the status line. */
	message: StatusMessage | undefined;
};

export const DashboardContext = createContext<Dashboard | undefined>(undefined);

export function useDashboard(): Dashboard {
	const value = useContext(DashboardContext);
	if (!value) {
		throw new Error('useDashboard outside of <DashboardContext>');
	}

	return value;
}
