import {createSession} from '../sync/session.js';
import {defineCommand} from './command.js';
import {executionArnOf} from './execution-target.js';
import {displayFlags, intervalFlag, noColorHelp} from './global-flags.js';
import {tailExecution} from './tail-runner.js';

export const tailFlags = {
	json: {type: 'boolean', default: false},
	logs: {type: 'boolean', default: false},
	...intervalFlag,
	color: displayFlags.color,
	width: displayFlags.width,
} as const;

export const tailFlagHelp = [
	'--logs              Interleave each Task state\'s Lambda log lines',
	'--json              One JSON object per event (NDJSON): id, timestamp, type, state, details',
	'--interval S        Poll every S seconds while events arrive (default 1)',
	noColorHelp,
];

export const tailCommand = defineCommand({
	name: 'tail',
	summary: 'Print an execution\'s events and follow it until it ends',
	words: 1,
	usage: 'sfntop tail EXECUTION [--json] [--logs] [--interval S]',
	description: [
		'EXECUTION is an execution ARN, MACHINE/NAME, or MACHINE/latest (the newest execution).',
		'Prints the history from the first event, then follows it like `kubectl logs -f`.',
		'Exits when the execution ends: 0 if it SUCCEEDED, 1 if it FAILED, was ABORTED or TIMED_OUT.',
	].join('\n'),
	usesAws: true,
	flags: tailFlags,
	flagHelp: tailFlagHelp,
	examples: ['sfntop tail OrderProcessingStateMachine/latest --logs', 'sfntop tail ARN --json | jq .type'],
	async run({input, flags, options, outputClosed, stdout, stderr}) {
		const session = await createSession({...options.session, notices: stderr});
		try {
			const arn = await executionArnOf(session, input[0], 'tail');
			return await tailExecution(session, arn, {json: flags.json, logs: flags.logs, color: options.display.color, width: options.display.lineWidth, closed: outputClosed, notices: stderr}, stdout);
		} finally {
			session.close();
		}
	},
});
