import stringWidth from 'string-width';
import type {StyledLine} from '../types.js';

/*
 * Text in columns. A terminal cell is not a code point: CJK and most emoji take
 * two cells, combining marks and joiners none, and an emoji sequence
 * (👩‍👩‍👧, 🇯🇵, 👍🏽) is several code points drawn as one picture. So every
 * column is measured with string-width and cut between grapheme clusters
 * (Intl.Segmenter), never inside one: a cut sequence would leak a zero-width
 * joiner or a skin tone into the next cell. Every padded or clipped column in
 * sfntop goes through these functions.
 */

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** The cells a text takes in a terminal. */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

/**
 * The user-perceived characters of a text, each with its width in cells.
 * @yields one grapheme cluster and the cells it takes
 */
export function * graphemes(text: string): Generator<{text: string; width: number}> {
	for (const {segment} of segmenter.segment(text)) {
		yield {text: segment, width: stringWidth(segment)};
	}
}

/** The longest start of `text` at most `width` cells wide, cut between graphemes. */
export function cutToWidth(text: string, width: number): string {
	let out = '';
	let used = 0;
	for (const grapheme of graphemes(text)) {
		if (used + grapheme.width > width) {
			break;
		}

		out += grapheme.text;
		used += grapheme.width;
	}

	return out;
}

/** Shortens text to at most `width` cells, ending with the ellipsis when cut (nothing at all for width 0). */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
	if (stringWidth(text) <= width) {
		return text;
	}

	const ellipsisWidth = stringWidth(ellipsis);
	return width < ellipsisWidth ? cutToWidth(text, width) : cutToWidth(text, width - ellipsisWidth) + ellipsis;
}

/** Text followed by spaces up to `width` cells (never cut). */
export function padToWidth(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Exactly `width` cells: shortened with the ellipsis, or padded with spaces. */
export function fitToWidth(text: string, width: number, ellipsis = '…'): string {
	return padToWidth(truncateToWidth(text, width, ellipsis), width);
}

/** Cuts a styled line to at most `maxWidth` cells; the segment that does not fit ends with the ellipsis. */
export function clipLine(line: StyledLine, maxWidth: number, ellipsis = '…'): StyledLine {
	let used = 0;
	const out: StyledLine = [];
	for (const segment of line) {
		const width = stringWidth(segment.text);
		if (used + width <= maxWidth) {
			out.push(segment);
			used += width;
			continue;
		}

		const room = maxWidth - used;
		if (room > 0) {
			out.push({...segment, text: truncateToWidth(segment.text, room, ellipsis)});
		}

		break;
	}

	return out;
}
