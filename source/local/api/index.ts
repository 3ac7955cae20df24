import {aliasOperations} from './aliases.js';
import {executionOperations} from './executions.js';
import {historyOperations} from './history.js';
import {machineOperations} from './machines.js';
import {mapRunOperations} from './map-runs.js';
import {operationTable, type ApiContext, type OperationTable} from './operation.js';
import {redriveOperations} from './redrive.js';
import {versionOperations} from './versions.js';

export type {ApiContext, Operation, OperationTable, Request} from './operation.js';

/**
 * Every Step Functions operation sfntop serve answers, one group per module.
 * A new group (map runs: the engine's `map-runs.ts`) is one more argument here.
 */
export function sfnOperations(context: ApiContext): OperationTable {
	return operationTable(
		machineOperations(context),
		executionOperations(context),
		historyOperations(context),
		redriveOperations(context),
		versionOperations(context),
		aliasOperations(context),
		mapRunOperations(context),
	);
}
