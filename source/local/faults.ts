import {UserError} from '../model/user-error.js';

/**
 * `--faults throttle=0.3,5xx=0.1,reset=0.05,latency=20-200,seed=7`: what to
 * inject into API calls, reproducibly by seed. Applied before an operation
 * runs, so a faulted call changes nothing stored.
 */
export type FaultSpec = {throttle: number; serverError: number; reset: number; latency: [number, number]; seed: number};

export type Fault = {kind: 'none' | 'throttle' | 'server-error' | 'reset'; delayMs: number; status?: number};

export function parseFaults(spec: string): FaultSpec {
	const faults: FaultSpec = {throttle: 0, serverError: 0, reset: 0, latency: [0, 0], seed: 1};
	for (const item of spec.split(',')) {
		const part = item.trim();
		if (!part) {
			continue;
		}

		const [key, value = ''] = part.split('=', 2);
		const probability = () => {
			const number = Number(value);
			if (!Number.isFinite(number) || number < 0 || number > 1) {
				throw new UserError(`--faults: ${key} takes a probability from 0 to 1, not "${value}"`);
			}

			return number;
		};

		switch (key) {
			case 'throttle': {
				faults.throttle = probability();
				break;
			}

			case '5xx': {
				faults.serverError = probability();
				break;
			}

			case 'reset': {
				faults.reset = probability();
				break;
			}

			case 'latency': {
				const match = /^(\d+)(?:-(\d+))?$/.exec(value);
				if (!match) {
					throw new UserError(`--faults: latency takes milliseconds, MIN-MAX or N, not "${value}"`);
				}

				faults.latency = [Number(match[1]), Number(match[2] ?? match[1])];
				break;
			}

			case 'seed': {
				faults.seed = Math.trunc(Number(value)) || 1;
				break;
			}

			default: {
				throw new UserError(`--faults: unknown fault "${key}"; use throttle, 5xx, reset, latency and seed, e.g. throttle=0.3,5xx=0.1,reset=0.05,latency=20-200,seed=7`);
			}
		}
	}

	return faults;
}

/** A seeded sequence of faults (mulberry32), one draw per request. */
export function faultInjector(spec: FaultSpec): () => Fault {
	let state = spec.seed >>> 0;
	const next = () => {
		// eslint-disable-next-line unicorn/prefer-math-trunc -- `| 0` wraps to 32 bits (mulberry32), it does not truncate
		state = (state + 0x6D_2B_79_F5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};

	let serverErrors = 0;
	return () => {
		const [low, high] = spec.latency;
		const delayMs = low + Math.floor(next() * (high - low + 1));
		const roll = next();
		if (roll < spec.reset) {
			return {kind: 'reset', delayMs};
		}

		if (roll < spec.reset + spec.throttle) {
			return {kind: 'throttle', delayMs};
		}

		if (roll < spec.reset + spec.throttle + spec.serverError) {
			serverErrors++;
			return {kind: 'server-error', delayMs, status: serverErrors % 2 === 0 ? 503 : 500};
		}

		return {kind: 'none', delayMs};
	};
}
