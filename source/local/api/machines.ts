import {randomUUID} from 'node:crypto';
import {machineArnOf, parseMachineArn, requireName, requireRoleArn} from '../arns.js';
import {AwsError, invalidArn} from '../aws-error.js';
import type {Store} from '../store.js';
import type {LoggingConfiguration, StoredMachine} from '../store-types.js';
import {compareText, keysetPage} from './cursor.js';
import {checkDefinition, validationReport, type CheckedDefinition} from './definitions.js';
import {checkedLogging, sameLogging} from './logging.js';
import {machineOf, targetOf} from './lookups.js';
import {deleteMachine, requireActive} from './machine-deletion.js';
import {defaultLogging, seconds, type ApiContext, type Operation} from './operation.js';
import {publishVersion} from './versions.js';

/** AWS refuses a version description without `publish` (recorded, test_create_with_version_description_no_publish). */
function requirePublishForDescription(body: Record<string, unknown>): void {
	if (body.versionDescription !== undefined && body.publish !== true) {
		throw new AwsError('ValidationException', 'Version description can only be set when publish is true');
	}
}

function remember(store: Store, checked: CheckedDefinition): string {
	return store.rememberDefinition(checked.text, checked.definition);
}

const variableReferencesOf = (checked: CheckedDefinition) => (Object.keys(checked.variableReferences).length > 0 ? {variableReferences: checked.variableReferences} : {});

/** CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines, DeleteStateMachine, ValidateStateMachineDefinition. */
export function machineOperations({store, runner}: ApiContext): Record<string, Operation> {
	return {
		async CreateStateMachine({region, body}) {
			const name = requireName(body.name);
			const roleArn = requireRoleArn(body.roleArn);
			requirePublishForDescription(body);
			const type = body.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
			const checked = await checkDefinition(body.definition as string, type);
			const arn = machineArnOf(region, name);
			const loggingConfiguration = checkedLogging(store, body.loggingConfiguration as LoggingConfiguration | undefined);
			const existing = store.machines.get(arn);
			if (existing) {
				requireActive(existing);
				// AWS: idempotent on name, definition, type and logging; a different roleArn is ignored, not updated.
				if (existing.definition !== checked.text || existing.type !== type || !sameLogging(existing.loggingConfiguration, loggingConfiguration)) {
					throw new AwsError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
				}

				const published = body.publish === true ? publishVersion(store, existing, body.versionDescription as string | undefined) : undefined;
				return {stateMachineArn: arn, creationDate: seconds(existing.creationDate), ...(published && {stateMachineVersionArn: published.arn})};
			}

			const machine: StoredMachine = {arn, name, definition: remember(store, checked), roleArn, type, creationDate: Date.now(), ...(loggingConfiguration && {loggingConfiguration}), ...variableReferencesOf(checked)};
			store.putMachine(machine);
			const published = body.publish === true ? publishVersion(store, machine, body.versionDescription as string | undefined) : undefined;
			return {stateMachineArn: arn, creationDate: seconds(machine.creationDate), ...(published && {stateMachineVersionArn: published.arn})};
		},
		async UpdateStateMachine({body}) {
			const machine = requireActive(machineOf(store, body.stateMachineArn));
			if (body.definition === undefined && body.roleArn === undefined && body.loggingConfiguration === undefined && body.tracingConfiguration === undefined) {
				throw new AwsError('MissingRequiredParameter', 'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified');
			}

			requirePublishForDescription(body);
			const roleArn = body.roleArn === undefined ? machine.roleArn : requireRoleArn(body.roleArn);
			const checked = body.definition === undefined ? undefined : await checkDefinition(body.definition as string, machine.type);
			const definition = checked ? remember(store, checked) : machine.definition;
			const loggingConfiguration = checkedLogging(store, body.loggingConfiguration as LoggingConfiguration | undefined) ?? machine.loggingConfiguration;
			// A new revision only when something changed (recorded: an update with the same definition keeps the revision, and publishing it again returns the same version).
			const changed = definition !== machine.definition || roleArn !== machine.roleArn || !sameLogging(loggingConfiguration, machine.loggingConfiguration);
			const updated: StoredMachine = {
				...machine,
				definition,
				roleArn,
				...(loggingConfiguration && {loggingConfiguration}),
				...(checked && {variableReferences: checked.variableReferences}),
				updateDate: Date.now(),
				...(changed && {revisionId: randomUUID()}),
			};
			store.putMachine(updated);
			const published = body.publish === true ? publishVersion(store, updated, body.versionDescription as string | undefined) : undefined;
			return {updateDate: seconds(updated.updateDate), ...(updated.revisionId && {revisionId: updated.revisionId}), ...(published && {stateMachineVersionArn: published.arn})};
		},
		DescribeStateMachine({body}) {
			if (parseMachineArn(body.stateMachineArn).alias !== undefined) {
				throw invalidArn(body.stateMachineArn);
			}

			const {machine, version} = targetOf(store, body.stateMachineArn);
			const source = version ?? machine;
			const references = source.variableReferences && Object.keys(source.variableReferences).length > 0 ? {variableReferences: source.variableReferences} : {};
			return {
				stateMachineArn: source.arn,
				name: machine.name,
				status: machine.status ?? 'ACTIVE',
				definition: source.definition,
				roleArn: source.roleArn,
				type: source.type,
				creationDate: seconds(source.creationDate),
				loggingConfiguration: source.loggingConfiguration ?? defaultLogging,
				tracingConfiguration: {enabled: false},
				...(source.revisionId && {revisionId: source.revisionId}),
				...(version?.description !== undefined && {description: version.description}),
				...references,
			};
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
			deleteMachine(store, runner, machineOf(store, body.stateMachineArn));
			return {};
		},
		async ValidateStateMachineDefinition({body}) {
			return validationReport(body);
		},
	};
}
