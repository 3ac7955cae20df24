// Sfntop's entry point: parse argv, pick a command, turn errors into one line.
// No logic lives here (STYLE.md: cli.tsx is thin).
import process from 'node:process';
import {readFileSync} from 'node:fs';
import meow, {type AnyFlags} from 'meow';
import {isRecord} from './model/text/json-text.js';
import {sanitize} from './model/text/sanitize.js';
import {commandList, findCommand, loadDashboardCommand} from './commands/index.js';
import type {Command} from './commands/command.js';
import {awsFlagHelp, awsFlags, displayFlagHelp, takesNextWord} from './commands/global-flags.js';
import {commandLike, unknownCommand} from './commands/command-word.js';
import {commandOptions} from './commands/options.js';
import {watchOutput} from './commands/output-closed.js';
import {exitCodes, isUserError} from './model/user-error.js';

const packageJson: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const version = isRecord(packageJson) && typeof packageJson.version === 'string' ? packageJson.version : 'unknown';

function mainHelp(): string {
	const names = commandList.map(entry => `  ${entry.name.padEnd(10)}${entry.summary}`);
	return [
		'sfntop — a live terminal dashboard for AWS Step Functions',
		'',
		'Usage',
		'  sfntop [MACHINE|EXECUTION] [--local]   open the dashboard',
		'  sfntop <command> [options]',
		'',
		'Commands',
		...names,
		'',
		'Options',
		'  --local             Start the embedded endpoint with a live demo and open the dashboard on it',
		...awsFlagHelp.map(line => `  ${line}`),
		...displayFlagHelp.map(line => `  ${line}`),
		'  --help              Show help (also `sfntop <command> --help`)',
		'  --version           Show the version',
		'',
		'Examples',
		'  $ sfntop --local',
		'  $ sfntop graph examples/order-processing.json',
		'  $ sfntop tail OrderProcessingStateMachine/latest',
	].join('\n');
}

function commandHelp(command: Command): string {
	const lines = [
		command.summary,
		'',
		'Usage',
		`  ${command.usage}`,
	];
	if (command.description) {
		lines.push('', ...command.description.split('\n').map(line => (line ? `  ${line}` : line)));
	}

	const flagLines = [...command.flagHelp, ...(command.usesAws ? awsFlagHelp : [])];
	if (flagLines.length > 0) {
		lines.push('', 'Options', ...flagLines.map(line => `  ${line}`));
	}

	if (command.examples && command.examples.length > 0) {
		lines.push('', 'Examples', ...command.examples.map(line => `  $ ${line}`));
	}

	return lines.join('\n');
}

/** All spellings a flag can be given as: camelCase name, aliases, short flag. */
function knownFlagNames(flags: AnyFlags): Set<string> {
	const names = new Set(['help', 'version', 'h', 'v']);
	for (const [name, spec] of Object.entries(flags)) {
		names.add(name);
		if (spec.shortFlag) {
			names.add(spec.shortFlag);
		}

		for (const alias of spec.aliases ?? []) {
			names.add(alias);
		}
	}

	return names;
}

/** The first word that is neither a flag nor the value of one (`--interval 1`): a command or a target. */
function firstPositional(argv: string[]): number {
	for (let index = 0; index < argv.length; index++) {
		if (!argv[index].startsWith('-')) {
			return index;
		}

		if (takesNextWord(argv[index])) {
			index++;
		}
	}

	return -1;
}

async function pickCommand(argv: string[]): Promise<{command: Command; rest: string[]; word?: string; meant?: string}> {
	const index = firstPositional(argv);
	const word = index === -1 ? undefined : argv[index];
	const entry = word === undefined ? undefined : findCommand(word);
	if (entry) {
		return {command: await entry.load(), rest: argv.filter((_, i) => i !== index)};
	}

	// Any other word is a machine or execution for the dashboard, which looks it up and only then,
	// if nothing has that name, suggests the command it resembles (commands/command-word.ts).
	const meant = word === undefined ? undefined : commandLike(word);
	if (word !== undefined && meant && firstPositional(argv.slice(index + 1)) !== -1) {
		// The dashboard takes one target: with more words the first was meant as a command.
		throw unknownCommand(word, meant);
	}

	return {command: await loadDashboardCommand(), rest: argv, ...(word !== undefined && meant && {word, meant})};
}

class UsageError extends Error {}

async function main(): Promise<number> {
	const argv = process.argv.slice(2);
	if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
		process.stdout.write(`${version}\n`);
		return exitCodes.ok;
	}

	if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
		process.stdout.write(`\n${mainHelp()}\n\n`);
		return exitCodes.ok;
	}

	const {command, rest, word, meant} = await pickCommand(argv);
	const flags: AnyFlags = {...(command.usesAws && awsFlags), ...command.flags};
	const cli = meow(command.name === 'dashboard' ? mainHelp() : commandHelp(command), {
		importMeta: import.meta,
		argv: rest,
		flags,
		allowUnknownFlags: true,
		description: false,
		version,
	});

	const known = knownFlagNames(flags);
	const unknown = Object.keys(cli.unnormalizedFlags).find(name => !known.has(name));
	if (unknown && word !== undefined && meant) {
		throw unknownCommand(word, meant);
	}

	if (unknown) {
		const flag = unknown.length === 1 ? `-${unknown}` : `--${unknown.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;
		throw new UsageError(`unknown option ${flag} for ${command.name === 'dashboard' ? 'sfntop' : `sfntop ${command.name}`}; see --help`);
	}

	if (command.words !== undefined && cli.input.length > command.words) {
		const name = command.name === 'dashboard' ? 'sfntop' : `sfntop ${command.name}`;
		const extra = cli.input.slice(command.words).map(extraWord => JSON.stringify(extraWord)).join(' ');
		throw new UsageError(`${name} takes ${command.words === 1 ? 'one argument' : `${command.words} arguments`}; unexpected ${extra} (see ${name} --help)`);
	}

	const output = watchOutput(process.stdout, process.stderr);
	const options = commandOptions(cli.flags, process.stdout, process.env, cli.input);
	const code = await command.run({input: cli.input, flags: cli.flags, options, stdout: process.stdout, outputClosed: output.closed, stderr: process.stderr, stdin: process.stdin});
	await output.settled();
	const failure = output.failure();
	if (failure) {
		throw new UsageError(failure);
	}

	// Whoever read the output has all they wanted: the command ended because of that, not by its own outcome.
	return output.closed.aborted ? exitCodes.ok : code;
}

/** An error message as one terminal-safe line: it can quote what a file or an endpoint holds (a JSON parse error quotes the text). */
function oneLine(text: string): string {
	return sanitize(text.split('\n').map(line => line.trim()).filter(Boolean).join(' '));
}

try {
	process.exitCode = await main();
} catch (error: unknown) {
	if (isUserError(error)) {
		process.stderr.write(`sfntop: ${oneLine(error.message)}\n`);
		process.exitCode = error.exitCode;
	} else if (error instanceof UsageError) {
		process.stderr.write(`sfntop: ${oneLine(error.message)}\n`);
		process.exitCode = exitCodes.usage;
	} else {
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`sfntop: unexpected error: ${oneLine(message)} (please report this; set SFNTOP_DEBUG=1 for details)\n`);
		if (process.env.SFNTOP_DEBUG) {
			console.error(error);
		}

		process.exitCode = exitCodes.internal;
	}
}
