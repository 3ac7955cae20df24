/** A path the parser refuses; validation turns it into AWS's "must be a valid JSONPath" diagnostic. */
export class PathSyntaxError extends Error {
	override name = 'PathSyntaxError';
}

/**
 * The cursor the path and filter parsers share: where it stands in the text,
 * and the small steps both take (spaces, tokens, quoted names, integers).
 */
export class PathReader {
	index = 0;

	constructor(readonly text: string) {}

	get atEnd(): boolean {
		return this.index >= this.text.length;
	}

	get char(): string | undefined {
		return this.text[this.index];
	}

	/** The text from here, at most `length` characters (regular expressions stay linear). */
	rest(length = Infinity): string {
		return this.text.slice(this.index, this.index + length);
	}

	skipSpaces(): void {
		while (this.text[this.index] === ' ') {
			this.index++;
		}
	}

	eat(token: string): boolean {
		this.skipSpaces();
		if (this.text.startsWith(token, this.index)) {
			this.index += token.length;
			this.skipSpaces();
			return true;
		}

		return false;
	}

	expect(token: string): void {
		if (!this.eat(token)) {
			this.fail(`expected '${token}'`);
		}
	}

	optionalInteger(): number | undefined {
		this.skipSpaces();
		const match = /^-?\d+/.exec(this.rest(20));
		if (!match) {
			return undefined;
		}

		this.index += match[0].length;
		this.skipSpaces();
		return Number(match[0]);
	}

	quoted(): string {
		this.skipSpaces();
		const quote = this.text[this.index];
		if (quote !== '\'' && quote !== '"') {
			this.fail('expected a quoted name');
		}

		let value = '';
		this.index++;
		// Only the quote itself can be escaped; any other backslash is part of the name
		// (recorded: $['Test\\""Name"'] reads the key Test\""Name", LocalStack
		// v2/scenarios/test_base_scenarios.snapshot.json ESCAPE_SEQUENCES_JSONPATH).
		while (this.index < this.text.length && this.text[this.index] !== quote) {
			if (this.text[this.index] === '\\' && this.text[this.index + 1] === quote) {
				this.index++;
			}

			value += this.text[this.index];
			this.index++;
		}

		if (this.index >= this.text.length) {
			this.fail('unterminated quoted name');
		}

		this.index++;
		this.skipSpaces();
		return value;
	}

	fail(reason: string): never {
		throw new PathSyntaxError(`${reason} at character ${this.index + 1} of '${this.text}'`);
	}
}
