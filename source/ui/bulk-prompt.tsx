import {useEffect, useState} from 'react';
import {useInput} from 'ink';
import {actionVerbs, bulkPreviewLines, bulkSummary} from '../model/bulk/bulk-lines.js';
import type {BulkAction, BulkPreview} from '../model/bulk/bulk-plan.js';
import {sanitize} from '../model/text/sanitize.js';
import type {ExecutionSummary, StyledLine} from '../model/types.js';
import {useDashboardActions, useDashboardState} from './dashboard-context.js';
import {fitBlock, titleLine} from './screen-lines.js';
import {StyledLines} from './styled-lines.js';

export const bulkPromptHeight = 10;

const errorText = (error: unknown) => sanitize(error instanceof Error ? error.message : String(error));

/**
 * `x` or `R` on a selection (space selects rows): the same preview as
 * `sfntop stop|redrive MACHINE --status`, then y to act on all of them through
 * the shared rate limiter, with progress; the summary goes to the status line.
 */
export function BulkPrompt({action, executions, width, onClose}: {action: BulkAction; executions: readonly ExecutionSummary[]; width: number; onClose: (result?: {message: string; isError?: boolean}) => void}) {
	const {session, theme, ascii} = useDashboardState();
	const actions = useDashboardActions();
	const [preview, setPreview] = useState<BulkPreview>();
	const [problem, setProblem] = useState<string>();
	const [progress, setProgress] = useState<string>();
	const [busy, setBusy] = useState(false);
	const verbs = actionVerbs[action];
	useEffect(() => {
		let live = true;
		session.bulkPreview(action, executions, (done, total) => {
			if (live) {
				setProgress(`reading where they stopped ${done}/${total}…`);
			}
		}).then(
			result => {
				if (live) {
					setPreview(result);
					setProgress(undefined);
				}
			},
			(error: unknown) => {
				if (live) {
					setProblem(errorText(error));
				}
			},
		);
		return () => {
			live = false;
		};
	}, [session, action, executions]);
	useInput((input, key) => {
		if (busy) {
			return;
		}

		if (key.escape || input === 'n' || problem !== undefined || preview?.actionable.length === 0) {
			onClose();
			return;
		}

		if (!(preview && (key.return || input === 'y'))) {
			return;
		}

		setBusy(true);
		session.bulkAct(preview, {
			onProgress(done, total) {
				setProgress(`${verbs.doing} ${done}/${total}…`);
			},
		}).then(
			result => {
				actions.update({selection: []});
				onClose({message: bulkSummary(result), isError: result.failed.length > 0});
			},
			(error: unknown) => {
				onClose({message: `${action} failed: ${errorText(error)}`, isError: true});
			},
		);
	});

	const count = executions.length;
	const lines: StyledLine[] = [titleLine(`${action === 'stop' ? 'Stop' : 'Redrive'} ${count} selected execution${count === 1 ? '' : 's'}?`, width, {focused: true, ascii})];
	if (problem) {
		lines.push([{text: `cannot preview: ${problem}`, role: 'error'}], [{text: 'press any key', role: 'muted'}]);
	} else if (preview) {
		const question = preview.actionable.length === 0 ? 'nothing to do; press any key' : `y or enter to ${action} ${preview.actionable.length}, esc to cancel`;
		lines.push(...bulkPreviewLines(preview).slice(0, bulkPromptHeight - 3), [{text: busy ? progress ?? `${verbs.doing}…` : question, role: 'muted'}]);
	} else {
		lines.push([{text: progress ?? 'reading what it would do…', role: 'muted'}]);
	}

	return <StyledLines lines={fitBlock(lines, width, bulkPromptHeight, ascii ? '~' : '…')} theme={theme}/>;
}
