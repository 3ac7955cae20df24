import {requireExecutionArn, requireMachineArn} from '../arns.js';
import {AwsError, notFoundExecution, notFoundMachine} from '../aws-error.js';
import type {Store} from '../store.js';
import type {StoredExecution, StoredMachine} from '../store-types.js';

export function machineOf(store: Store, arn: unknown): StoredMachine {
	const machine = store.machines.get(requireMachineArn(arn));
	if (!machine) {
		throw notFoundMachine(String(arn));
	}

	return machine;
}

export function executionOf(store: Store, arn: unknown): StoredExecution {
	const execution = store.executions.get(requireExecutionArn(arn));
	if (!execution) {
		throw notFoundExecution(String(arn));
	}

	return execution;
}

/** Express executions have no history API on AWS. */
export function standardOnly(execution: StoredExecution, operation: string): void {
	if (execution.type === 'EXPRESS') {
		throw new AwsError('StateMachineTypeNotSupported', `${operation} is not supported by EXPRESS state machines; read their execution records in CloudWatch Logs`);
	}
}
