import type {AwsApi} from '../aws/sfn.js';

/**
 * The wall reads ListExecutions and GetExecutionHistory, which AWS refuses for
 * Express machines (StateMachineTypeNotSupported): one DescribeStateMachine
 * says which it is, and an Express machine gets one line saying where its
 * executions are instead (sync/machine-executions.ts reads them from its log
 * records for the executions list and `ls`). A wall of Express executions
 * from log records would cost a log read per row per tick, for executions
 * that last five minutes at most: not what the wall is for.
 */
export async function standardOnly(api: AwsApi, machineArn: string, elsewhere: ExpressElsewhere): Promise<void> {
	const machine = await api.describeStateMachine(machineArn);
	if (machine.type === 'EXPRESS') {
		const name = machine.name ?? machineArn;
		throw Object.assign(new Error(`${name} is an Express machine: the running wall is for Standard machines; ${elsewhere(name)}`), {name: 'StateMachineTypeNotSupported'});
	}
}

/** Where an Express machine's executions are instead, said where the user is (short: the dashboard's status line is one terminal line). */
export type ExpressElsewhere = (name: string) => string;

export const inTheDashboard: ExpressElsewhere = () => 'its executions list reads them from its logs';
export const onTheCommandLine: ExpressElsewhere = name => `AWS has no ListExecutions or execution history for Express; \`sfntop ls ${name} --status RUNNING\` lists its executions from its CloudWatch Logs records`;
