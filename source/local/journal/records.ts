import type {MapRunChild, MapRunRecord} from '../engine/map-run.js';
import type {WireEvent} from '../engine/wire-event.js';
import type {ExecutionSummary, StoredAlias, StoredLogEvent, StoredMachine, StoredVersion} from '../store-types.js';
import {shapeProblem, type Shape} from './shape.js';

/** Every kind of record the journal holds. A compacted journal uses `history` and `log-events`; a live tail uses `event` and `log`. */
export type JournalRecord =
	| {t: 'journal'; version: number}
	| {t: 'machine'; machine: StoredMachine}
	| {t: 'machine-delete'; arn: string}
	| {t: 'version'; version: StoredVersion}
	| {t: 'version-delete'; arn: string}
	| {t: 'alias'; alias: StoredAlias}
	| {t: 'alias-delete'; arn: string}
	/** A Distributed Map run, whole (at its start, a status change, UpdateMapRun). */
	| {t: 'map-run'; run: MapRunRecord}
	/** One child of a map run changed (so a 1,000-item run does not rewrite itself per child). */
	| {t: 'map-run-child'; arn: string; index: number; child: MapRunChild}
	| {t: 'execution'; execution: ExecutionSummary}
	| {t: 'execution-delete'; arn: string}
	| {t: 'event'; arn: string; event: WireEvent}
	/** A finished execution's whole history, written when it ends; loaded lazily. */
	| {t: 'history'; arn: string; events: WireEvent[]}
	| {t: 'log-group'; name: string; creationTime: number}
	| {t: 'log-stream'; group: string; stream: string; creationTime: number}
	| {t: 'log'; group: string; stream: string; event: StoredLogEvent}
	| {t: 'log-events'; group: string; stream: string; events: StoredLogEvent[]};

export const journalVersion = 1;

const machineShape: Shape = {arn: 'string', name: 'string', definition: 'string', roleArn: 'string', type: 'string', creationDate: 'number', updateDate: 'number?', loggingConfiguration: 'object?'};
const versionShape: Shape = {arn: 'string', machineArn: 'string', version: 'number', definition: 'string', roleArn: 'string', type: 'string', creationDate: 'number', revisionId: 'string?', description: 'string?'};
const aliasShape: Shape = {arn: 'string', machineArn: 'string', name: 'string', routingConfiguration: 'array', creationDate: 'number', description: 'string?', updateDate: 'number?'};
const mapRunShape: Shape = {mapRunArn: 'string', executionArn: 'string', stateMachineArn: 'string', status: 'string', startDate: 'number', children: 'array', redriveCount: 'number'};
const mapRunChildShape: Shape = {items: 'number', status: 'string', executionArn: 'string?'};
const routingShape: Shape = {stateMachineVersionArn: 'string', weight: 'number'};
const executionShape: Shape = {arn: 'string', name: 'string', machineArn: 'string', machineName: 'string', type: 'string', definition: 'string', roleArn: 'string', status: 'string', startDate: 'number', stopDate: 'number?', input: 'string', output: 'string?', error: 'string?', cause: 'string?', redriveCount: 'number', redriveDate: 'number?'};
const eventShape: Shape = {id: 'number', previousEventId: 'number', timestamp: 'number', type: 'string'};
const logEventShape: Shape = {timestamp: 'number', message: 'string', ingestionTime: 'number', eventId: 'string'};

const recordShapes: Record<JournalRecord['t'], Shape> = {
	journal: {version: 'number'},
	machine: {machine: 'object'},
	'machine-delete': {arn: 'string'},
	version: {version: 'object'},
	'version-delete': {arn: 'string'},
	alias: {alias: 'object'},
	'alias-delete': {arn: 'string'},
	'map-run': {run: 'object'},
	'map-run-child': {arn: 'string', index: 'number', child: 'object'},
	execution: {execution: 'object'},
	'execution-delete': {arn: 'string'},
	event: {arn: 'string', event: 'object'},
	history: {arn: 'string', events: 'array'},
	'log-group': {name: 'string', creationTime: 'number'},
	'log-stream': {group: 'string', stream: 'string', creationTime: 'number'},
	log: {group: 'string', stream: 'string', event: 'object'},
	'log-events': {group: 'string', stream: 'string', events: 'array'},
};

const firstProblem = (items: unknown[], shape: Shape, where: string) => {
	for (const [index, item] of items.entries()) {
		const problem = shapeProblem(item, shape, `${where}[${index}]`);
		if (problem) {
			return problem;
		}
	}

	return undefined;
};

/** Why `value` is not a journal record this version can apply; undefined when it is one. */
export function recordProblem(value: unknown): string | undefined {
	const kind = (value as {t?: unknown} | undefined)?.t;
	if (typeof kind !== 'string' || !Object.hasOwn(recordShapes, kind)) {
		return 'unknown record kind';
	}

	const record = value as JournalRecord;
	const problem = shapeProblem(record, recordShapes[record.t], record.t);
	if (problem) {
		return problem;
	}

	switch (record.t) {
		case 'machine': {
			return shapeProblem(record.machine, machineShape, 'machine');
		}

		case 'execution': {
			return shapeProblem(record.execution, executionShape, 'execution');
		}

		case 'map-run': {
			return shapeProblem(record.run, mapRunShape, 'run') ?? firstProblem(record.run.children, mapRunChildShape, 'run.children');
		}

		case 'map-run-child': {
			return shapeProblem(record.child, mapRunChildShape, 'child');
		}

		case 'version': {
			return shapeProblem(record.version, versionShape, 'version');
		}

		case 'alias': {
			return shapeProblem(record.alias, aliasShape, 'alias') ?? firstProblem(record.alias.routingConfiguration, routingShape, 'alias.routingConfiguration');
		}

		case 'event': {
			return shapeProblem(record.event, eventShape, 'event');
		}

		case 'history': {
			return firstProblem(record.events, eventShape, 'events');
		}

		case 'log': {
			return shapeProblem(record.event, logEventShape, 'event');
		}

		case 'log-events': {
			return firstProblem(record.events, logEventShape, 'events');
		}

		case 'journal': {
			return record.version === journalVersion ? undefined : `journal version ${record.version} is not ${journalVersion}`;
		}

		default: {
			return undefined;
		}
	}
}
