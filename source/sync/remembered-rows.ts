import type {Follower, FollowerState} from './types.js';

/**
 * A list view opened again (esc back from an execution or a diff) makes a new
 * follower, which has nothing until its first poll; on a slow or throttled
 * account that is a blank list for a second or more. This hands the new
 * follower's view the rows its predecessor last had for the same key, with
 * that predecessor's "as of" time, until the new one has read its own.
 */
export function rememberedRows<T>(): (key: string, follower: Follower<T>) => Follower<T> {
	const last = new Map<string, {data: T; updatedAt?: number}>();
	return (key, follower) => {
		let seen: FollowerState<T> | undefined;
		let shown: FollowerState<T> = follower.getState();
		const getState = (): FollowerState<T> => {
			const state = follower.getState();
			if (state === seen) {
				return shown;
			}

			seen = state;
			const remembered = last.get(key);
			if (state.data !== undefined) {
				last.set(key, {data: state.data, ...(state.updatedAt !== undefined && {updatedAt: state.updatedAt})});
				shown = state;
			} else if (remembered && state.error === undefined) {
				shown = {...state, data: remembered.data, ...(remembered.updatedAt !== undefined && {updatedAt: remembered.updatedAt})};
			} else {
				shown = state;
			}

			return shown;
		};

		return {...follower, getState};
	};
}
