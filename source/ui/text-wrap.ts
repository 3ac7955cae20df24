import {graphemes} from '../model/text/width.js';

/** Hard-wraps one (sanitised) line into pieces of at most `width` cells. */
export function wrapText(text: string, width: number, maxLines = Infinity): string[] {
	if (width <= 0) {
		return [];
	}

	const out: string[] = [];
	let current = '';
	let used = 0;
	for (const {text: character, width: w} of graphemes(text)) {
		if (used + w > width) {
			out.push(current);
			if (out.length >= maxLines) {
				return out;
			}

			current = '';
			used = 0;
		}

		current += character;
		used += w;
	}

	if (current || out.length === 0) {
		out.push(current);
	}

	return out.slice(0, maxLines);
}

/** Payloads in one line: compact JSON when it parses, else the text as is. */
export function compactPayload(text: string | undefined): string | undefined {
	if (text === undefined) {
		return undefined;
	}

	try {
		return JSON.stringify(JSON.parse(text));
	} catch {
		return text;
	}
}
