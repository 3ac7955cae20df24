import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';
import {executionArnOf, sessionFor} from './session-for.js';

export const stopCommand: Command = {
	name: 'stop',
	summary: 'Stop a running execution',
	usage: 'sfntop stop EXECUTION [--error E] [--cause C]',
	description: 'EXECUTION is an ARN, MACHINE/NAME or MACHINE/latest. The error and cause are recorded in the ExecutionAborted event.',
	usesAws: true,
	flags: {
		error: {type: 'string'},
		cause: {type: 'string'},
	},
	flagHelp: [
		'--error E           Error code to record (e.g. Operator)',
		'--cause C           Why it was stopped',
	],
	examples: ['sfntop stop OrderProcessingStateMachine/latest --error Operator --cause "bad deploy"'],
	async run({input, flags, stdout}) {
		if (flags.readOnly) {
			throw new UserError('--read-only: stopping an execution is disabled');
		}

		const session = await sessionFor(flags);
		try {
			const arn = await executionArnOf(session, input[0], 'stop');
			await session.stop(arn, flags.error as string | undefined, flags.cause as string | undefined);
			stdout.write(`stopped ${arn}\n`);
			return 0;
		} finally {
			session.close();
		}
	},
};
