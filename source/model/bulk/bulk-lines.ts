import {sanitize} from '../text/sanitize.js';
import type {StyledLine} from '../types.js';
import type {BulkAction, BulkPreview, BulkResult, BulkSkipReason} from './bulk-plan.js';

const reasonWords: Record<BulkSkipReason, string> = {
	express: 'Express (AWS cannot stop or redrive those)',
	'too-old': 'stopped more than 14 days ago (too old to redrive)',
	'redrive-limit': 'redriven 1000 times already (the limit)',
	'not-redrivable-status': 'not FAILED, ABORTED or TIMED_OUT',
	'not-running': 'no longer running',
};

export const actionVerbs: Record<BulkAction, {can: string; done: string; doing: string}> = {
	stop: {can: 'can be stopped', done: 'stopped', doing: 'stopping'},
	redrive: {can: 'can be redriven', done: 'redriven', doing: 'redriving'},
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The preview of a bulk stop or redrive, shown before anything is sent (the
 * command and the dashboard show the same lines): how many can be acted on,
 * why the rest cannot, and for a redrive where the executions stopped — the
 * state each one's redrive reruns from — grouped by count.
 */
export function bulkPreviewLines(preview: BulkPreview): StyledLine[] {
	const verbs = actionVerbs[preview.action];
	const lines: StyledLine[] = [[{text: `  ${preview.actionable.length} of ${plural(preview.matched, 'execution')} ${verbs.can}`, role: preview.actionable.length > 0 ? 'success' : 'warning'}]];
	const reasons = new Map<BulkSkipReason, number>();
	for (const {reason} of preview.skipped) {
		reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
	}

	for (const [reason, count] of reasons) {
		lines.push([{text: `  ${count} cannot: ${reasonWords[reason]}`, role: 'warning'}]);
	}

	if (preview.action === 'redrive' && preview.actionable.length > 0) {
		lines.push([{text: '  a redrive reruns from the state each one stopped in:', role: 'muted'}]);
		const width = String(Math.max(preview.rerunUnknown, ...preview.rerunFrom.map(group => group.count))).length;
		for (const group of preview.rerunFrom) {
			lines.push([{text: `    ${String(group.count).padStart(width)}  `}, {text: sanitize(group.state), role: 'heading'}]);
		}

		if (preview.rerunUnknown > 0) {
			lines.push([{text: `    ${String(preview.rerunUnknown).padStart(width)}  (not read)`, role: 'muted'}]);
		}
	}

	return lines;
}

/** The last line: acted, skipped, failed — and the first failure's reason. */
export function bulkSummary(result: BulkResult): string {
	const first = result.failed[0];
	return `${actionVerbs[result.action].done} ${result.acted}, skipped ${result.skipped}, failed ${result.failed.length}${first ? ` (first: ${sanitize(first.message)})` : ''}`;
}
