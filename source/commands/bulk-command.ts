import {createInterface} from 'node:readline/promises';
import {machineNameOf} from '../model/arn.js';
import {actionVerbs, bulkPreviewLines, bulkSummary} from '../model/bulk/bulk-lines.js';
import type {BulkAction} from '../model/bulk/bulk-plan.js';
import {parseDuration} from '../model/text/duration.js';
import {sanitize} from '../model/text/sanitize.js';
import {lineToAnsi, pickTheme} from '../model/text/theme.js';
import type {ExecutionStatus} from '../model/types.js';
import {UserError} from '../model/user-error.js';
import type {SfnSession} from '../sync/types.js';
import {displayFlags} from './global-flags.js';
import type {CommandOptions} from './options.js';

/** The flags that make `redrive` and `stop` act on a machine's executions in bulk. */
export const bulkFlags = {
	status: {type: 'string'},
	since: {type: 'string'},
	namePrefix: {type: 'string'},
	yes: {type: 'boolean', default: false, shortFlag: 'y'},
	color: displayFlags.color,
} as const;

const allowedStatuses: Record<BulkAction, readonly ExecutionStatus[]> = {
	redrive: ['FAILED', 'ABORTED', 'TIMED_OUT'],
	stop: ['RUNNING'],
};

type Streams = {stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; stdin: NodeJS.ReadStream};

/** Help lines for the bulk flags both commands share. */
export const bulkFlagHelp = [
	'--since DURATION    With --status: only those started in the last DURATION (30m, 2h, 1h30m, 3d)',
	'--name-prefix P     With --status: only those whose name starts with P',
	'--no-color          No colours (also when NO_COLOR is set)',
];

/** --status (or --since, --name-prefix) turns `redrive` and `stop` to a machine's executions. */
export function isBulk(flags: {status?: string; since?: string; namePrefix?: string}): boolean {
	return flags.status !== undefined || flags.since !== undefined || flags.namePrefix !== undefined;
}

/** One line rewritten in place on a terminal's stderr; nothing elsewhere (pipes and logs stay clean). */
function progressLine(stderr: NodeJS.WriteStream): {show(text: string): void; clear(): void} {
	let shown = false;
	return {
		show(text) {
			if (stderr.isTTY) {
				stderr.write(`\r\u001B[K${text}`);
				shown = true;
			}
		},
		clear() {
			if (shown) {
				stderr.write('\r\u001B[K');
				shown = false;
			}
		},
	};
}

async function confirmed(question: string, {stdin, stdout}: Streams, action: BulkAction): Promise<boolean> {
	if (!stdin.isTTY || !stdout.isTTY) {
		throw new UserError(`not ${actionVerbs[action].doing} without confirmation: pass --yes when not on a terminal`);
	}

	const prompt = createInterface({input: stdin, output: stdout});
	const answer = await prompt.question(question);
	prompt.close();
	return /^y(?:es)?$/i.test(answer.trim());
}

/**
 * `sfntop redrive MACHINE --status FAILED` and `sfntop stop MACHINE --status
 * RUNNING`: match the machine's executions, show the preview, ask (on a
 * terminal; elsewhere --yes), act through the shared rate limiter with
 * progress on a terminal, and end with one summary line. Exit 0 only when
 * every execution asked for was acted on.
 */
export async function runBulk(options: {
	action: BulkAction;
	session: SfnSession;
	machine: string | undefined;
	flags: {status?: string; since?: string; namePrefix?: string; yes: boolean; error?: string; cause?: string};
	display: CommandOptions['display'];
} & Streams): Promise<number> {
	const {action, session, flags, stdout} = options;
	session.assertAllowed(action === 'stop' ? 'StopExecution' : 'RedriveExecution');
	const status = allowedStatuses[action].find(allowed => allowed === flags.status?.toUpperCase());
	if (!status) {
		throw new UserError(`--status for ${action} takes ${allowedStatuses[action].join(', ')}, not "${flags.status ?? ''}"`);
	}

	if (!options.machine) {
		throw new UserError(`sfntop ${action} --status needs a state machine: sfntop ${action} MACHINE --status ${allowedStatuses[action][0]}`);
	}

	const sinceMs = flags.since === undefined ? undefined : parseDuration(flags.since, '--since');
	const target = await session.resolve(options.machine);
	if (target.kind !== 'machine') {
		throw new UserError(`--status ${action}s a state machine's executions; ${options.machine} is one execution (drop --status to ${action} just it)`);
	}

	const theme = pickTheme({color: options.display.color});
	const print = (line: Parameters<typeof lineToAnsi>[0]) => stdout.write(`${lineToAnsi(line, theme)}\n`);
	const progress = progressLine(options.stderr);
	const verbs = actionVerbs[action];
	progress.show(`listing ${status} executions…`);
	const executions = await session.matchingExecutions(target.arn, {status, ...(sinceMs !== undefined && {startedAfter: Date.now() - sinceMs}), ...(flags.namePrefix && {namePrefix: flags.namePrefix})});
	progress.clear();
	const what = (count: number) => `${status} execution${count === 1 ? '' : 's'} of ${sanitize(machineNameOf(target.arn))}${flags.since ? ` started in the last ${flags.since}` : ''}${flags.namePrefix ? ` named ${sanitize(flags.namePrefix)}…` : ''}`;
	if (executions.length === 0) {
		stdout.write(`no ${what(0)}; nothing to ${action}\n`);
		return 0;
	}

	print([{text: `${action === 'stop' ? 'Stop' : 'Redrive'} ${executions.length} ${what(executions.length)}`, role: 'heading'}]);
	const preview = await session.bulkPreview(action, executions, (done, total) => {
		progress.show(`reading where they stopped ${done}/${total}…`);
	});
	progress.clear();
	for (const line of bulkPreviewLines(preview)) {
		print(line);
	}

	const count = preview.actionable.length;
	if (count > 0 && !flags.yes && !await confirmed(`${action === 'stop' ? 'Stop' : 'Redrive'} ${count} execution${count === 1 ? '' : 's'} now? [y/N] `, options, action)) {
		stdout.write(`nothing ${verbs.done}\n`);
		return 1;
	}

	const result = await session.bulkAct(preview, {
		...(flags.error !== undefined && {error: flags.error}),
		...(flags.cause !== undefined && {cause: flags.cause}),
		onProgress(done, total) {
			progress.show(`${verbs.doing} ${done}/${total}…`);
		},
	});
	progress.clear();
	stdout.write(`${bulkSummary(result)}\n`);
	return result.failed.length === 0 && result.skipped === 0 ? 0 : 1;
}
