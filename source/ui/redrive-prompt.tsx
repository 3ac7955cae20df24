import {useEffect, useState} from 'react';
import {useInput} from 'ink';
import {executionNameOf} from '../model/arn.js';
import {sanitize} from '../model/text/sanitize.js';
import {type StyledLine, type RedrivePreview} from '../model/types.js';
import {useDashboardState} from './dashboard-context.js';
import {fitBlock, titleLine} from './screen-lines.js';
import {StyledLines} from './styled-lines.js';

export const redrivePromptHeight = 5;

/** `R`: shows what a redrive would rerun and keep, then asks. */
export function RedrivePrompt({executionArn, width, onClose}: {executionArn: string; width: number; onClose: (result?: {message: string; isError?: boolean}) => void}) {
	const {session, theme, ascii} = useDashboardState();
	const [preview, setPreview] = useState<RedrivePreview>();
	const [problem, setProblem] = useState<string>();
	const [busy, setBusy] = useState(false);
	const name = sanitize(executionNameOf(executionArn));
	useEffect(() => {
		let live = true;
		session.redrivePreview(executionArn).then(
			result => {
				if (live) {
					setPreview(result);
				}
			},
			(error: unknown) => {
				if (live) {
					setProblem(sanitize(error instanceof Error ? error.message : String(error)));
				}
			},
		);
		return () => {
			live = false;
		};
	}, [session, executionArn]);
	useInput((input, key) => {
		if (busy) {
			return;
		}

		if (key.escape || input === 'n' || Boolean(problem) || preview?.redrivable === false) {
			onClose();
			return;
		}

		if (!(preview && (key.return || input === 'y'))) {
			return;
		}

		setBusy(true);
		session.redrive(executionArn).then(
			() => {
				onClose({message: `redriving ${name}`});
			},
			(error: unknown) => {
				onClose({message: `redrive failed: ${sanitize(error instanceof Error ? error.message : String(error))}`, isError: true});
			},
		);
	});
	const lines: StyledLine[] = [titleLine(`Redrive ${name}?`, width, {focused: true, ascii})];
	if (problem) {
		lines.push([{text: `cannot preview the redrive: ${problem}`, role: 'error'}], [{text: 'press any key', role: 'muted'}]);
	} else if (!preview) {
		lines.push([{text: 'reading what a redrive would do…', role: 'muted'}]);
	} else if (preview.redrivable) {
		lines.push(
			[{text: 'reruns: ', role: 'heading'}, {text: preview.rerun.map(state => sanitize(state)).join(', ') || '-', role: 'warning'}],
			[{text: 'keeps:  ', role: 'heading'}, {text: preview.keep.map(state => sanitize(state)).join(', ') || '-', role: 'success'}],
			[{text: busy ? 'redriving…' : 'y or enter to redrive, esc to cancel', role: 'muted'}],
		);
	} else {
		lines.push([{text: `not redrivable: ${sanitize(preview.reason ?? 'no reason given')}`, role: 'error'}], [{text: 'press any key', role: 'muted'}]);
	}

	return <StyledLines lines={fitBlock(lines, width, redrivePromptHeight, ascii ? '~' : '…')} theme={theme}/>;
}
