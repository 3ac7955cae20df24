import {closestWord} from '../model/text/closest-word.js';
import {sanitize} from '../model/text/sanitize.js';
import {UserError} from '../model/user-error.js';
import {commandList} from './index.js';

/*
 * `sfntop WORD` opens the dashboard on the machine or execution WORD, so a
 * first word that is not a command is a name first: a machine really named
 * `Wall` must open, though it is one letter from `tail`. Only when nothing by
 * that name exists (or more words follow, which the dashboard never takes) is
 * the word a mistyped command.
 */

/** The command `word` is one typo away from, if any. */
export function commandLike(word: string): string | undefined {
	return closestWord(word, commandList.map(entry => entry.name));
}

export function unknownCommand(word: string, meant: string): UserError {
	return new UserError(`unknown command "${sanitize(word)}"; did you mean "sfntop ${meant}"? (sfntop --help lists commands)`, 'usage');
}
