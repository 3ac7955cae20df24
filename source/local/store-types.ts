import type {LogStream} from './log-stream.js';
import type {WireEvent} from './engine/wire-event.js';

export type LoggingConfiguration = {
	level?: 'ALL' | 'ERROR' | 'FATAL' | 'OFF';
	includeExecutionData?: boolean;
	destinations?: Array<{cloudWatchLogsLogGroup?: {logGroupArn?: string}}>;
};

export type StoredMachine = {
	arn: string;
	name: string;
	definition: string;
	roleArn: string;
	type: 'STANDARD' | 'EXPRESS';
	loggingConfiguration?: LoggingConfiguration;
	creationDate: number;
	updateDate?: number;
	/** Set by the first update that changes the definition, role or logging; a new one each such update (AWS's revisionId). */
	revisionId?: string;
	/** The number the next published version gets: numbers are never reused, even after a delete. */
	nextVersion?: number;
	/** DescribeStateMachine's `variableReferences` (what each state reads), from validation. */
	variableReferences?: Record<string, string[]>;
	/** DeleteStateMachine while executions run: DELETING until the last one ends (absent: ACTIVE). */
	status?: 'DELETING';
};

/** A published version: an immutable copy of the machine at one revision. */
export type StoredVersion = {
	arn: string;
	machineArn: string;
	version: number;
	definition: string;
	roleArn: string;
	type: 'STANDARD' | 'EXPRESS';
	loggingConfiguration?: LoggingConfiguration;
	revisionId?: string;
	description?: string;
	creationDate: number;
	variableReferences?: Record<string, string[]>;
};

export type RoutingEntry = {stateMachineVersionArn: string; weight: number};

export type StoredAlias = {
	arn: string;
	machineArn: string;
	name: string;
	description?: string;
	routingConfiguration: RoutingEntry[];
	creationDate: number;
	updateDate?: number;
};

/** A RedriveExecution clientToken: when it was first used and the redrive it answered. */
export type RedriveToken = {token: string; firstUsed: number; redriveDate: number};

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export type StoredExecution = {
	arn: string;
	name: string;
	machineArn: string;
	machineName: string;
	type: 'STANDARD' | 'EXPRESS';
	/** The definition it ran (an update to the machine does not change running executions). */
	definition: string;
	roleArn: string;
	status: ExecutionStatus;
	startDate: number;
	stopDate?: number;
	input: string;
	output?: string;
	error?: string;
	cause?: string;
	redriveCount: number;
	redriveDate?: number;
	/** Started through a version (or an alias, which routed to this version). */
	stateMachineVersionArn?: string;
	/** Started through an alias. */
	stateMachineAliasArn?: string;
	/** The revision of the definition it ran (DescribeStateMachineForExecution). */
	revisionId?: string;
	/** The clientTokens of its recent redrives (the last 10, each answered again for 15 minutes, as AWS does). */
	redriveTokens?: RedriveToken[];
	/** A Distributed Map child: the map run that started it (ListExecutions `mapRunArn`). Its machineArn is `<parent machine>/<label>`. */
	mapRunArn?: string;
	/**
	 * The history while the execution runs. Once it has ended the store keeps
	 * the history in a compact form (or in the journal) and this is empty:
	 * read it with `store.eventsOf(execution)`.
	 */
	events: WireEvent[];
};

/** What the journal records of an execution besides its history. */
export type ExecutionSummary = Omit<StoredExecution, 'events'>;

export type StoredLogEvent = {timestamp: number; message: string; ingestionTime: number; eventId: string};

export type StoredStream = {name: string; creationTime: number; events: StoredLogEvent[]};

/** A log group; its streams keep compacted events unparsed until read (log-stream.ts). */
export type StoredGroup = {name: string; creationTime: number; streams: Map<string, LogStream>};
