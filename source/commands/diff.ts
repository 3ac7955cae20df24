import {stat} from 'node:fs/promises';
import path from 'node:path';
import {diffJson} from '../model/diff/diff-json.js';
import {diffLines} from '../model/diff/diff-lines.js';
import {diffExecutions} from '../model/diff/execution-diff.js';
import {executionNameOf, machineNameOf} from '../model/arn.js';
import {parseHistoryText} from '../model/history/history-input.js';
import {stateRunsOf, type StateRunLog} from '../model/history/state-runs.js';
import {terminalSafeJson} from '../model/text/sanitize.js';
import {lineToAnsi, pickTheme} from '../model/text/theme.js';
import {UserError} from '../model/user-error.js';
import {createSession} from '../sync/session.js';
import type {SfnSession} from '../sync/types.js';
import {defineCommand} from './command.js';
import {executionArnOf} from './execution-target.js';
import {displayFlagHelp, displayFlags} from './global-flags.js';
import {loadedExecution} from './loaded-execution.js';
import {readInputFile} from './read-input.js';
import {pickExecution} from './replay.js';

/** A history file rather than an execution: `-`, an existing path (a folder gets readInputFile's line), or a name only files have. */
async function isHistoryFile(reference: string): Promise<boolean> {
	if (reference === '-' || /\.(?:json|jsonl|ndjson|log|txt)$/i.test(reference)) {
		return true;
	}

	try {
		await stat(reference);
		return true;
	} catch {
		return false;
	}
}

type Side = {label: string; runs: StateRunLog};

export const diffCommand = defineCommand({
	name: 'diff',
	summary: 'Compare two executions (or saved histories) state by state',
	words: 2,
	usage: 'sfntop diff A B [--json] [--width N] [--ascii] [--no-color]',
	description: [
		'A and B are executions — an ARN, MACHINE/NAME, MACHINE/latest, MACHINE/latest-succeeded,',
		'MACHINE/latest-failed — or history files as `sfntop replay` reads them, in any mix. States are',
		'aligned by path (Map iterations as MAP[i]/STATE, Parallel branches as PARALLEL/STATE): per state',
		'the status in A and B, attempts, duration and its change, errors; then, for states whose input',
		'or output differ, the JSON paths that differ with both values.',
		'',
		'Exit 0 when both ran the same states to the same statuses, 1 when they differ.',
	].join('\n'),
	usesAws: true,
	flags: {
		...displayFlags,
		json: {type: 'boolean', default: false},
	},
	flagHelp: [
		'--json              Print the comparison as one JSON object',
		...displayFlagHelp,
	],
	examples: [
		'sfntop diff OrderProcessingStateMachine/latest-failed OrderProcessingStateMachine/latest-succeeded',
		'sfntop diff before.json OrderProcessingStateMachine/latest --json',
	],
	async run({input, flags, options, stdout, stdin}) {
		if (input.length !== 2) {
			throw new UserError('sfntop diff compares two things: give two executions (ARN, MACHINE/NAME, MACHINE/latest-failed, ...) or history files');
		}

		if (input[0] === '-' && input[1] === '-') {
			throw new UserError('only one side can be read from standard input (-)');
		}

		let session: SfnSession | undefined;
		const load = async (reference: string): Promise<Side> => {
			if (await isHistoryFile(reference)) {
				const {text, name} = await readInputFile(reference, stdin, 'an execution history');
				return {label: reference === '-' ? name : path.basename(name), runs: stateRunsOf(pickExecution(parseHistoryText(text, name).executions, undefined))};
			}

			session ??= await createSession(options.session);
			const arn = await executionArnOf(session, reference, 'diff');
			const data = await loadedExecution(session, arn);
			return {label: `${machineNameOf(data.description.machineArn)}/${executionNameOf(arn)}`, runs: stateRunsOf(data.events, data.graph)};
		};

		try {
			const a = await load(input[0]);
			const b = await load(input[1]);
			const diff = diffExecutions(a.runs, b.runs);
			const labels: [string, string] = [a.label, b.label];
			if (flags.json) {
				stdout.write(`${terminalSafeJson(diffJson(diff, labels), 2)}\n`);
			} else {
				const theme = pickTheme({color: options.display.color});
				const lines = diffLines(diff, {labels, width: options.display.width, ascii: options.display.ascii});
				stdout.write(`${lines.map(line => lineToAnsi(line, theme)).join('\n')}\n`);
			}

			return diff.same ? 0 : 1;
		} finally {
			session?.close();
		}
	},
});
