import {useState} from 'react';
import {useInput} from 'ink';
import {executionNameOf} from '../model/arn.js';
import {sanitize} from '../model/text/sanitize.js';
import type {StyledLine} from '../model/types.js';
import {useDashboardState} from './dashboard-context.js';
import {fitBlock, titleLine} from './screen-lines.js';
import {StyledLines} from './styled-lines.js';
import {editField, emptyField, fieldSegments, type TextField} from './text-field.js';

export const stopPromptHeight = 5;

/** `x`: confirm stopping, with an optional error and cause (tab moves between them). */
export function StopPrompt({executionArn, width, onClose}: {executionArn: string; width: number; onClose: (result?: {message: string; isError?: boolean}) => void}) {
	const {session, theme, ascii} = useDashboardState();
	const [fields, setFields] = useState<[TextField, TextField]>([emptyField(), emptyField()]);
	const [focus, setFocus] = useState(0);
	const [busy, setBusy] = useState(false);
	const name = sanitize(executionNameOf(executionArn));
	useInput((input, key) => {
		if (busy) {
			return;
		}

		if (key.escape) {
			onClose();
			return;
		}

		if (key.tab || key.upArrow || key.downArrow) {
			setFocus(focus === 0 ? 1 : 0);
			return;
		}

		if (key.return) {
			setBusy(true);
			const [error, cause] = fields.map(field => field.value.trim() || undefined);
			session.stop(executionArn, error, cause).then(
				() => {
					onClose({message: `stopped ${name}`});
				},
				(error_: unknown) => {
					onClose({message: `stop failed: ${sanitize(error_ instanceof Error ? error_.message : String(error_))}`, isError: true});
				},
			);
			return;
		}

		const next = editField(fields[focus], input, key);
		if (next) {
			setFields(focus === 0 ? [next, fields[1]] : [fields[0], next]);
		}
	});
	const lines: StyledLine[] = [
		titleLine(`Stop ${name}?`, width, {focused: true, ascii}),
		[{text: 'error (optional): ', role: 'heading'}, ...fieldSegments(fields[0], focus === 0 && !busy)],
		[{text: 'cause (optional): ', role: 'heading'}, ...fieldSegments(fields[1], focus === 1 && !busy)],
		[{text: busy ? 'stopping…' : 'enter to stop the execution, tab next field, esc to cancel', role: busy ? 'muted' : 'warning'}],
		[],
	];
	return <StyledLines lines={fitBlock(lines, width, stopPromptHeight, ascii ? '~' : '…')} theme={theme}/>;
}
