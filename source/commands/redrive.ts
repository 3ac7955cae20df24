import {createInterface} from 'node:readline/promises';
import {sanitize} from '../model/text/sanitize.js';
import {UserError} from '../model/user-error.js';
import {createSession} from '../sync/session.js';
import {bulkFlagHelp, bulkFlags, isBulk, runBulk} from './bulk-command.js';
import {defineCommand} from './command.js';
import {executionArnOf} from './execution-target.js';
import {loadedExecution} from './loaded-execution.js';

export const redriveCommand = defineCommand({
	name: 'redrive',
	summary: 'Redrive a failed, aborted or timed-out execution from where it stopped',
	words: 1,
	usage: 'sfntop redrive EXECUTION [--yes]  |  sfntop redrive MACHINE --status FAILED|ABORTED|TIMED_OUT [--since DURATION] [--name-prefix P] [--yes]',
	description: [
		'Checks that the execution can be redriven (a Standard execution that FAILED, was ABORTED or',
		'TIMED_OUT, within 14 days, redriven fewer than 1000 times), shows which states run again and',
		'which keep their results, then asks before redriving (on a terminal; elsewhere pass --yes).',
		'',
		'With --status, redrives a machine\'s executions in bulk: it lists those with that status (started',
		'in the last --since, named --name-prefix…), shows how many can be redriven, why not the rest, and',
		'the states they would rerun from, asks, redrives through the rate limiter and prints one summary',
		'line (redriven, skipped, failed). Exit 0 only when every one was redriven.',
	].join('\n'),
	usesAws: true,
	flags: bulkFlags,
	flagHelp: [
		'--yes, -y           Do not ask for confirmation',
		'--status STATUS     Redrive every execution of MACHINE with this status: FAILED, ABORTED or TIMED_OUT',
		...bulkFlagHelp,
	],
	examples: ['sfntop redrive OrderProcessingStateMachine/latest --yes', 'sfntop redrive OrderProcessingStateMachine --status FAILED --since 1h'],
	async run({input, flags, options, stdout, stderr, stdin}) {
		const session = await createSession({...options.session, notices: stderr});
		try {
			if (isBulk(flags)) {
				return await runBulk({action: 'redrive', session, machine: input[0], flags, display: options.display, stdout, stderr, stdin});
			}

			// Read-only refuses before anything is loaded or asked.
			session.assertAllowed('RedriveExecution');
			const arn = await executionArnOf(session, input[0], 'redrive');
			const data = await loadedExecution(session, arn);
			const preview = await session.redrivePreview(arn);
			if (!preview.redrivable) {
				throw new UserError(`cannot redrive ${arn}: ${preview.reason ?? 'not redrivable'}`, 'refused');
			}

			stdout.write(`Redrive ${arn}\n  status: ${data.description.status}${data.description.error ? ` (${sanitize(data.description.error)})` : ''}, redriven ${data.description.redriveCount ?? 0} times\n`);
			stdout.write(`  runs again:   ${preview.rerun.map(name => sanitize(name)).join(', ') || '-'}\n`);
			stdout.write(`  keeps result: ${preview.keep.map(name => sanitize(name)).join(', ') || '-'}\n`);
			if (!flags.yes) {
				if (!stdin.isTTY || !stdout.isTTY) {
					throw new UserError('not redriving without confirmation: pass --yes when not on a terminal');
				}

				const prompt = createInterface({input: stdin, output: stdout});
				const answer = await prompt.question('Redrive now? [y/N] ');
				prompt.close();
				if (!/^y(?:es)?$/i.test(answer.trim())) {
					stdout.write('not redriven\n');
					return 1;
				}
			}

			await session.redrive(arn);
			stdout.write(`redriven; ${arn} is RUNNING again (sfntop tail ${input[0]} to follow it)\n`);
			return 0;
		} finally {
			session.close();
		}
	},
});
