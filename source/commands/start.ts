import {readFile} from 'node:fs/promises';
import {parseJsonText} from '../model/text/json-text.js';
import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';
import {outputWidth, wantsColor} from './global-flags.js';
import {sessionFor} from './session-for.js';
import {tailFlags, tailFlagHelp} from './tail.js';
import {tailExecution} from './tail-runner.js';

async function readInput(value: unknown): Promise<string> {
	if (value === undefined) {
		return '{}';
	}

	let text = typeof value === 'string' ? value : JSON.stringify(value);
	let what = '--input';
	if (text.startsWith('@')) {
		const file = text.slice(1);
		try {
			text = await readFile(file, 'utf8');
		} catch (error: unknown) {
			throw new UserError(`cannot read --input file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
		}

		what = `--input file ${file}`;
	}

	parseJsonText(text, what);
	return text;
}

export const startCommand: Command = {
	name: 'start',
	summary: 'Start an execution',
	usage: 'sfntop start MACHINE [--input JSON|@file] [--name NAME] [--tail [--logs] [--json]]',
	description: 'MACHINE is a state machine name or ARN. The input is checked to be JSON before anything is sent. Prints the new execution\'s ARN.',
	usesAws: true,
	flags: {
		input: {type: 'string'},
		name: {type: 'string'},
		tail: {type: 'boolean', default: false},
		...tailFlags,
	},
	flagHelp: [
		'--input JSON|@file  The execution input (default {}); @file reads it from a file',
		'--name NAME         The execution name (default: a UUID)',
		'--tail              Follow the execution until it ends (exit code as sfntop tail)',
		...tailFlagHelp,
	],
	examples: ['sfntop start OrderProcessingStateMachine --input \'{"orderId": "12345"}\' --tail'],
	async run({input, flags, stdout}) {
		if (!input[0]) {
			throw new UserError('sfntop start needs a state machine: a name or an ARN');
		}

		const text = await readInput(flags.input);
		if (flags.readOnly) {
			throw new UserError('--read-only: starting an execution is disabled');
		}

		const session = await sessionFor(flags);
		try {
			const target = await session.resolve(input[0]);
			if (target.kind !== 'machine') {
				throw new UserError(`${input[0]} is an execution; give a state machine name or ARN`);
			}

			const arn = await session.start(target.arn, text, typeof flags.name === 'string' ? flags.name : undefined);
			if (!flags.tail) {
				stdout.write(`${arn}\n`);
				return 0;
			}

			if (!flags.json) {
				stdout.write(`started ${arn}\n`);
			}

			return await tailExecution(session, arn, {json: Boolean(flags.json), logs: Boolean(flags.logs), color: wantsColor(flags), width: outputWidth(flags, stdout)}, stdout);
		} finally {
			session.close();
		}
	},
};
