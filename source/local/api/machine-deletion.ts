import {AwsError} from '../aws-error.js';
import type {ExecutionRunner} from '../execution-runner.js';
import type {Store} from '../store.js';
import type {StoredExecution, StoredMachine} from '../store-types.js';

/*
 * DeleteStateMachine as AWS does it: the machine is DELETING while any of its
 * executions runs (DescribeStateMachine shows it, ListExecutions still finds
 * them, StartExecution and the other changes are StateMachineDeleting) and
 * goes once the last one has ended — the engine ends running ones at their
 * next state transition (runner.deleteMachine). AWS's wording of StateMachineDeleting is
 * not recorded anywhere we could read; this follows its "State Machine Does
 * Not Exist: 'ARN'" style.
 */

/** A machine being deleted refuses new executions, updates, versions and aliases (botocore: StateMachineDeleting). */
export function requireActive(machine: StoredMachine): StoredMachine {
	if (machine.status === 'DELETING') {
		throw new AwsError('StateMachineDeleting', `State Machine is being deleted: '${machine.arn}'`);
	}

	return machine;
}

/** Running executions of a machine: its own (through any version or alias) and its Distributed Map children (`<arn>/<label>`). */
const runningOf = (store: Store, machineArn: string): StoredExecution[] => [...store.executions.values()].filter(execution => execution.status === 'RUNNING' && (execution.machineArn === machineArn || execution.machineArn.startsWith(`${machineArn}/`)));

/** Removes a DELETING machine once nothing of it runs; until then waits for what runs. */
async function removeWhenIdle(store: Store, runner: ExecutionRunner, machineArn: string): Promise<void> {
	for (let running = runningOf(store, machineArn); running.length > 0; running = runningOf(store, machineArn)) {
		await Promise.all(running.map(async execution => runner.finished(execution.arn)));
	}

	if (store.machines.get(machineArn)?.status === 'DELETING') {
		store.deleteMachine(machineArn);
	}
}

export function deleteMachine(store: Store, runner: ExecutionRunner, machine: StoredMachine): void {
	if (machine.status === 'DELETING') {
		return;
	}

	if (runningOf(store, machine.arn).length === 0) {
		store.deleteMachine(machine.arn);
		return;
	}

	store.putMachine({...machine, status: 'DELETING'});
	// The engine ends each running Standard execution at its next state transition (States.Runtime), as AWS does.
	void runner.deleteMachine(machine.arn).then(async () => removeWhenIdle(store, runner, machine.arn));
}

/** After a restart: machines left DELETING go once nothing of them runs (failInterrupted has ended what was running). */
export function finishDeletions(store: Store, runner: ExecutionRunner): void {
	for (const machine of store.machines.values()) {
		if (machine.status === 'DELETING') {
			void removeWhenIdle(store, runner, machine.arn);
		}
	}
}
