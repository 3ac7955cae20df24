import {qualifierLabel} from '../model/arn.js';
import type {ExecutionSummary, MachineQualifiers} from '../model/types.js';

export type VersionChoice = {arn: string; label: string};

/**
 * What `v` cycles through in a machine's executions: all, then each alias
 * (by name), then each version (newest first). Known from the executions on
 * screen at once (no call), and from ListStateMachineAliases/Versions once
 * those have been read.
 */
export function versionChoices(executions: readonly ExecutionSummary[], qualifiers: MachineQualifiers | undefined): VersionChoice[] {
	const aliases = new Set<string>(qualifiers?.aliases.map(alias => alias.arn));
	const versions = new Set<string>(qualifiers?.versions.map(version => version.arn));
	for (const execution of executions) {
		if (execution.aliasArn) {
			aliases.add(execution.aliasArn);
		}

		if (execution.versionArn) {
			versions.add(execution.versionArn);
		}
	}

	const number = (arn: string) => Number(qualifierLabel(arn).slice(1));
	return [
		...[...aliases].toSorted((a, b) => qualifierLabel(a).localeCompare(qualifierLabel(b))).map(arn => ({arn, label: qualifierLabel(arn)})),
		...[...versions].toSorted((a, b) => number(b) - number(a)).map(arn => ({arn, label: qualifierLabel(arn)})),
	];
}

/** The next filter after `current` (undefined = all executions). */
export function nextVersionFilter(choices: readonly VersionChoice[], current: string | undefined): string | undefined {
	const index = current === undefined ? -1 : choices.findIndex(choice => choice.arn === current);
	return choices[index + 1]?.arn;
}
