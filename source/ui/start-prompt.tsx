import {useState} from 'react';
import {useInput} from 'ink';
import {executionNameOf} from '../model/arn.js';
import {sanitize} from '../model/text/sanitize.js';
import type {StyledLine} from '../model/types.js';
import {useDashboardState} from './dashboard-context.js';
import {fitBlock, titleLine} from './screen-lines.js';
import {StyledLines} from './styled-lines.js';
import {editField, emptyField, fieldSegments} from './text-field.js';

export const startPromptHeight = 4;

/** Why the text is not a JSON input for StartExecution, or undefined when it is. */
export function jsonInputProblem(text: string): string | undefined {
	try {
		JSON.parse(text);
		return undefined;
	} catch (error) {
		return `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
	}
}

/** `s`: asks for the JSON input, validates it before anything is sent, starts, opens the new execution. */
export function StartPrompt({machineArn, machineName, width, onClose}: {machineArn: string; machineName: string; width: number; onClose: (result?: {message: string; isError?: boolean; executionArn?: string}) => void}) {
	const {session, theme, ascii} = useDashboardState();
	const [field, setField] = useState(emptyField());
	const [problem, setProblem] = useState<string>();
	const [busy, setBusy] = useState(false);
	useInput((input, key) => {
		if (busy) {
			return;
		}

		if (key.escape) {
			onClose();
			return;
		}

		if (key.return) {
			const text = field.value.trim() || '{}';
			const invalid = jsonInputProblem(text);
			if (invalid) {
				setProblem(invalid);
				return;
			}

			setBusy(true);
			session.start(machineArn, text).then(
				executionArn => {
					onClose({message: `started ${sanitize(executionNameOf(executionArn))}`, executionArn});
				},
				(error: unknown) => {
					onClose({message: `start failed: ${sanitize(error instanceof Error ? error.message : String(error))}`, isError: true});
				},
			);
			return;
		}

		const next = editField(field, input, key);
		if (!next) {
			return;
		}

		setField(next);
		setProblem(undefined);
	});
	const lines: StyledLine[] = [
		titleLine(`Start an execution of ${sanitize(machineName)}`, width, {focused: true, ascii}),
		[{text: 'input JSON: ', role: 'heading'}, ...fieldSegments(field, !busy), ...(field.value ? [] : [{text: '  (empty: {})', role: 'muted' as const}])],
		problem ? [{text: problem, role: 'error'}] : [{text: busy ? 'starting…' : 'enter to start, esc to cancel', role: 'muted'}],
		[],
	];
	return <StyledLines lines={fitBlock(lines, width, startPromptHeight, ascii ? '~' : '…')} theme={theme}/>;
}
