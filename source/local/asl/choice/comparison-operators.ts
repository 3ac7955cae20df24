/*
 * The data-test operators of JSONPath Choice rules. A value of the wrong
 * type never matches (recorded for every operator against null, numbers,
 * strings, arrays, objects and booleans in LocalStack
 * v2/choice_operators/*.snapshot.json); strings compare by UTF-16 code units
 * as Java does; numbers by value (0 equals 0.0).
 */
import {parseTimestamp} from '../timestamp.js';
import {stringMatches} from './string-matches.js';

type Compare = (value: unknown, operand: unknown) => boolean;

const bothStrings = (test: (a: string, b: string) => boolean): Compare => (a, b) => typeof a === 'string' && typeof b === 'string' && test(a, b);
const bothNumbers = (test: (a: number, b: number) => boolean): Compare => (a, b) => typeof a === 'number' && typeof b === 'number' && test(a, b);
const bothTimestamps = (test: (a: number, b: number) => boolean): Compare => (a, b) => {
	const left = parseTimestamp(a);
	const right = parseTimestamp(b);
	return left !== undefined && right !== undefined && test(left, right);
};

const orderings = {
	Equals: (a: number | string, b: number | string) => a === b,
	LessThan: (a: number | string, b: number | string) => a < b,
	GreaterThan: (a: number | string, b: number | string) => a > b,
	LessThanEquals: (a: number | string, b: number | string) => a <= b,
	GreaterThanEquals: (a: number | string, b: number | string) => a >= b,
};

/** Comparison operators; each also exists as `<name>Path`, whose operand is a path to the value. */
export const comparisonOperators: Record<string, Compare> = {
	BooleanEquals: (a, b) => typeof a === 'boolean' && a === b,
	StringMatches: bothStrings(stringMatches),
	...Object.fromEntries(Object.entries(orderings).flatMap(([suffix, test]) => [
		[`String${suffix}`, bothStrings(test)],
		[`Numeric${suffix}`, bothNumbers(test)],
		[`Timestamp${suffix}`, bothTimestamps(test)],
	])),
};

/** Type tests: `"IsNull": true` matches a null, `"IsNull": false` anything else. */
export const typeTests: Record<string, (value: unknown) => boolean> = {
	IsNull: value => value === null,
	IsNumeric: value => typeof value === 'number',
	IsString: value => typeof value === 'string',
	IsBoolean: value => typeof value === 'boolean',
	IsTimestamp: value => parseTimestamp(value) !== undefined,
};

/** Every operator name a rule may use (for validation). */
export const choiceOperatorNames = new Set([
	...Object.keys(comparisonOperators),
	...Object.keys(comparisonOperators).filter(name => name !== 'StringMatches').map(name => `${name}Path`),
	...Object.keys(typeTests),
	'IsPresent',
]);
