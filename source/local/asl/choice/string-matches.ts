/**
 * StringMatches: `*` matches any run of characters; `\*` is a literal star
 * and `\\` a literal backslash (in the JSON definition these are written
 * `\\*` and `\\\\`). Matched without regular expressions, in linear time.
 */
export function stringMatches(value: string, pattern: string): boolean {
	const parts: string[] = [''];
	for (let index = 0; index < pattern.length; index++) {
		const char = pattern[index];
		if (char === '\\' && index + 1 < pattern.length) {
			parts[parts.length - 1] += pattern[index + 1];
			index++;
		} else if (char === '*') {
			parts.push('');
		} else {
			parts[parts.length - 1] += char;
		}
	}

	if (parts.length === 1) {
		return value === parts[0];
	}

	const first = parts[0];
	const last = parts.at(-1)!;
	if (!value.startsWith(first) || value.length < first.length + last.length || !value.endsWith(last)) {
		return false;
	}

	let position = first.length;
	const end = value.length - last.length;
	for (const middle of parts.slice(1, -1)) {
		const found = value.indexOf(middle, position);
		if (found === -1 || found + middle.length > end) {
			return false;
		}

		position = found + middle.length;
	}

	return true;
}
