import {isExpressExecution} from '../arn.js';
import {redriveBlock, type RedriveBlock} from '../history/redrive-preview.js';
import type {ExecutionSummary} from '../types.js';

export type BulkAction = 'stop' | 'redrive';

/** Why an execution that matched is left alone. */
export type BulkSkipReason = 'express' | 'too-old' | 'redrive-limit' | 'not-redrivable-status' | 'not-running';

export type BulkPreview = {
	action: BulkAction;
	/** How many executions were asked for (matched the filter, or were selected). */
	matched: number;
	/** Those the action would be sent for. */
	actionable: ExecutionSummary[];
	skipped: Array<{execution: ExecutionSummary; reason: BulkSkipReason}>;
	/** Redrive: how many executions rerun from each state (the top-level state each stopped in), most first. */
	rerunFrom: Array<{state: string; count: number}>;
	/** Redrive: actionable executions whose stopping point was not read (beyond the sample, or unreadable). */
	rerunUnknown: number;
};

export type BulkResult = {
	action: BulkAction;
	acted: number;
	skipped: number;
	failed: Array<{arn: string; message: string}>;
};

const skipFor: Record<RedriveBlock, BulkSkipReason> = {
	express: 'express',
	'stopped-over-14-days-ago': 'too-old',
	'redriven-too-often': 'redrive-limit',
	'not-ended-unsuccessfully': 'not-redrivable-status',
};

/**
 * Which of the executions the action can be sent for, by AWS's rules: only
 * RUNNING Standard executions can be stopped; redrive is RedriveExecution's
 * rules (redriveBlock: Standard, FAILED/ABORTED/TIMED_OUT, stopped within 14
 * days, fewer than 1000 redrives).
 */
export function planBulk(action: BulkAction, executions: readonly ExecutionSummary[], options: {now: number; express?: boolean}): Pick<BulkPreview, 'action' | 'matched' | 'actionable' | 'skipped'> {
	const actionable: ExecutionSummary[] = [];
	const skipped: BulkPreview['skipped'] = [];
	for (const execution of executions) {
		const express = options.express === true || isExpressExecution(execution.arn);
		let reason: BulkSkipReason | undefined;
		if (action === 'stop') {
			reason = express ? 'express' : (execution.status === 'RUNNING' ? undefined : 'not-running');
		} else {
			const block = redriveBlock({status: execution.status, type: express ? 'EXPRESS' : 'STANDARD', ...(execution.stopDate !== undefined && {stopDate: execution.stopDate}), redriveCount: execution.redriveCount ?? 0}, options.now);
			reason = block && skipFor[block];
		}

		if (reason) {
			skipped.push({execution, reason});
		} else {
			actionable.push(execution);
		}
	}

	return {action, matched: executions.length, actionable, skipped};
}

/** Counts per state, most first (ties by name): the preview's "would rerun from" table. */
export function groupRerunPoints(points: Iterable<string | undefined>): {rerunFrom: BulkPreview['rerunFrom']; rerunUnknown: number} {
	const counts = new Map<string, number>();
	let rerunUnknown = 0;
	for (const point of points) {
		if (point === undefined) {
			rerunUnknown++;
		} else {
			counts.set(point, (counts.get(point) ?? 0) + 1);
		}
	}

	const rerunFrom = [...counts].map(([state, count]) => ({state, count})).toSorted((a, b) => b.count - a.count || a.state.localeCompare(b.state));
	return {rerunFrom, rerunUnknown};
}
