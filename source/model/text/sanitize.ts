/**
 * Makes untrusted remote text (state names, payloads, errors, log lines) safe
 * for a terminal. Anything a terminal could interpret is replaced by a visible
 * escape (`\x1b`, `\x9b`, `\u202e`), so nothing is silently hidden from the
 * reader and nothing reaches the terminal as a control:
 *
 * - C0 controls (incl. ESC, so no CSI/OSC/DCS/APC sequence can start), DEL,
 * - C1 controls U+0080–U+009F (8-bit CSI, OSC, DCS, ST),
 * - bidi embeddings/overrides/isolates and marks (Trojan Source, CVE-2021-42574),
 * - lone UTF-16 surrogates (from invalid UTF-8 after lossy decoding) become U+FFFD.
 *
 * Once ESC and the C1 introducers are gone, the rest of a sequence is inert
 * printable text, so escaping single characters is enough.
 */
export type SanitizeOptions = {
	/** Keep "\n" as a line break (for multi-line payload panes). Default: escape it as `\n`. */
	keepNewlines?: boolean;
	/** Turn "\t" into spaces up to the next multiple of this width. Default: escape it as `\t`. */
	tabWidth?: number;
};

const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

// Matches every character we escape, and lone surrogates.
const unsafe = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const named: Record<string, string> = {
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
};

function escapeCharacter(character: string): string {
	const code = character.codePointAt(0)!;
	if (code >= 0xD8_00 && code <= 0xDF_FF) {
		return '\uFFFD';
	}

	if (Object.hasOwn(named, character)) {
		return named[character];
	}

	return bidiControls.test(character) ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
}

export function sanitize(text: unknown, options: SanitizeOptions = {}): string {
	const value = typeof text === 'string' ? text : (text === undefined || text === null ? '' : JSON.stringify(text) ?? '');
	let result = value;
	if (options.tabWidth && value.includes('\t')) {
		result = expandTabs(result, options.tabWidth);
	}

	return result.replaceAll(unsafe, character => character === '\n' && options.keepNewlines ? character : escapeCharacter(character));
}

function expandTabs(text: string, tabWidth: number): string {
	return text
		.split('\n')
		.map(line => {
			let column = 0;
			let out = '';
			for (const character of line) {
				if (character === '\t') {
					const spaces = tabWidth - (column % tabWidth);
					out += ' '.repeat(spaces);
					column += spaces;
				} else {
					out += character;
					column++;
				}
			}

			return out;
		})
		.join('\n');
}

// JSON.stringify escapes only C0 controls; these would still reach a terminal raw.
const jsonUnsafe = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON for a terminal or a pipe: the same value as JSON.stringify, with DEL,
 * C1 controls, line separators and bidi controls written as \uXXXX escapes,
 * so `--json` output is both valid JSON and inert in a terminal.
 */
export function terminalSafeJson(value: unknown, space?: number): string {
	return (JSON.stringify(value, null, space) ?? 'null').replaceAll(jsonUnsafe, character => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
