import {useEffect, useMemo, useSyncExternalStore} from 'react';
import type {Follower, FollowerState} from '../sync/types.js';
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
	return useFollowerOf(create ?? (() => noFollower as Follower<T>), key).state;
}

/** useFollower, also handing back the follower itself (the walls are told which rows are on screen). */
export function useFollowerOf<F extends Follower<unknown>>(create: () => F, key: string): {follower: F; state: ReturnType<F['getState']>} {
	const {registerFollower} = useDashboardActions();
	const follower = useMemo(create, [key]);
	useEffect(() => {
		const unregister = registerFollower(follower);
		return () => {
			unregister();
			follower.stop();
		};
	}, [follower, registerFollower]);
	const state = useSyncExternalStore(follower.subscribe, follower.getState) as ReturnType<F['getState']>;
	return {follower, state};
}
