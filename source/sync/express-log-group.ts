import type {AwsApi} from '../aws/sfn.js';
import {logGroupNameOf} from '../model/arn.js';

/**
 * Where an Express machine's execution records are: the log group of its
 * logging configuration. Express executions have no history API, so without
 * one (or with level OFF) there is nothing to read: that fails like the API
 * does for Express machines (StateMachineTypeNotSupported), saying `why` it matters.
 */
export async function expressLogGroup(api: AwsApi, machineArn: string, why: string): Promise<{logGroup: string; machine: Awaited<ReturnType<AwsApi['describeStateMachine']>>}> {
	const machine = await api.describeStateMachine(machineArn);
	const groupArn = machine.loggingConfiguration?.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
	const logGroup = groupArn ? logGroupNameOf(groupArn) : undefined;
	if (!logGroup || machine.loggingConfiguration?.level === 'OFF') {
		throw Object.assign(new Error(`${machine.name ?? 'this Express machine'} ${why}`), {name: 'StateMachineTypeNotSupported'});
	}

	return {logGroup, machine};
}
