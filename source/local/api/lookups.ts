import {parseMachineArn, requireExecutionArn, requireMachineArn} from '../arns.js';
import {AwsError, notFoundExecution, notFoundMachine} from '../aws-error.js';
import type {Store} from '../store.js';
import type {StoredAlias, StoredExecution, StoredMachine, StoredVersion} from '../store-types.js';

/** A state machine by its unqualified ARN. */
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

/** AWS's answer for an alias (or a version ARN given to an alias operation) that does not exist (recorded: UpdateStateMachineAlias). */
export const noSuchResource = () => new AwsError('ResourceNotFound', 'Request references a resource that does not exist.');

export function aliasOf(store: Store, arn: unknown): StoredAlias {
	const parsed = parseMachineArn(arn);
	const alias = parsed.alias === undefined ? undefined : store.aliases.get(String(arn));
	if (!alias) {
		throw noSuchResource();
	}

	return alias;
}

/** What a state machine ARN names: the machine itself, one of its versions, or an alias (and the version it routes to now). */
export type MachineTarget = {machine: StoredMachine; version?: StoredVersion; alias?: StoredAlias};

export function targetOf(store: Store, arn: unknown, pick: (alias: StoredAlias) => string = routeByWeight): MachineTarget {
	const parsed = parseMachineArn(arn);
	const machine = store.machines.get(parsed.machineArn);
	if (!machine) {
		throw notFoundMachine(String(arn));
	}

	if (parsed.version !== undefined) {
		const version = store.versions.get(String(arn));
		if (!version) {
			throw notFoundMachine(String(arn));
		}

		return {machine, version};
	}

	if (parsed.alias !== undefined) {
		const alias = store.aliases.get(String(arn));
		const version = alias && store.versions.get(pick(alias));
		if (!alias || !version) {
			throw notFoundMachine(String(arn));
		}

		return {machine, version, alias};
	}

	return {machine};
}

/** An alias sends each start to one of its (at most two) versions, at random in proportion to their weights. */
export function routeByWeight(alias: StoredAlias, roll = Math.random() * 100): string {
	let total = 0;
	for (const {stateMachineVersionArn, weight} of alias.routingConfiguration) {
		total += weight;
		if (roll < total) {
			return stateMachineVersionArn;
		}
	}

	return alias.routingConfiguration.at(-1)!.stateMachineVersionArn;
}

/** Express executions have no history API on AWS. */
export function standardOnly(execution: StoredExecution, operation: string): void {
	if (execution.type === 'EXPRESS') {
		throw new AwsError('StateMachineTypeNotSupported', `${operation} is not supported by EXPRESS state machines; read their execution records in CloudWatch Logs`);
	}
}
