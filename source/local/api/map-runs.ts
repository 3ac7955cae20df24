import {AwsError, invalidArn} from '../aws-error.js';
import {compareText, keysetPage} from './cursor.js';
import {executionOf} from './lookups.js';
import {seconds, type ApiContext, type Operation} from './operation.js';

const mapRunPattern = /^arn:aws[\w-]*:states:[\d\-a-z]+:\d{12}:mapRun:[^:]+:[^:]+$/;

/** A map run (the runner's object or the store's record) by ARN: InvalidArn when malformed, ResourceNotFound when unknown. */
export function mapRunOf<T>(mapRuns: ReadonlyMap<string, T>, arn: unknown): T {
	if (typeof arn !== 'string' || !mapRunPattern.test(arn)) {
		throw invalidArn(arn);
	}

	const mapRun = mapRuns.get(arn);
	if (!mapRun) {
		throw new AwsError('ResourceNotFound', `Resource not found: '${arn}'`);
	}

	return mapRun;
}

/** ListMapRuns, DescribeMapRun, UpdateMapRun: the Distributed Map runs the engine keeps (engine/map-run.ts). */
export function mapRunOperations({store, runner}: ApiContext): Record<string, Operation> {
	return {
		ListMapRuns({body}) {
			const execution = executionOf(store, body.executionArn);
			// Newest first; runs started in the same millisecond by ARN, so a cursor is exact.
			const all = [...runner.mapRuns.values()]
				.map(mapRun => mapRun.record)
				.filter(record => record.executionArn === execution.arn)
				.toSorted((a, b) => b.startDate - a.startDate || compareText(a.mapRunArn, b.mapRunArn));
			const {items, nextToken} = keysetPage(all, body, {
				kind: 'map-runs',
				scope: execution.arn,
				cursorOf: record => ({d: record.startDate, a: record.mapRunArn}),
				isAfter: (record, cursor) => record.startDate < Number(cursor.d) || (record.startDate === Number(cursor.d) && record.mapRunArn > String(cursor.a)),
			});
			return {
				mapRuns: items.map(record => ({executionArn: record.executionArn, mapRunArn: record.mapRunArn, stateMachineArn: record.stateMachineArn, startDate: seconds(record.startDate), ...(record.stopDate !== undefined && {stopDate: seconds(record.stopDate)})})),
				...(nextToken && {nextToken}),
			};
		},
		DescribeMapRun({body}) {
			const mapRun = mapRunOf(runner.mapRuns, body.mapRunArn);
			const {record} = mapRun;
			return {
				mapRunArn: record.mapRunArn,
				executionArn: record.executionArn,
				status: record.status,
				startDate: seconds(record.startDate),
				...(record.stopDate !== undefined && {stopDate: seconds(record.stopDate)}),
				maxConcurrency: record.maxConcurrency,
				toleratedFailurePercentage: record.toleratedFailurePercentage,
				toleratedFailureCount: record.toleratedFailureCount,
				...mapRun.counts(),
				redriveCount: record.redriveCount,
				...(record.redriveDate !== undefined && {redriveDate: seconds(record.redriveDate)}),
			};
		},
		UpdateMapRun({body}) {
			const mapRun = mapRunOf(runner.mapRuns, body.mapRunArn);
			if (body.maxConcurrency === undefined && body.toleratedFailurePercentage === undefined && body.toleratedFailureCount === undefined) {
				throw new AwsError('ValidationException', 'At least one of the parameters maxConcurrency, toleratedFailurePercentage or toleratedFailureCount must be specified.');
			}

			mapRun.update({
				...(typeof body.maxConcurrency === 'number' && {maxConcurrency: body.maxConcurrency}),
				...(typeof body.toleratedFailurePercentage === 'number' && {toleratedFailurePercentage: body.toleratedFailurePercentage}),
				...(typeof body.toleratedFailureCount === 'number' && {toleratedFailureCount: body.toleratedFailureCount}),
			});
			return {};
		},
	};
}
