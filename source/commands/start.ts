import {readFile} from 'node:fs/promises';
import {parseJsonText} from '../model/text/json-text.js';
import {awsNameProblem, awsNameRule} from '../model/aws-names.js';
import {sanitize} from '../model/text/sanitize.js';
import {UserError} from '../model/user-error.js';
import {createSession} from '../sync/session.js';
import {fileProblem} from './read-input.js';
import {defineCommand} from './command.js';
import {tailFlags, tailFlagHelp} from './tail.js';
import {tailExecution} from './tail-runner.js';

async function readInput(value: string | undefined): Promise<string> {
	if (value === undefined) {
		return '{}';
	}

	let text = value;
	let what = '--input';
	if (text.startsWith('@')) {
		const file = text.slice(1);
		try {
			text = await readFile(file, 'utf8');
		} catch (error: unknown) {
			throw new UserError(`cannot read --input file ${file}: ${fileProblem(error)}`);
		}

		what = `--input file ${file}`;
	}

	parseJsonText(text, what);
	return text;
}

export const startCommand = defineCommand({
	name: 'start',
	summary: 'Start an execution',
	words: 1,
	usage: 'sfntop start MACHINE[:VERSION|:ALIAS] [--input JSON|@file] [--name NAME] [--tail [--logs] [--json]]',
	description: 'MACHINE is a state machine name or ARN; MACHINE:VERSION or MACHINE:ALIAS (or a version or alias ARN) starts that version, or the version the alias routes to. The input is checked to be JSON before anything is sent. Prints the new execution\'s ARN.',
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
	examples: ['sfntop start OrderProcessingStateMachine --input \'{"orderId": "12345"}\' --tail', 'sfntop start OrderProcessingStateMachine:prod --input @order.json'],
	async run({input, flags, options, outputClosed, stdout, stderr}) {
		if (!input[0]) {
			throw new UserError('sfntop start needs a state machine: a name or an ARN');
		}

		const problem = flags.name === undefined ? undefined : awsNameProblem(flags.name);
		if (flags.name !== undefined && problem) {
			throw new UserError(`--name "${sanitize(flags.name)}" is not a name AWS accepts: ${problem}; ${awsNameRule}`);
		}

		const text = await readInput(flags.input);
		const session = await createSession({...options.session, notices: stderr});
		try {
			session.assertAllowed('StartExecution');
			const target = await session.resolve(input[0]);
			if (target.kind !== 'machine') {
				throw new UserError(`${input[0]} is an execution; give a state machine name or ARN`);
			}

			const arn = await session.start(target.arn, text, flags.name);
			if (!flags.tail) {
				stdout.write(`${arn}\n`);
				return 0;
			}

			if (!flags.json) {
				stdout.write(`started ${arn}\n`);
			}

			return await tailExecution(session, arn, {json: flags.json, logs: flags.logs, color: options.display.color, width: options.display.lineWidth, closed: outputClosed, notices: stderr}, stdout);
		} finally {
			session.close();
		}
	},
});
