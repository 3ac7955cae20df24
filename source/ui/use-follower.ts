import {useEffect, useMemo, useSyncExternalStore} from 'react';
import type {Follower, FollowerState, RowsFollower} from '../sync/types.js';
import {useDashboardActions} from './dashboard-context.js';

const idle: FollowerState<never> = {data: undefined, stale: false, loading: false, done: true};
const noFollower = {
	getState: () => idle,
	subscribe: () => () => undefined,
	refresh: () => undefined,
	stop: () => undefined,
} satisfies Follower<never>;

/**
 * Subscribes to a follower made by `create` for as long as `key` stays the
 * same; stops it on unmount or when the key changes. The component re-renders
 * only when the follower publishes a new state object (snapshot identity).
 */
export function useFollower<T>(create: (() => Follower<T>) | undefined, key: string): FollowerState<T> {
	return useSubscribed<T, Follower<T>>(create ?? (() => noFollower), key).state;
}

/** The walls' useFollower, handing back the follower too: the view tells it which rows are on screen. */
export function useRowsFollower<T>(create: () => RowsFollower<T>, key: string): {follower: RowsFollower<T>; state: FollowerState<T>} {
	return useSubscribed<T, RowsFollower<T>>(create, key);
}

function useSubscribed<T, F extends Follower<T>>(create: () => F, key: string): {follower: F; state: FollowerState<T>} {
	const {registerFollower} = useDashboardActions();
	const follower = useMemo(create, [key]);
	useEffect(() => {
		const unregister = registerFollower(follower);
		return () => {
			unregister();
			follower.stop();
		};
	}, [follower, registerFollower]);
	const state = useSyncExternalStore(follower.subscribe, follower.getState);
	return {follower, state};
}
