import type {AwsApi} from '../aws/sfn.js';
import type {ExecutionStatus, ExecutionSummary} from '../model/types.js';
import {summaryOfListItem} from './execution-summary.js';

/** One ListExecutions item, in epoch ms. */
export type ListedExecution = ExecutionSummary;

/** ListExecutions takes up to 1000 per page (botocore: PageSize max 1000), so a wall of 1,000 is one call. */
export const listPageSize = 1000;

type Page = Awaited<ReturnType<AwsApi['listExecutions']>>;

export function listedExecutions(page: Page, machineArn: string): ListedExecution[] {
	return (page.executions ?? []).map(execution => summaryOfListItem(execution, machineArn));
}

/**
 * Pages through ListExecutions (newest first) while `more(lastPage)` says so and
 * AWS has another page, at most `maxPages` pages; resolves to every item read
 * (deduplicated by ARN: offset-style page tokens can repeat an item when
 * executions start between two pages) and whether a page limit cut it short.
 */
export async function pageExecutions(api: AwsApi, machineArn: string, options: {statusFilter?: ExecutionStatus; pageSize?: number; maxPages?: number; more?: (page: ListedExecution[]) => boolean}): Promise<{executions: ListedExecution[]; capped: boolean}> {
	const byArn = new Map<string, ListedExecution>();
	let nextToken: string | undefined;
	let pages = 0;
	do {
		const page = await api.listExecutions(machineArn, {...(options.statusFilter && {statusFilter: options.statusFilter}), maxResults: options.pageSize ?? listPageSize, ...(nextToken && {nextToken})});
		const items = listedExecutions(page, machineArn);
		for (const item of items) {
			byArn.set(item.arn, item);
		}

		nextToken = page.nextToken;
		pages++;
		if (options.more && !options.more(items)) {
			return {executions: [...byArn.values()], capped: false};
		}
	} while (nextToken && pages < (options.maxPages ?? Infinity));

	return {executions: [...byArn.values()], capped: nextToken !== undefined};
}
