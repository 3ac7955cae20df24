import {terminalSafeJson, sanitize} from '../model/text/sanitize.js';
import {formatDuration, formatTime, isoOrNull} from '../model/text/format.js';
import {executionStatusRole} from '../model/text/status-style.js';
import {ranUnderLabel} from '../model/arn.js';
import {clipLine, displayWidth, padToWidth} from '../model/text/width.js';
import {lineToAnsi, pickTheme} from '../model/text/theme.js';
import type {ExecutionStatus, StyledLine} from '../model/types.js';
import {UserError} from '../model/user-error.js';
import {createApi} from '../sync/session.js';
import {machineExecutions} from '../sync/machine-executions.js';
import {resolveTarget} from '../sync/resolve-target.js';
import {attempt} from './aws-command.js';
import {defineCommand} from './command.js';
import {budgetFlag, budgetFlagHelp, displayFlags, noColorHelp} from './global-flags.js';
import {listRunningWide} from './ls-wide.js';

const statuses: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];
const isStatus = (text: string): text is ExecutionStatus => (statuses as readonly string[]).includes(text);

const roleOf = (role: StyledLine[number]['role']) => (role === undefined ? {} : {role});

function table(rows: string[][], roles: Array<Array<StyledLine[number]['role']>> = []): StyledLine[] {
	const widths = rows[0].map((_, column) => Math.max(...rows.map(row => displayWidth(row[column]))));
	return rows.map((row, index) => {
		// Cells after the last non-empty one (an execution with no version) leave no trailing blanks.
		const used = row.findLastIndex(Boolean) + 1;
		return row.slice(0, used).flatMap((cell, column) => [
			{text: column === used - 1 ? cell : padToWidth(cell, widths[column]), ...roleOf(index === 0 ? 'heading' : roles[index]?.[column])},
			...(column === used - 1 ? [] : [{text: '  '}]),
		]);
	});
}

export const lsCommand = defineCommand({
	name: 'ls',
	summary: 'List state machines, or the executions of one',
	words: 1,
	usage: 'sfntop ls [MACHINE] [--status RUNNING|SUCCEEDED|FAILED|TIMED_OUT|ABORTED|PENDING_REDRIVE] [--wide [--budget N]] [--json]',
	description: [
		'Without MACHINE: the state machines in the region. With MACHINE (a name or ARN): its newest 100 executions, newest first, with the version or alias each ran under. MACHINE:VERSION or MACHINE:ALIAS lists only the executions started through it.',
		'--wide (running executions): every RUNNING execution with its current state, elapsed time and Map progress,',
		'the running wall\'s rows once; each history is read once within the wall\'s call budget (--budget reads a second).',
	].join('\n'),
	usesAws: true,
	flags: {
		status: {type: 'string'},
		wide: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
		...budgetFlag,
		ascii: displayFlags.ascii,
		color: displayFlags.color,
		width: displayFlags.width,
	},
	flagHelp: [
		'--status STATUS     Only executions with this status',
		'--wide              RUNNING executions with current state, elapsed time and Map progress (all of them, paged)',
		budgetFlagHelp,
		'--json              One JSON object per line (NDJSON)',
		noColorHelp,
	],
	examples: ['sfntop ls', 'sfntop ls OrderProcessingStateMachine --status FAILED', 'sfntop ls OrderProcessingStateMachine --status RUNNING --wide'],
	async run({input, flags, options, stdout, stderr}) {
		const status = flags.status?.toUpperCase();
		if (status !== undefined && !isStatus(status)) {
			throw new UserError(`--status takes one of ${statuses.join(', ')}, not "${flags.status}"`);
		}

		if (flags.wide && ((status && status !== 'RUNNING') || !input[0])) {
			throw new UserError('--wide lists the running executions of one machine: `sfntop ls MACHINE --status RUNNING --wide`');
		}

		const api = await createApi({...options.session, notices: stderr});
		const theme = pickTheme({color: options.display.color});
		const width = options.display.lineWidth;
		const print = (lines: StyledLine[]) => {
			for (const line of lines) {
				stdout.write(`${lineToAnsi(Number.isFinite(width) ? clipLine(line, width) : line, theme)}\n`);
			}
		};

		if (!input[0]) {
			const machines = await attempt(api, 'ListStateMachines', async () => api.listStateMachines());
			if (flags.json) {
				for (const machine of machines) {
					stdout.write(`${terminalSafeJson({name: machine.name, arn: machine.stateMachineArn, type: machine.type, creationDate: isoOrNull(machine.creationDate?.getTime())})}\n`);
				}

				return 0;
			}

			print(table([['NAME', 'TYPE', 'CREATED'], ...machines.map(machine => [sanitize(machine.name ?? ''), machine.type ?? '', formatTime(machine.creationDate?.getTime())])]));
			return 0;
		}

		const target = await resolveTarget(api, input[0]);
		if (target.kind !== 'machine') {
			throw new UserError(`${input[0]} is an execution; \`sfntop ls\` takes a state machine (use \`sfntop tail\` for an execution)`);
		}

		if (flags.wide) {
			await listRunningWide({session: {...options.session, notices: stderr}, machineArn: target.arn, json: flags.json, ascii: options.display.ascii, progress: stderr, write(text) {
				stdout.write(text);
			}, print, table});
			return 0;
		}

		// Express machines have no ListExecutions: their executions come from their log records (sync/machine-executions.ts).
		const executions = await attempt(api, 'ListExecutions', async () => machineExecutions(api, target.arn)(status));
		if (flags.json) {
			for (const execution of executions) {
				stdout.write(`${terminalSafeJson({name: execution.name, arn: execution.arn, status: execution.status, startDate: isoOrNull(execution.startDate), stopDate: isoOrNull(execution.stopDate), redriveCount: execution.redriveCount ?? 0, ...(execution.versionArn && {stateMachineVersionArn: execution.versionArn}), ...(execution.aliasArn && {stateMachineAliasArn: execution.aliasArn})})}\n`);
			}

			return 0;
		}

		const now = Date.now();
		// The version/alias column only when some execution ran under one (most machines have none).
		const ranUnder = executions.map(execution => sanitize(ranUnderLabel(execution)));
		const withVersions = ranUnder.some(Boolean);
		const rows = executions.map((execution, index) => [
			sanitize(execution.name),
			execution.status,
			formatTime(execution.startDate),
			formatDuration(execution.startDate === undefined ? undefined : (execution.stopDate ?? now) - execution.startDate),
			...(withVersions ? [ranUnder[index]] : []),
		]);
		const roles = [[], ...executions.map(execution => [undefined, executionStatusRole(execution.status)])];
		print(table([['NAME', 'STATUS', 'STARTED', 'DURATION', ...(withVersions ? ['VERSION'] : [])], ...rows], roles));
		return 0;
	},
});
