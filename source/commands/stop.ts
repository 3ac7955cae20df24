import {createSession} from '../sync/session.js';
import {bulkFlagHelp, bulkFlags, isBulk, runBulk} from './bulk-command.js';
import {defineCommand} from './command.js';
import {executionArnOf} from './execution-target.js';

export const stopCommand = defineCommand({
	name: 'stop',
	summary: 'Stop a running execution',
	words: 1,
	usage: 'sfntop stop EXECUTION [--error E] [--cause C]  |  sfntop stop MACHINE --status RUNNING [--since DURATION] [--name-prefix P] [--yes] [--error E] [--cause C]',
	description: [
		'EXECUTION is an ARN, MACHINE/NAME or MACHINE/latest. The error and cause are recorded in the ExecutionAborted event.',
		'',
		'With --status RUNNING, stops a machine\'s running executions in bulk: it shows how many match (started',
		'in the last --since, named --name-prefix…), asks (on a terminal; elsewhere --yes), stops them through',
		'the rate limiter and prints one summary line (stopped, skipped, failed). Exit 0 only when all were stopped.',
	].join('\n'),
	usesAws: true,
	flags: {
		error: {type: 'string'},
		cause: {type: 'string'},
		...bulkFlags,
	},
	flagHelp: [
		'--error E           Error code to record (e.g. Operator)',
		'--cause C           Why it was stopped',
		'--status RUNNING    Stop every running execution of MACHINE (asks first; --yes off a terminal)',
		...bulkFlagHelp,
		'--yes, -y           With --status: do not ask for confirmation',
	],
	examples: ['sfntop stop OrderProcessingStateMachine/latest --error Operator --cause "bad deploy"', 'sfntop stop OrderProcessingStateMachine --status RUNNING --since 10m --error Operator --cause "bad deploy"'],
	async run({input, flags, options, stdout, stderr, stdin}) {
		const session = await createSession({...options.session, notices: stderr});
		try {
			if (isBulk(flags)) {
				return await runBulk({action: 'stop', session, machine: input[0], flags, display: options.display, stdout, stderr, stdin});
			}

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
