import type {AwsApi} from '../aws/sfn.js';
import {executionArnFor, parseTarget, qualifiedMachineArn, regionOfArn} from '../model/arn.js';
import {UserError} from '../model/user-error.js';
import {machineExecutions} from './machine-executions.js';

/** Resolves names, ARNs and MACHINE/latest (see model/arn.ts) to ARNs. */
export async function resolveTarget(api: AwsApi, text: string): Promise<{kind: 'machine'; arn: string} | {kind: 'execution'; arn: string}> {
	const target = parseTarget(text);
	const arnRegion = target.kind === 'machine-arn' || target.kind === 'execution-arn' ? regionOfArn(target.arn) : undefined;
	if (arnRegion && arnRegion !== api.clients.region) {
		throw new UserError(`${text} is in region ${arnRegion}, but sfntop is using ${api.clients.region}; pass --region ${arnRegion}`);
	}

	switch (target.kind) {
		case 'machine-arn': {
			return {kind: 'machine', arn: target.arn};
		}

		case 'execution-arn': {
			return {kind: 'execution', arn: target.arn};
		}

		default: {
			const machineName = target.kind === 'machine-name' ? target.name : target.machine;
			let machines;
			try {
				machines = await api.listStateMachines();
			} catch (error: unknown) {
				throw api.describe(error, 'ListStateMachines');
			}

			const machine = machines.find(candidate => candidate.name === machineName);
			if (!machine?.stateMachineArn) {
				throw new UserError(`no state machine named ${machineName} in ${api.clients.region}; \`sfntop ls\` lists them`, 'notFound');
			}

			if (target.kind === 'machine-name') {
				return {kind: 'machine', arn: target.qualifier ? qualifiedMachineArn(machine.stateMachineArn, target.qualifier) : machine.stateMachineArn};
			}

			const express = machine.type === 'EXPRESS';
			if (target.kind === 'execution-name' && !express) {
				return {kind: 'execution', arn: executionArnFor(machine.stateMachineArn, target.name)};
			}

			// Express execution ARNs end in an id nobody types: MACHINE/NAME is found in the records, like MACHINE/latest.
			const wanted = target.kind === 'latest' ? target.status : undefined;
			let executions;
			try {
				executions = await machineExecutions(api, machine.stateMachineArn, machine.type)(wanted, target.kind === 'latest' ? 1 : Infinity);
			} catch (error: unknown) {
				throw api.describe(error, express ? 'FilterLogEvents' : 'ListExecutions');
			}

			const found = target.kind === 'latest' ? executions[0] : executions.find(execution => execution.name === target.name);
			if (found) {
				return {kind: 'execution', arn: found.arn};
			}

			const inRecords = express ? ' in the last day of its execution records' : '';
			if (target.kind === 'execution-name') {
				throw new UserError(`${machineName} has no execution named ${target.name}${inRecords}; \`sfntop ls ${machineName}\` lists its executions`, 'notFound');
			}

			throw new UserError(wanted ? `${machineName} has no ${wanted} executions${inRecords}; \`sfntop ls ${machineName}\` lists its executions` : `${machineName} has no executions${express ? inRecords : ' yet'}; start one with \`sfntop start ${machineName}\``, 'notFound');
		}
	}
}
