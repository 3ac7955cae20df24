import {errorFacts} from '../aws/errors.js';
import type {AwsApi} from '../aws/sfn.js';
import {machineNameOf} from '../model/arn.js';
import {buildMachineGraph} from '../model/graph/asl-graph.js';
import {normaliseEvent} from '../model/history/history-event.js';
import {stoppedIn} from '../model/history/stopped-in.js';
import {groupRerunPoints, planBulk, type BulkAction, type BulkPreview, type BulkResult} from '../model/bulk/bulk-plan.js';
import {isRecord} from '../model/text/json-text.js';
import {sanitize} from '../model/text/sanitize.js';
import type {ExecutionStatus, ExecutionSummary, MachineGraph} from '../model/types.js';
import {UserError} from '../model/user-error.js';
import {summaryOfListItem} from './execution-summary.js';

export type ExecutionFilter = {
	status: ExecutionStatus;
	/** Epoch ms: only executions started at or after it. */
	startedAfter?: number;
	namePrefix?: string;
};

export type Progress = (done: number, total: number) => void;

/** How many histories a redrive preview reads to say where executions stopped (one small call each). */
export const rerunSampleSize = 200;

async function listPage(api: AwsApi, machineArn: string, status: ExecutionStatus, nextToken: string | undefined) {
	try {
		return await api.listExecutions(machineArn, {statusFilter: status, maxResults: 1000, ...(nextToken && {nextToken})});
	} catch (error: unknown) {
		// AWS's own words name the API call; what the user asked for is the point.
		if (errorFacts(error).name === 'StateMachineTypeNotSupported') {
			throw new UserError(`${sanitize(machineNameOf(machineArn))} is an Express state machine: Step Functions stops and redrives only Standard executions`, 'refused');
		}

		throw error;
	}
}

/**
 * A machine's executions with a status, newest first, through every page
 * ListExecutions has (1000 a page), stopping at the first one started before
 * `startedAfter` — the list is ordered by start date.
 */
export async function listMatching(api: AwsApi, machineArn: string, filter: ExecutionFilter, onProgress?: (listed: number) => void): Promise<ExecutionSummary[]> {
	const matched: ExecutionSummary[] = [];
	let nextToken: string | undefined;
	do {
		const page = await listPage(api, machineArn, filter.status, nextToken);
		for (const item of page.executions ?? []) {
			const execution = summaryOfListItem(item, machineArn);
			if (filter.startedAfter !== undefined && (execution.startDate ?? 0) < filter.startedAfter) {
				return matched;
			}

			if (!filter.namePrefix || execution.name.startsWith(filter.namePrefix)) {
				matched.push(execution);
			}
		}

		onProgress?.(matched.length);
		nextToken = page.nextToken;
	} while (nextToken);

	return matched;
}

async function machineFacts(api: AwsApi, machineArn: string): Promise<{express: boolean; graph?: MachineGraph}> {
	const machine = await api.describeStateMachine(machineArn);
	let graph: MachineGraph | undefined;
	try {
		const definition: unknown = JSON.parse(machine.definition ?? '');
		graph = isRecord(definition) ? buildMachineGraph(definition) : undefined;
	} catch {
		// Without the definition a nested state counts as itself.
	}

	return {express: machine.type === 'EXPRESS', ...(graph && {graph})};
}

/**
 * What a bulk action would do: which executions it can be sent for and why
 * not the others; for a redrive, where each of the first `rerunSampleSize`
 * redrivable ones stopped, from one reverse history page without payloads.
 */
export async function previewBulk(api: AwsApi, action: BulkAction, executions: readonly ExecutionSummary[], options: {now: number; onProgress?: Progress}): Promise<BulkPreview> {
	const machines = [...new Set(executions.map(execution => execution.machineArn))];
	const facts = new Map(await Promise.all(machines.map(async arn => [arn, await machineFacts(api, arn)] as const)));
	const plans = machines.map(arn => planBulk(action, executions.filter(execution => execution.machineArn === arn), {now: options.now, express: facts.get(arn)!.express}));
	const actionable = plans.flatMap(plan => plan.actionable);
	const skipped = plans.flatMap(plan => plan.skipped);
	if (action === 'stop') {
		return {action, matched: executions.length, actionable, skipped, rerunFrom: [], rerunUnknown: 0};
	}

	const sample = actionable.slice(0, rerunSampleSize);
	const points: Array<string | undefined> = [];
	for (const [index, execution] of sample.entries()) {
		options.onProgress?.(index, sample.length);
		try {
			const page = await api.getHistoryPage(execution.arn, {reverseOrder: true, maxResults: 100, includeExecutionData: false});
			const events = page.events.map((event, position) => normaliseEvent(event, -position)).filter(event => event !== undefined);
			points.push(stoppedIn(events, facts.get(execution.machineArn)?.graph));
		} catch {
			// An unreadable history does not stop the preview: that execution counts as "not read".
			points.push(undefined);
		}
	}

	const groups = groupRerunPoints([...points, ...Array.from({length: actionable.length - sample.length}, () => undefined)]);
	return {action, matched: executions.length, actionable, skipped, ...groups};
}

/**
 * Sends the action for every actionable execution, a few at a time; each call
 * waits for the shared rate limiter (so never above the account's quota). A
 * failure is counted with its one-line reason and the rest go on.
 */
export async function actOnAll(preview: BulkPreview, act: (arn: string) => Promise<void>, options: {concurrency?: number; onProgress?: Progress} = {}): Promise<BulkResult> {
	const targets = preview.actionable;
	const failed: BulkResult['failed'] = [];
	let next = 0;
	let done = 0;
	const worker = async () => {
		while (next < targets.length) {
			const {arn} = targets[next++];
			try {
				await act(arn);
			} catch (error: unknown) {
				failed.push({arn, message: error instanceof Error ? error.message : String(error)});
			}

			done++;
			options.onProgress?.(done, targets.length);
		}
	};

	await Promise.all(Array.from({length: Math.min(options.concurrency ?? 4, targets.length)}, worker));
	return {action: preview.action, acted: targets.length - failed.length, skipped: preview.skipped.length, failed};
}
