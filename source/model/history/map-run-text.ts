import {iterationBadge} from '../text/status-style.js';
import type {MapRunCounts, MapRunDescription, StyledLine} from '../types.js';

/*
 * A Distributed Map run in words and bars, from DescribeMapRun's item counts
 * (items, not child executions: with ItemBatcher one child runs many items).
 * Shared by the dashboard's Map Run panel and graph badge, and `sfntop tail`.
 */

const failedOf = (counts: MapRunCounts) => counts.failed + counts.timedOut;
const finishedOf = (counts: MapRunCounts) => counts.succeeded + failedOf(counts) + counts.aborted;

/** The graph badge: `812/1000 ✗3 ▶20`. */
export function mapRunBadge(run: MapRunDescription, ascii: boolean): string {
	const counts = run.itemCounts;
	return iterationBadge({total: counts.total, succeeded: counts.succeeded, failed: failedOf(counts), running: counts.running, aborted: counts.aborted}, ascii);
}

/** `812/1000 succeeded, 3 failed, 20 running, 165 pending, 0 aborted` (timed out counts as failed, as AWS tolerates them). */
export function mapRunProgressText(run: MapRunDescription): string {
	const counts = run.itemCounts;
	return `${counts.succeeded}/${counts.total} succeeded, ${failedOf(counts)} failed, ${counts.running} running, ${counts.pending} pending, ${counts.aborted} aborted`;
}

/** `[██████░░░░]`: done items (succeeded, failed, aborted) of the total. */
export function progressBar(counts: MapRunCounts, cells: number, ascii: boolean): string {
	const done = finishedOf(counts);
	const filled = counts.total > 0 ? Math.min(cells, Math.floor((done / counts.total) * cells)) : 0;
	return `${(ascii ? '#' : '█').repeat(filled)}${(ascii ? '.' : '░').repeat(cells - filled)}`;
}

/** How many failures the run may still take before it fails: AWS fails it when either limit is exceeded. */
export function toleranceText(run: MapRunDescription): string {
	const counts = run.itemCounts;
	const failed = failedOf(counts);
	const percent = counts.total > 0 ? (failed / counts.total) * 100 : 0;
	const limits: string[] = [];
	if (run.toleratedFailurePercentage > 0) {
		limits.push(`${formatPercent(run.toleratedFailurePercentage)} %`);
	}

	if (run.toleratedFailureCount > 0) {
		limits.push(`${run.toleratedFailureCount} items`);
	}

	const tolerance = limits.length > 0 ? `tolerated ${limits.join(' or ')}` : 'no failure tolerated';
	return `${failed} failed of ${counts.total} (${formatPercent(percent)} %), ${tolerance}`;
}

function formatPercent(value: number): string {
	return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The Map Run panel's lines: progress bar and counts, failures against tolerance, concurrency. */
export function mapRunPanelLines(run: MapRunDescription, width: number, ascii: boolean): StyledLine[] {
	const counts = run.itemCounts;
	const label = (text: string) => ({text: text.padEnd(9), role: 'muted' as const});
	// The bar counts finished items, so its number does too (a full bar beside `38/40` read as stuck).
	const summary = ` ${finishedOf(counts)}/${counts.total} finished`;
	const bar = progressBar(counts, Math.max(4, Math.min(30, width - 9 - summary.length - 1)), ascii);
	const failed = failedOf(counts);
	return [
		[label('progress'), {text: bar, role: run.status === 'FAILED' ? 'error' : (run.status === 'SUCCEEDED' ? 'success' : 'status.RUNNING')}, {text: summary}],
		[label('items'), {text: `${counts.running} running   ${counts.pending} pending   ${counts.succeeded} succeeded   `}, {text: `${failed} failed`, role: failed > 0 ? 'error' : 'muted'}, {text: `   ${counts.aborted} aborted`, role: 'muted'}],
		[label('failures'), {text: toleranceText(run), role: failed > 0 ? 'warning' : 'muted'}],
		[label('children'), {text: `${run.executionCounts.total} executions, at most ${run.maxConcurrency || 'unlimited'} at once${run.redriveCount ? `, redriven ${run.redriveCount}` : ''}`, role: 'muted'}],
	];
}
