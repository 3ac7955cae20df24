import type {ExecutionRunner} from '../execution-runner.js';
import type {Store} from '../store.js';

export type Request = {region: string; body: Record<string, unknown>};
export type Operation = (request: Request) => Promise<unknown> | unknown;
/** One service's operations by name. A Map, so a name like `constructor` or `__proto__` finds nothing (issue 12 item 7). */
export type OperationTable = ReadonlyMap<string, Operation>;
/** What every operation group is built from. */
export type ApiContext = {store: Store; runner: ExecutionRunner};

/** Builds a table from operation groups (their own enumerable properties only); a name in two groups is a bug. */
export function operationTable(...groups: Array<Record<string, Operation>>): OperationTable {
	const table = new Map<string, Operation>();
	for (const group of groups) {
		for (const [name, operation] of Object.entries(group)) {
			if (table.has(name)) {
				throw new Error(`operation ${name} is defined twice`);
			}

			table.set(name, operation);
		}
	}

	return table;
}

/** What AWS answers for a machine with no loggingConfiguration. */
export const defaultLogging = {level: 'OFF', includeExecutionData: false} as const;

export const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
