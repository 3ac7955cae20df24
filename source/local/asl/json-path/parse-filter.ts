import type {FilterExpression, FilterOperand, PathSegment} from './path-syntax.js';
import type {PathReader} from './path-reader.js';

/** Reads the segments of a path inside a filter (`@.a.b`), up to what is not a segment. */
export type SegmentsReader = (reader: PathReader) => PathSegment[];

/**
 * A filter's expression, inside `[?( … )]`: `||` over `&&` over `!`,
 * parentheses, comparisons (`== != < <= > >= =~`) and existence tests, with
 * Jayway's operands (paths from `@` or `$`, quoted strings, regular
 * expressions, JSON literals and unquoted words).
 */
export function parseFilter(reader: PathReader, segments: SegmentsReader): FilterExpression {
	return new FilterParser(reader, segments).or();
}

class FilterParser {
	constructor(private readonly reader: PathReader, private readonly segments: SegmentsReader) {}

	or(): FilterExpression {
		let left = this.and();
		while (this.reader.eat('||')) {
			left = {kind: 'or', left, right: this.and()};
		}

		return left;
	}

	private and(): FilterExpression {
		let left = this.unary();
		while (this.reader.eat('&&')) {
			left = {kind: 'and', left, right: this.unary()};
		}

		return left;
	}

	private unary(): FilterExpression {
		const {reader} = this;
		reader.skipSpaces();
		if (reader.char === '!' && reader.text[reader.index + 1] !== '=') {
			reader.index++;
			return {kind: 'not', operand: this.unary()};
		}

		if (reader.eat('(')) {
			const inner = this.or();
			reader.expect(')');
			return inner;
		}

		const left = this.operand();
		reader.skipSpaces();
		const operator = /^(?:==|!=|<=|>=|<|>|=~)/.exec(reader.rest(2));
		if (!operator) {
			return {kind: 'exists', operand: left};
		}

		reader.index += operator[0].length;
		const right = this.operand();
		return {kind: 'compare', operator: operator[0] as '==', left, right};
	}

	private operand(): FilterOperand {
		const {reader} = this;
		reader.skipSpaces();
		const {char} = reader;
		if (char === '@' || char === '$') {
			reader.index++;
			return {kind: 'path', from: char, segments: this.segments(reader)};
		}

		if (char === '\'' || char === '"') {
			return {kind: 'literal', value: reader.quoted()};
		}

		if (char === '/') {
			return this.regex();
		}

		const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[Ee][+-]?\d+)?)(?![\w-])/.exec(reader.rest(40));
		if (literal) {
			reader.index += literal[0].length;
			return {kind: 'literal', value: JSON.parse(literal[0])};
		}

		// An unquoted word compares as a string: real definitions AWS accepts use
		// `[?(@.Type==Receipt)]` (aws-samples workflows in the shared corpus).
		const word = /^[\w-]+/.exec(reader.rest(200));
		if (!word) {
			this.reader.fail('expected a value');
		}

		reader.index += word[0].length;
		return {kind: 'literal', value: word[0]};
	}

	private regex(): FilterOperand {
		const {reader} = this;
		const match = /^\/((?:\\.|[^/\\])*)\/([a-z]*)/.exec(reader.rest());
		if (!match) {
			this.reader.fail('unterminated regular expression');
		}

		reader.index += match[0].length;
		try {
			return {kind: 'regex', regex: new RegExp(match[1], match[2].replaceAll(/[^imsu]/g, ''))};
		} catch {
			this.reader.fail('invalid regular expression');
		}
	}
}
