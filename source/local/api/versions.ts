import {parseMachineArn} from '../arns.js';
import {AwsError, invalidArn} from '../aws-error.js';
import type {Store} from '../store.js';
import type {StoredMachine, StoredVersion} from '../store-types.js';
import {keysetPage} from './cursor.js';
import {machineOf} from './lookups.js';
import {requireActive} from './machine-deletion.js';
import {seconds, type ApiContext, type Operation} from './operation.js';

/*
 * Versions as AWS keeps them (checked against LocalStack's recorded
 * test_sfn_api_versioning snapshots): numbered from 1 per machine, numbers
 * never reused after a delete; publishing a revision that already has a
 * version returns that version; listed newest first.
 */

/** Publishes the machine's current revision (or returns the version it already has). */
export function publishVersion(store: Store, machine: StoredMachine, description?: string): StoredVersion {
	const existing = [...store.versions.values()].find(version => version.machineArn === machine.arn && version.revisionId === machine.revisionId);
	if (existing) {
		return existing;
	}

	const number = machine.nextVersion ?? 1;
	store.putMachine({...machine, nextVersion: number + 1});
	const version: StoredVersion = {
		arn: `${machine.arn}:${number}`,
		machineArn: machine.arn,
		version: number,
		definition: machine.definition,
		roleArn: machine.roleArn,
		type: machine.type,
		...(machine.loggingConfiguration && {loggingConfiguration: machine.loggingConfiguration}),
		...(machine.revisionId && {revisionId: machine.revisionId}),
		...(description !== undefined && {description}),
		...(machine.variableReferences && {variableReferences: machine.variableReferences}),
		creationDate: Date.now(),
	};
	store.putVersion(version);
	return version;
}

/** PublishStateMachineVersion, ListStateMachineVersions, DeleteStateMachineVersion. */
export function versionOperations({store}: ApiContext): Record<string, Operation> {
	return {
		PublishStateMachineVersion({body}) {
			const machine = requireActive(machineOf(store, body.stateMachineArn));
			const revisionId = body.revisionId as string | undefined;
			if (revisionId !== undefined && revisionId !== machine.revisionId) {
				throw new AwsError('ConflictException', `Failed to publish the State Machine version for revision ${revisionId}. The current State Machine revision is ${machine.revisionId ?? 'INITIAL'}.`);
			}

			const version = publishVersion(store, machine, body.description as string | undefined);
			return {creationDate: seconds(version.creationDate), stateMachineVersionArn: version.arn};
		},
		ListStateMachineVersions({body}) {
			const machine = machineOf(store, body.stateMachineArn);
			const versions = [...store.versions.values()].filter(version => version.machineArn === machine.arn).toSorted((a, b) => b.version - a.version);
			const {items, nextToken} = keysetPage(versions, body, {
				kind: 'versions',
				scope: machine.arn,
				cursorOf: version => ({v: version.version}),
				isAfter: (version, cursor) => version.version < Number(cursor.v),
			});
			return {stateMachineVersions: items.map(version => ({stateMachineVersionArn: version.arn, creationDate: seconds(version.creationDate)})), ...(nextToken && {nextToken})};
		},
		DeleteStateMachineVersion({body}) {
			const arn = body.stateMachineVersionArn as string;
			if (parseMachineArn(arn).version === undefined) {
				throw invalidArn(arn);
			}

			const referencing = [...store.aliases.values()].filter(alias => alias.routingConfiguration.some(route => route.stateMachineVersionArn === arn));
			if (referencing.length > 0) {
				throw new AwsError('ConflictException', `Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [${referencing.map(alias => alias.name).join(', ')}]`);
			}

			// Deleting a version that is gone already succeeds (recorded: a second delete answers 200).
			if (store.versions.has(arn)) {
				store.deleteVersion(arn);
			}

			return {};
		},
	};
}
