import type {AwsApi} from '../aws/sfn.js';
import {logGroupNameOf} from '../model/arn.js';

const howToLog = 'give it a logging configuration (level ALL, includeExecutionData, a log group), e.g. `aws stepfunctions update-state-machine --logging-configuration …`';

/**
 * Where an Express machine's execution records are: the log group of its
 * logging configuration. Express executions have no history API, so without
 * one (or with level OFF) there is nothing to read: that fails like the API
 * does for Express machines (StateMachineTypeNotSupported), in one line that
 * says what `cannot` be done and what to configure. Following an execution
 * needs level ALL (ERROR and FATAL log only the failures, so a run that
 * succeeds would never be seen to end); listing takes any level.
 */
export async function expressLogGroup(api: AwsApi, machineArn: string, cannot: string, needs: 'ALL' | 'any'): Promise<{logGroup: string; machine: Awaited<ReturnType<AwsApi['describeStateMachine']>>}> {
	const machine = await api.describeStateMachine(machineArn);
	const name = machine.name ?? 'this machine';
	const level = machine.loggingConfiguration?.level ?? 'OFF';
	const groupArn = machine.loggingConfiguration?.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
	const logGroup = groupArn ? logGroupNameOf(groupArn) : undefined;
	const refuse = (message: string) => Object.assign(new Error(message), {name: 'StateMachineTypeNotSupported'});
	if (!logGroup || level === 'OFF') {
		throw refuse(`${name} is an Express state machine without CloudWatch Logs logging, so ${cannot}; ${howToLog}`);
	}

	if (needs === 'ALL' && level !== 'ALL') {
		throw refuse(`${name} is an Express state machine that logs only ${level} events, so ${cannot}; set its logging level to ALL`);
	}

	return {logGroup, machine};
}
