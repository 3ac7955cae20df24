// The contract between source/sync/ (followers, actions) and its users: the
// dashboard (source/ui/) and the line commands. Views read FollowerState
// snapshots and call SfnSession actions; they never touch an SDK client.
import type {ErrorKind} from '../model/user-error.js';
import type {BulkAction, BulkPreview, BulkResult} from '../model/bulk/bulk-plan.js';
import type {ExecutionData, ExecutionStatus, ExecutionSummary, LogLine, MachineQualifiers, MachineSummary, MapRunDescription, RedrivePreview} from '../model/types.js';
import type {MachineWallRow, RunningWall} from '../model/wall/wall-types.js';

export type FollowerState<T> = {
	/** Last good data; kept on screen (marked stale) when a later call fails. */
	data: T | undefined;
	/** One line for the status bar when the last call failed. */
	error?: string;
	/** What kind of failure `error` is (and so the exit code of a command that stops on it). */
	errorKind?: ErrorKind;
	/** True when `error` is set and `data` is from an earlier, successful call. */
	stale: boolean;
	/** True until the first successful load. */
	loading: boolean;
	/** Epoch ms of the last successful call. */
	updatedAt?: number;
	/** True when the follower has made its final read and will not poll again (ended execution). */
	done: boolean;
	/** True while the last error is transient and a retry is scheduled; false when polling stopped on it. */
	retrying?: boolean;
};

/** A long-lived poller. subscribe/getState fit React's useSyncExternalStore. */
export type Follower<T> = {
	getState(): FollowerState<T>;
	subscribe(listener: () => void): () => void;
	/** Poll now and go back to the fast interval (after a user action). */
	refresh(): void;
	/** Clear every timer; no call is made after this. */
	stop(): void;
};

/** A follower of many rows that reads the rows on screen first (the walls). */
export type RowsFollower<T> = Follower<T> & {
	/** The rows (ARNs) the user can see now: read before the rest. */
	show(arns: readonly string[]): void;
};

export type RunningWallFollower = RowsFollower<RunningWall>;

/** Everything the dashboard needs, bound to one account/region/endpoint. */
export type SfnSession = {
	readOnly: boolean;
	/** Region and endpoint, for the header. */
	region: string;
	endpoint?: string;
	machines(): Follower<MachineSummary[]>;
	executions(machineArn: string, statusFilter?: ExecutionStatus): Follower<ExecutionSummary[]>;
	/** Every RUNNING execution of a machine, kept fresh within the call budget (--budget). */
	running(machineArn: string): RunningWallFollower;
	/** One row per machine: running, failed and succeeded in the last hour (ListExecutions only). */
	machineWall(): RowsFollower<MachineWallRow[]>;
	execution(executionArn: string): Follower<ExecutionData>;
	/** A Distributed Map run's counts and tolerance: one DescribeMapRun per tick, however many children. */
	mapRun(mapRunArn: string): Follower<MapRunDescription>;
	/** A map run's child executions, newest first (ListExecutions by mapRunArn). */
	mapRunExecutions(mapRunArn: string, statusFilter?: ExecutionStatus): Follower<ExecutionSummary[]>;
	/** A machine's versions and aliases (to filter its executions by them). */
	qualifiers(machineArn: string): Follower<MachineQualifiers>;
	/** Log lines for one state of an execution (Lambda logs, execution records). */
	logs(executionArn: string, stateName: string): Follower<LogLine[]>;
	/** Resolve a name, ARN or `MACHINE/latest` to what it names. */
	resolve(target: string): Promise<{kind: 'machine'; arn: string} | {kind: 'execution'; arn: string}>;
	/** Throws the --read-only refusal for a mutating call, before a command asks the user to confirm one. */
	assertAllowed(api: 'StartExecution' | 'StopExecution' | 'RedriveExecution'): void;
	start(machineArn: string, input: string, name?: string): Promise<string>;
	stop(executionArn: string, error?: string, cause?: string): Promise<void>;
	redrivePreview(executionArn: string): Promise<RedrivePreview>;
	redrive(executionArn: string): Promise<void>;
	/** A machine's executions with a status (all pages), started after a time, with a name prefix: what a bulk action matches. */
	matchingExecutions(machineArn: string, filter: {status: ExecutionStatus; startedAfter?: number; namePrefix?: string}): Promise<ExecutionSummary[]>;
	/** What stopping or redriving these executions would do (reads where each stopped for a redrive); nothing is changed. */
	bulkPreview(action: BulkAction, executions: readonly ExecutionSummary[], onProgress?: (done: number, total: number) => void): Promise<BulkPreview>;
	/** Stops or redrives every actionable execution of a preview through the shared rate limiter. */
	bulkAct(preview: BulkPreview, options?: {error?: string; cause?: string; onProgress?: (done: number, total: number) => void}): Promise<BulkResult>;
	/** API calls made in the last 60 s, across all followers (header figure). */
	callsPerMinute(): number;
	close(): void;
};
