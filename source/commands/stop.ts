import {createSession} from '../sync/session.js';
import {defineCommand} from './command.js';
import {executionArnOf} from './execution-target.js';

export const stopCommand = defineCommand({
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
	async run({input, flags, options, stdout, stderr}) {
		const session = await createSession({...options.session, notices: stderr});
		try {
			session.assertAllowed('StopExecution');
			const arn = await executionArnOf(session, input[0], 'stop');
			await session.stop(arn, flags.error, flags.cause);
			stdout.write(`stopped ${arn}\n`);
			return 0;
		} finally {
			session.close();
		}
	},
});
