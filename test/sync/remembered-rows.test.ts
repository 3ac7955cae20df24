import {expect, test} from 'vitest';
import {rememberedRows} from '../../source/sync/remembered-rows.js';
import type {Follower, FollowerState} from '../../source/sync/types.js';

/** A follower whose state the test sets, as a poller would publish it. */
function manualFollower<T>(): Follower<T> & {publish(state: Partial<FollowerState<T>>): void} {
	let state: FollowerState<T> = {data: undefined, stale: false, loading: true, done: false};
	return {
		getState: () => state,
		subscribe: () => () => undefined,
		refresh: () => undefined,
		stop: () => undefined,
		publish(next) {
			state = {...state, ...next};
		},
	};
}

test('a list opened again shows the rows it last had, with their time, until its own first read', () => {
	const remember = rememberedRows<string[]>();
	const first = manualFollower<string[]>();
	const firstView = remember('machine-a', first);
	first.publish({data: ['run-1', 'run-2'], loading: false, updatedAt: 1000});
	expect(firstView.getState().data).toEqual(['run-1', 'run-2']);

	const again = manualFollower<string[]>();
	const againView = remember('machine-a', again);
	expect(againView.getState()).toMatchObject({data: ['run-1', 'run-2'], updatedAt: 1000, loading: true});

	again.publish({data: ['run-3'], loading: false, updatedAt: 2000});
	expect(againView.getState()).toMatchObject({data: ['run-3'], updatedAt: 2000, loading: false});
});

test('another list, or a first read that failed, does not borrow rows', () => {
	const remember = rememberedRows<string[]>();
	const first = manualFollower<string[]>();
	remember('machine-a', first).getState();
	first.publish({data: ['run-1'], loading: false});
	remember('machine-a', first).getState();

	expect(remember('machine-b', manualFollower<string[]>()).getState().data).toBeUndefined();
	const failed = manualFollower<string[]>();
	failed.publish({error: 'access denied', loading: false});
	expect(remember('machine-a', failed).getState().data).toBeUndefined();
});

test('the snapshot keeps its identity while nothing changes (React re-renders only on a new one)', () => {
	const remember = rememberedRows<string[]>();
	const view = remember('machine-a', manualFollower<string[]>());
	expect(view.getState()).toBe(view.getState());
});
