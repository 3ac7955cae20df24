/*
 * Java.util.Random, which AWS runs for seeded randomness: JSONata's
 * `$random(seed)` is `new Random(seed).nextDouble()` ($random(42) =
 * 0.7275636800328681 on AWS, measured in floci-io/floci issue 2662), and
 * `States.MathRandom(start, end, seed)` draws from the same generator.
 */
const multiplier = 0x5_DE_EC_E6_6Dn;
const mask = (1n << 48n) - 1n;

export class JavaRandom {
	private state: bigint;

	constructor(seed: number) {
		this.state = (BigInt(Math.trunc(seed)) ^ multiplier) & mask;
	}

	nextDouble(): number {
		const high = this.next(26n);
		const low = this.next(27n);
		return Number((high << 27n) + low) / (2 ** 53);
	}

	/** A uniform integer in [0, bound). */
	nextInt(bound: number): number {
		if ((bound & -bound) === bound) {
			return Number((BigInt(bound) * this.next(31n)) >> 31n);
		}

		for (;;) {
			const bits = Number(this.next(31n));
			const value = bits % bound;
			if (bits - value + (bound - 1) < 2 ** 31) {
				return value;
			}
		}
	}

	private next(bits: bigint): bigint {
		this.state = ((this.state * multiplier) + 0xBn) & mask;
		return this.state >> (48n - bits);
	}
}
