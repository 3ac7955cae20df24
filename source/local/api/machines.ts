import {isRecord} from '../../model/text/json-text.js';
import {machineArnOf, requireName, requireRoleArn} from '../arns.js';
import {AwsError} from '../aws-error.js';
import type {StoredMachine} from '../store-types.js';
import {definitionProblem, requireDefinition} from './definitions.js';
import {machineOf} from './lookups.js';
import {seconds, type ApiContext, type Operation} from './operation.js';
import {compareText, keysetPage} from './cursor.js';

/** CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines, DeleteStateMachine, ValidateStateMachineDefinition. */
export function machineOperations({store}: ApiContext): Record<string, Operation> {
	return {
		CreateStateMachine({region, body}) {
			const name = requireName(body.name);
			const roleArn = requireRoleArn(body.roleArn);
			const definition = requireDefinition(body.definition);
			const type = body.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
			const arn = machineArnOf(region, name);
			const existing = store.machines.get(arn);
			if (existing) {
				// AWS: idempotent on name, definition, type and logging; a different roleArn is ignored, not updated.
				if (existing.definition === definition && existing.type === type && JSON.stringify(existing.loggingConfiguration ?? null) === JSON.stringify(body.loggingConfiguration ?? null)) {
					return {stateMachineArn: arn, creationDate: seconds(existing.creationDate)};
				}

				throw new AwsError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
			}

			const machine: StoredMachine = {arn, name, definition, roleArn, type, creationDate: Date.now(), ...(isRecord(body.loggingConfiguration) && {loggingConfiguration: body.loggingConfiguration})};
			store.putMachine(machine);
			return {stateMachineArn: arn, creationDate: seconds(machine.creationDate)};
		},
		UpdateStateMachine({body}) {
			const machine = machineOf(store, body.stateMachineArn);
			const updated: StoredMachine = {
				...machine,
				...(body.definition !== undefined && {definition: requireDefinition(body.definition)}),
				...(body.roleArn !== undefined && {roleArn: requireRoleArn(body.roleArn)}),
				...(isRecord(body.loggingConfiguration) && {loggingConfiguration: body.loggingConfiguration}),
				updateDate: Date.now(),
			};
			store.putMachine(updated);
			return {updateDate: seconds(updated.updateDate)};
		},
		DescribeStateMachine({body}) {
			const machine = machineOf(store, body.stateMachineArn);
			return {stateMachineArn: machine.arn, name: machine.name, status: 'ACTIVE', definition: machine.definition, roleArn: machine.roleArn, type: machine.type, creationDate: seconds(machine.creationDate), loggingConfiguration: machine.loggingConfiguration ?? {level: 'OFF', includeExecutionData: false}};
		},
		ListStateMachines({body}) {
			const all = [...store.machines.values()].toSorted((a, b) => compareText(a.name, b.name));
			const {items, nextToken} = keysetPage(all, body, {
				kind: 'machines',
				scope: '',
				cursorOf: machine => ({n: machine.name}),
				isAfter: (machine, cursor) => machine.name > String(cursor.n),
			});
			return {stateMachines: items.map(machine => ({stateMachineArn: machine.arn, name: machine.name, type: machine.type, creationDate: seconds(machine.creationDate)})), ...(nextToken && {nextToken})};
		},
		DeleteStateMachine({body}) {
			const machine = machineOf(store, body.stateMachineArn);
			store.deleteMachine(machine.arn);
			return {};
		},
		ValidateStateMachineDefinition({body}) {
			const problem = definitionProblem(body.definition);
			if (!problem) {
				return {result: 'OK', diagnostics: [], truncated: false};
			}

			const [code, ...message] = problem.split(': ');
			return {result: 'FAIL', diagnostics: [{severity: 'ERROR', code, message: message.join(': ')}], truncated: false};
		},
	};
}
