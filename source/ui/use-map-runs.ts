import {useEffect, useMemo, useSyncExternalStore} from 'react';
import type {MapRunDescription} from '../model/types.js';
import type {Follower, FollowerState} from '../sync/types.js';
import {useDashboardActions, useDashboardState} from './dashboard-context.js';

type MapRunStore = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): ReadonlyMap<string, MapRunDescription>;
};

/**
 * Follows the map runs an execution's Distributed Map states started (for
 * the graph badges and the Map Run panel): one follower per run — one
 * DescribeMapRun per tick each, however many children — stopped once the run
 * has ended and been read a last time. Re-renders only when a run's data changes.
 */
export function useMapRuns(arns: readonly string[]): ReadonlyMap<string, MapRunDescription> {
	const {session} = useDashboardState();
	const {registerFollower} = useDashboardActions();
	const key = arns.join('\n');
	const followers = useMemo(() => new Map(arns.map(arn => [arn, session.mapRun(arn)] as const)), [key, session]);
	useEffect(() => {
		const unregister = [...followers.values()].map(follower => registerFollower(follower));
		return () => {
			for (const done of unregister) {
				done();
			}

			for (const follower of followers.values()) {
				follower.stop();
			}
		};
	}, [followers, registerFollower]);
	const store = useMemo(() => mapRunStore(followers), [followers]);
	return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

function mapRunStore(followers: ReadonlyMap<string, Follower<MapRunDescription>>): MapRunStore {
	let states: Array<FollowerState<MapRunDescription>> = [];
	let snapshot: ReadonlyMap<string, MapRunDescription> = new Map();
	return {
		subscribe(listener) {
			const unsubscribe = [...followers.values()].map(follower => follower.subscribe(listener));
			return () => {
				for (const done of unsubscribe) {
					done();
				}
			};
		},
		getSnapshot() {
			const now = [...followers.values()].map(follower => follower.getState());
			if (now.length !== states.length || now.some((state, index) => state !== states[index])) {
				states = now;
				const next = new Map<string, MapRunDescription>();
				for (const [index, arn] of [...followers.keys()].entries()) {
					const {data} = now[index];
					if (data) {
						next.set(arn, data);
					}
				}

				snapshot = next;
			}

			return snapshot;
		},
	};
}
