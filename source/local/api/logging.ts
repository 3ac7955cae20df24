import {AwsError} from '../aws-error.js';
import type {Store} from '../store.js';
import type {LoggingConfiguration} from '../store-types.js';
import {defaultLogging} from './operation.js';

const invalidLogging = (reason: string) => new AwsError('InvalidLoggingConfiguration', `Invalid Logging Configuration: ${reason}`);
const logGroupArnPattern = /^arn:aws[\w-]*:logs:[^:]*:\d{12}:log-group:(?<name>[^:]+)(?::\*)?$/;

/**
 * A machine's loggingConfiguration as AWS checks and keeps it (recorded: LocalStack
 * v2/test_sfn_api_logs.snapshot.json): a level other than OFF needs exactly one
 * destination, never more than one, and each must name a log group that exists
 * (here: in serve's CloudWatch Logs). What is kept has AWS's defaults filled in
 * (level OFF, includeExecutionData false); `destinations` stays when given, even empty.
 */
export function checkedLogging(store: Store, given: LoggingConfiguration | undefined): LoggingConfiguration | undefined {
	if (given === undefined) {
		return undefined;
	}

	const level = given.level ?? 'OFF';
	const destinations = given.destinations ?? [];
	if (destinations.length > 1 || (level !== 'OFF' && destinations.length !== 1)) {
		throw invalidLogging('Must specify exactly one Log Destination.');
	}

	for (const destination of destinations) {
		const name = logGroupArnPattern.exec(destination.cloudWatchLogsLogGroup?.logGroupArn ?? '')?.groups?.name;
		if (name === undefined || !store.logGroups.has(name)) {
			throw invalidLogging('Log Destination not found.');
		}
	}

	return {level, includeExecutionData: given.includeExecutionData ?? false, ...(given.destinations && {destinations: given.destinations})};
}

/** Whether two machines' logging is the same, a missing one being AWS's default. */
export const sameLogging = (a: LoggingConfiguration | undefined, b: LoggingConfiguration | undefined) => JSON.stringify({...defaultLogging, ...a}) === JSON.stringify({...defaultLogging, ...b});
