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
};

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

export type StoredGroup = {name: string; creationTime: number; streams: Map<string, StoredStream>};
