import {parseMachineArn} from '../arns.js';
import {AwsError, validation} from '../aws-error.js';
import type {Store} from '../store.js';
import type {StoredExecution} from '../store-types.js';
import {compareText, keysetPage} from './cursor.js';
import {targetOf} from './lookups.js';
import {mapRunOf} from './map-runs.js';
import {seconds, type Request} from './operation.js';

/** What DescribeExecution, ListExecutions and StartSyncExecution say about the version and alias an execution ran under. */
export const versionFields = (execution: StoredExecution) => ({
	...(execution.stateMachineVersionArn && {stateMachineVersionArn: execution.stateMachineVersionArn}),
	...(execution.stateMachineAliasArn && {stateMachineAliasArn: execution.stateMachineAliasArn}),
});

/** Which executions a listing is over, and what each item adds (a map run's children carry mapRunArn and itemCount). */
type Listing = {members: (execution: StoredExecution) => boolean; extra: (execution: StoredExecution) => Record<string, unknown>};

/*
 * ListExecutions takes a state machine (or a version or alias of it) or a map
 * run, never both (API reference). AWS's exact texts for "both" and "neither"
 * are not recorded anywhere we could read; these say what to do.
 */
function listingOf(store: Store, body: Record<string, unknown>): Listing {
	if (body.stateMachineArn !== undefined && body.mapRunArn !== undefined) {
		throw validation('Specify either stateMachineArn or mapRunArn, not both');
	}

	if (body.stateMachineArn === undefined && body.mapRunArn === undefined) {
		throw validation('Must provide a StateMachine ARN or MapRun ARN');
	}

	if (body.mapRunArn !== undefined) {
		const run = mapRunOf(store.mapRuns, body.mapRunArn);
		const items = new Map(run.children.map(child => [child.executionArn, child.items]));
		return {
			members: execution => execution.mapRunArn === run.mapRunArn,
			extra: execution => ({mapRunArn: run.mapRunArn, itemCount: items.get(execution.arn) ?? 1}),
		};
	}

	if (body.statusFilter === 'PENDING_REDRIVE') {
		// API reference: PENDING_REDRIVE applies to a map run's children only.
		throw validation('statusFilter PENDING_REDRIVE is only supported with a mapRunArn');
	}

	// A version or alias ARN lists the executions started through it (AWS docs, ListExecutions).
	const qualified = parseMachineArn(body.stateMachineArn);
	const {machine} = targetOf(store, body.stateMachineArn, alias => alias.routingConfiguration[0].stateMachineVersionArn);
	if (machine.type === 'EXPRESS') {
		throw new AwsError('StateMachineTypeNotSupported', 'ListExecutions is not supported by EXPRESS state machines; read their execution records in CloudWatch Logs');
	}

	return {
		members: execution => execution.machineArn === machine.arn
			&& (qualified.version === undefined || execution.stateMachineVersionArn === body.stateMachineArn)
			&& (qualified.alias === undefined || execution.stateMachineAliasArn === body.stateMachineArn),
		extra: () => ({}),
	};
}

const redriveFilters: Record<string, (execution: StoredExecution) => boolean> = {
	REDRIVEN: execution => execution.redriveCount > 0,
	NOT_REDRIVEN: execution => execution.redriveCount === 0,
};

/** ListExecutions: newest first; executions started in the same millisecond by ARN, so the order is total and a cursor exact. */
export function listExecutions(store: Store, {body}: Request): Record<string, unknown> {
	const {members, extra} = listingOf(store, body);
	const statusFilter = typeof body.statusFilter === 'string' ? body.statusFilter : undefined;
	const redriveFilter = typeof body.redriveFilter === 'string' ? redriveFilters[body.redriveFilter] : undefined;
	const all = [...store.executions.values()]
		.filter(execution => members(execution) && (!statusFilter || execution.status === statusFilter) && (!redriveFilter || redriveFilter(execution)))
		.toSorted((a, b) => b.startDate - a.startDate || compareText(a.arn, b.arn));
	const {items, nextToken} = keysetPage(all, body, {
		kind: 'executions',
		scope: JSON.stringify([body.stateMachineArn, body.mapRunArn, statusFilter, body.redriveFilter]),
		cursorOf: execution => ({d: execution.startDate, a: execution.arn}),
		isAfter: (execution, cursor) => execution.startDate < Number(cursor.d) || (execution.startDate === Number(cursor.d) && execution.arn > String(cursor.a)),
	});
	return {
		executions: items.map(execution => ({
			executionArn: execution.arn,
			stateMachineArn: execution.machineArn,
			...versionFields(execution),
			name: execution.name,
			status: execution.status,
			startDate: seconds(execution.startDate),
			...(!(execution.stopDate === undefined || execution.status === 'RUNNING') && {stopDate: seconds(execution.stopDate)}),
			...extra(execution),
			redriveCount: execution.redriveCount,
			...(execution.redriveDate !== undefined && {redriveDate: seconds(execution.redriveDate)}),
		})),
		...(nextToken && {nextToken}),
	};
}
