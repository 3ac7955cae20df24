/*
 * AWS's rule for the names of executions and state machines (StartExecution
 * `name`, CreateStateMachine `name`): 1–80 characters, none of them
 * whitespace, brackets `< > { } [ ]`, wildcards `? *`, the specials
 * `" # % \ ^ | ~ ` $ & , ; : /`, or control characters (U+0000–U+001F,
 * U+007F–U+009F). AWS answers `InvalidName` otherwise; sfntop refuses such a
 * name before sending anything.
 */

const maximumLength = 80;

const forbidden = /[\s\u{0}-\u{1F}"#$%&*,/:;<>?[\\\]^`{|}~\u{7F}-\u{9F}]/u;

const spoken: Record<string, string> = {' ': 'a space', '\t': 'a tab', '\n': 'a line break'};

/** What is wrong with `name` as an AWS execution or state machine name, or undefined when nothing is. */
export function awsNameProblem(name: string): string | undefined {
	if (name.length === 0) {
		return 'it is empty';
	}

	if (name.length > maximumLength) {
		return `it is ${name.length} characters long, more than AWS's ${maximumLength}`;
	}

	const character = forbidden.exec(name)?.[0];
	if (character === undefined) {
		return undefined;
	}

	const code = character.codePointAt(0)!;
	const shown = Object.hasOwn(spoken, character) ? spoken[character] : (code < 0x21 || (code >= 0x7F && code <= 0xA0) || /\s/.test(character) ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${character}"`);
	return `it contains ${shown}`;
}

/** The rule in one phrase, for the end of an error line. */
export const awsNameRule = 'AWS names are 1–80 characters without whitespace, brackets, ? * " # % \\ ^ | ~ ` $ & , ; : / or control characters';
