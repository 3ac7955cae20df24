import {afterEach, expect, test, vi} from 'vitest';
import {createPoller} from '../../source/sync/poller.js';
import {UserError} from '../../source/model/user-error.js';

afterEach(() => {
	vi.useRealTimers();
});

test('"as of" moves with every good read, even when nothing changed (a long Wait is not stale)', async () => {
	vi.useFakeTimers({now: Date.UTC(2026, 10, 29, 12, 0, 0)});
	const rows = ['run-1'];
	const follower = createPoller({
		intervalMs: 1000,
		describe: () => new UserError('x'),
		tick: async () => ({data: [...rows], changed: false}),
	});
	await vi.advanceTimersByTimeAsync(0);
	const first = follower.getState();
	expect(first.data).toEqual(['run-1']);

	await vi.advanceTimersByTimeAsync(1500);
	const later = follower.getState();
	expect(later.updatedAt).toBeGreaterThan(first.updatedAt!);
	// The same rows keep their identity, so views do not re-derive them.
	expect(later.data).toBe(first.data);
	follower.stop();
});
