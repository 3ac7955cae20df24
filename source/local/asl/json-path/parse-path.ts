import type {FilterExpression, FilterOperand, ParsedPath, PathRoot, PathSegment} from './path-syntax.js';

/** A path the parser refuses; validation turns it into AWS's "must be a valid JSONPath" diagnostic. */
export class PathSyntaxError extends Error {
	override name = 'PathSyntaxError';
}

/** Paths longer than this are refused outright: parsing stays linear and bounded. */
const maxPathLength = 10_000;

const cache = new Map<string, ParsedPath>();
const cacheLimit = 2000;

/** Parses a path (cached: definitions are parsed once, then read on every state). */
export function parsePath(text: string): ParsedPath {
	const known = cache.get(text);
	if (known) {
		return known;
	}

	const parsed = new PathParser(text).parse();
	if (cache.size >= cacheLimit) {
		cache.clear();
	}

	cache.set(text, parsed);
	return parsed;
}

const variableName = /^[a-z_]\w*/i;
const dotName = /^[^\s!"&'(),.<=>[\]|]+/;

class PathParser {
	private index = 0;

	constructor(private readonly text: string) {}

	parse(): ParsedPath {
		if (this.text.length > maxPathLength) {
			throw new PathSyntaxError(`path longer than ${maxPathLength} characters`);
		}

		const root = this.root();
		const segments = this.segments(false);
		if (this.index < this.text.length) {
			this.fail(`unexpected '${this.text[this.index]}'`);
		}

		const definite = segments.every(segment => segment.kind === 'property' || segment.kind === 'index');
		return {text: this.text, root, segments, definite};
	}

	private root(): PathRoot {
		if (!this.text.startsWith('$')) {
			this.fail('a path starts with $');
		}

		if (this.text.startsWith('$$')) {
			this.index = 2;
			return {kind: 'context'};
		}

		const name = variableName.exec(this.text.slice(1));
		if (name) {
			this.index = 1 + name[0].length;
			return {kind: 'variable', name: name[0]};
		}

		this.index = 1;
		return {kind: 'input'};
	}

	/** Segments until the end, or (inside a filter) until something that is not a segment. */
	segments(inFilter: boolean): PathSegment[] {
		const segments: PathSegment[] = [];
		while (this.index < this.text.length) {
			const char = this.text[this.index];
			if (this.text.startsWith('..', this.index)) {
				this.index += 2;
				const inner = this.text[this.index] === '[' ? this.bracket() : this.dotMember();
				segments.push({kind: 'deep', inner});
			} else if (char === '.') {
				// Jayway also reads `$.[0]` and `$.a.['b']` (a dot before a bracket), and AWS takes them.
				this.index++;
				segments.push(this.text[this.index] === '[' ? this.bracket() : this.dotMember());
			} else if (char === '[') {
				segments.push(this.bracket());
			} else if (inFilter) {
				break;
			} else {
				this.fail(`unexpected '${char}'`);
			}
		}

		return segments;
	}

	private dotMember(): PathSegment {
		if (this.text[this.index] === '*') {
			this.index++;
			return {kind: 'wildcard'};
		}

		const name = dotName.exec(this.text.slice(this.index));
		if (!name) {
			this.fail('expected a property name');
		}

		this.index += name[0].length;
		return {kind: 'property', name: name[0]};
	}

	private bracket(): PathSegment {
		this.index++; // [
		this.skipSpaces();
		let segment: PathSegment;
		const char = this.text[this.index];
		switch (char) {
			case '*': {
				this.index++;
				segment = {kind: 'wildcard'};

				break;
			}

			case '?': {
				this.index++;
				this.expect('(');
				const expression = this.filterOr();
				this.expect(')');
				segment = {kind: 'filter', expression};

				break;
			}

			case '\'':
			case '"': {
				const names = [this.quoted()];
				while (this.eat(',')) {
					names.push(this.quoted());
				}

				segment = names.length === 1 ? {kind: 'property', name: names[0]} : {kind: 'properties', names};

				break;
			}

			default: {
				segment = this.numericBracket();
			}
		}

		this.expect(']');
		return segment;
	}

	private numericBracket(): PathSegment {
		const first = this.optionalInteger();
		if (this.text[this.index] === ':') {
			this.index++;
			const end = this.optionalInteger();
			let step: number | undefined;
			if (this.eat(':')) {
				step = this.optionalInteger();
			}

			return {kind: 'slice', start: first, end, step};
		}

		if (first === undefined) {
			this.fail('expected an index');
		}

		const indexes = [first];
		while (this.eat(',')) {
			const next = this.optionalInteger();
			if (next === undefined) {
				this.fail('expected an index');
			}

			indexes.push(next);
		}

		return indexes.length === 1 ? {kind: 'index', index: first} : {kind: 'indexes', indexes};
	}

	private optionalInteger(): number | undefined {
		this.skipSpaces();
		const match = /^-?\d+/.exec(this.text.slice(this.index, this.index + 20));
		if (!match) {
			return undefined;
		}

		this.index += match[0].length;
		this.skipSpaces();
		return Number(match[0]);
	}

	private quoted(): string {
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

	private filterOr(): FilterExpression {
		let left = this.filterAnd();
		while (this.eat('||')) {
			left = {kind: 'or', left, right: this.filterAnd()};
		}

		return left;
	}

	private filterAnd(): FilterExpression {
		let left = this.filterUnary();
		while (this.eat('&&')) {
			left = {kind: 'and', left, right: this.filterUnary()};
		}

		return left;
	}

	private filterUnary(): FilterExpression {
		this.skipSpaces();
		if (this.text[this.index] === '!' && this.text[this.index + 1] !== '=') {
			this.index++;
			return {kind: 'not', operand: this.filterUnary()};
		}

		if (this.eat('(')) {
			const inner = this.filterOr();
			this.expect(')');
			return inner;
		}

		const left = this.operand();
		this.skipSpaces();
		const operator = /^(?:==|!=|<=|>=|<|>|=~)/.exec(this.text.slice(this.index, this.index + 2));
		if (!operator) {
			return {kind: 'exists', operand: left};
		}

		this.index += operator[0].length;
		const right = this.operand();
		return {kind: 'compare', operator: operator[0] as '==', left, right};
	}

	private operand(): FilterOperand {
		this.skipSpaces();
		const char = this.text[this.index];
		if (char === '@' || char === '$') {
			this.index++;
			return {kind: 'path', from: char, segments: this.segments(true)};
		}

		if (char === '\'' || char === '"') {
			return {kind: 'literal', value: this.quoted()};
		}

		if (char === '/') {
			const match = /^\/((?:\\.|[^/\\])*)\/([a-z]*)/.exec(this.text.slice(this.index));
			if (!match) {
				this.fail('unterminated regular expression');
			}

			this.index += match[0].length;
			try {
				return {kind: 'regex', regex: new RegExp(match[1], match[2].replaceAll(/[^imsu]/g, ''))};
			} catch {
				this.fail('invalid regular expression');
			}
		}

		const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[Ee][+-]?\d+)?)(?![\w-])/.exec(this.text.slice(this.index, this.index + 40));
		if (literal) {
			this.index += literal[0].length;
			return {kind: 'literal', value: JSON.parse(literal[0])};
		}

		// An unquoted word compares as a string: real definitions AWS accepts use
		// `[?(@.Type==Receipt)]` (aws-samples workflows in the shared corpus).
		const word = /^[\w-]+/.exec(this.text.slice(this.index, this.index + 200));
		if (!word) {
			this.fail('expected a value');
		}

		this.index += word[0].length;
		return {kind: 'literal', value: word[0]};
	}

	private skipSpaces(): void {
		while (this.text[this.index] === ' ') {
			this.index++;
		}
	}

	private eat(token: string): boolean {
		this.skipSpaces();
		if (this.text.startsWith(token, this.index)) {
			this.index += token.length;
			this.skipSpaces();
			return true;
		}

		return false;
	}

	private expect(token: string): void {
		if (!this.eat(token)) {
			this.fail(`expected '${token}'`);
		}
	}

	private fail(reason: string): never {
		throw new PathSyntaxError(`${reason} at character ${this.index + 1} of '${this.text}'`);
	}
}
