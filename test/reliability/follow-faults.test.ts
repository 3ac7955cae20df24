import process from 'node:process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {cleanFold, faultSpec, follow, freePort, mapShape, orderShape, serve, startShape, summary, type Shape} from './follow-under-faults.js';

process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

/** Sizes for `npm test`; `npm run test:soak` sets SFNTOP_SOAK=1 for the long runs. */
const soak = Boolean(process.env.SFNTOP_SOAK);
const shapes: Shape[] = soak ? [orderShape, mapShape(200), mapShape(1430, 1)] : [orderShape, mapShape(60)];
const seeds = soak ? [7, 11, 23] : [7];

describe('following through faults: nothing lost, nothing duplicated', () => {
	for (const shape of shapes) {
		for (const seed of seeds) {
			test(`${shape.name}, seed ${seed}`, async () => {
				const endpoint = await serve(['--port', '0', '--faults', faultSpec(seed)]);
				try {
					const arn = await startShape(endpoint.url, shape);
					const followed = await follow(endpoint.url, arn, soak ? 240_000 : 60_000);
					const clean = await cleanFold(endpoint.url, arn, shape.definition);
					const ids = followed.data.events.map(event => event.id);
					const verdict = JSON.stringify(summary(followed.data.snapshot)) === JSON.stringify(summary(clean)) ? 'equal' : 'DIFFERENT';
					const retries = followed.states.filter(state => state.retrying).length;
					console.log(`[faults] ${shape.name} seed ${seed}: events ${ids.length}, status ${followed.data.snapshot.status}, retries ${retries}, stale seen ${followed.sawStale}, verdict ${verdict}`);
					expect(ids).toEqual(ids.map((_, index) => index + 1));
					expect(summary(followed.data.snapshot)).toEqual(summary(clean));
				} finally {
					endpoint.child.kill('SIGKILL');
				}
			}, soak ? 300_000 : 90_000);
		}
	}

	test('across a kill -9 and restart of the endpoint (same --data-dir): stale while down, then recovers to the stored truth', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-restart-'));
		const port = await freePort();
		const args = ['--port', String(port), '--data-dir', dataDir, '--faults', faultSpec(5)];
		let endpoint = await serve(args);
		try {
			const shape = mapShape(20, 400, 1); // About 8 s, one item at a time: still running when killed.
			const arn = await startShape(endpoint.url, shape);
			const dataShown = Promise.withResolvers<void>();
			const following = follow(endpoint.url, arn, 60_000, () => {
				dataShown.resolve();
			});
			await dataShown.promise;
			endpoint.child.kill('SIGKILL');
			await new Promise(resolve => {
				setTimeout(resolve, 1500);
			});
			endpoint = await serve(args);
			const followed = await following;
			const clean = await cleanFold(endpoint.url, arn, shape.definition);
			console.log(`[faults] restart: events ${followed.data.events.length}, status ${followed.data.snapshot.status}, stale seen ${followed.sawStale}, errors ${JSON.stringify([...new Set(followed.states.map(state => state.error).filter(Boolean))])}`);
			expect(followed.sawStale).toBe(true);
			expect(followed.data.snapshot.status).toBe('FAILED');
			expect(followed.data.snapshot.error).toBe('States.Runtime');
			expect(summary(followed.data.snapshot)).toEqual(summary(clean));
		} finally {
			endpoint.child.kill('SIGKILL');
			await rm(dataDir, {recursive: true, force: true});
		}
	}, 90_000);
});
