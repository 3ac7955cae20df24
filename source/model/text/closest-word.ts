/** Levenshtein distance, small and allocation-light; inputs are short words. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
		}

		previous = current;
	}

	return previous[b.length];
}

/** The candidate within `maxDistance` edits of `word`, if exactly one is closest. */
export function closestWord(word: string, candidates: string[], maxDistance = 2): string | undefined {
	let best: string | undefined;
	let bestDistance = maxDistance + 1;
	for (const candidate of candidates) {
		const distance = editDistance(word.toLowerCase(), candidate);
		if (!(distance < bestDistance)) {
			continue;
		}

		best = candidate;
		bestDistance = distance;
	}

	return best;
}
