// Shared types between rooms. These are contracts: add fields freely, but
// rename or remove one only together with every user (grep for it).

/* ---------- State machine definition as a graph (model/asl-graph.ts) ---------- */

export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

export type MachineState = {
	/** State names are unique across a whole machine (ASL requires it), so the name is the id. */
	name: string;
	type: StateType;
	/** Name of the enclosing Parallel or Map state; null at the top level. */
	parent: string | null;
	/** For states inside a Parallel: the 0-based branch index. */
	branch?: number;
	/** Nesting depth: 0 at the top level. */
	depth: number;
	/** True for the StartAt of its scope (machine, branch or item processor). */
	isStart: boolean;
	/** True for `End: true`, Succeed and Fail. */
	isEnd: boolean;
	resource?: string;
	comment?: string;
	/** Map with ProcessorConfig.Mode DISTRIBUTED (or ItemReader/ResultWriter). */
	distributed?: boolean;
	/** The variables the state may assign (its `Assign`, a Choice rule's or a Catch's), in definition order. */
	assigns?: string[];
	/** JSONata when the state (or, without its own QueryLanguage, the machine) uses JSONata. */
	queryLanguage?: 'JSONPath' | 'JSONata';
	/** The raw ASL of this state, untouched (details panel, redrive preview). */
	definition: Record<string, unknown>;
};

export type EdgeKind = 'next' | 'choice' | 'default' | 'catch' | 'end';

export type MachineEdge = {
	from: string;
	/** Null for `end` edges. */
	to: string | null;
	kind: EdgeKind;
	/** Short text for the edge where one helps (e.g. the Catch's ErrorEquals). */
	label?: string;
};

export type MachineGraph = {
	startAt: string;
	queryLanguage: 'JSONPath' | 'JSONata';
	comment?: string;
	states: MachineState[];
	edges: MachineEdge[];
};

/* ---------- Execution history (model/history-*.ts) ---------- */

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export type StateStatus = 'NOT_STARTED' | 'RUNNING' | 'RETRYING' | 'SUCCEEDED' | 'FAILED' | 'CAUGHT' | 'ABORTED' | 'TIMED_OUT';

/**
 * One history event, normalised from whatever source it came from (the SDK,
 * `aws stepfunctions get-execution-history` JSON, CloudWatch Logs execution
 * records): the one `*EventDetails` object becomes `details`, timestamps become
 * epoch milliseconds (undefined when unparseable), payloads stay strings.
 */
export type HistoryEvent = {
	id: number;
	previousEventId?: number;
	/** Epoch milliseconds; undefined when the source's timestamp was unreadable. */
	timestamp: number | undefined;
	type: string;
	details: Record<string, unknown>;
};

export type IterationCounts = {
	total: number;
	running: number;
	succeeded: number;
	failed: number;
	aborted: number;
};

export type MapRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/** A Distributed Map's run as the parent's history tells it (MapRunStarted/Succeeded/Failed/Aborted/Redriven). */
export type MapRunReference = {
	arn: string;
	status: MapRunStatus;
	error?: string;
	cause?: string;
};

/** A failed attempt that was retried, and the failure that caused the retry. */
export type RetryRecord = {
	/** The attempt that failed (1 = the first). */
	attempt: number;
	error?: string;
	cause?: string;
	/** Epoch ms of the failure, and of the next attempt's start. */
	failedAt?: number;
	retriedAt?: number;
};

export type StateSnapshot = {
	name: string;
	status: StateStatus;
	/** Number of times the state was entered or retried (a Task's attempts, a Map or Parallel state's restarts); 1 for a plain success. */
	attempts: number;
	/** Each retried attempt with the failure behind it, oldest first. */
	retries?: RetryRecord[];
	enteredAt?: number;
	exitedAt?: number;
	durationMs?: number;
	input?: string;
	output?: string;
	error?: string;
	cause?: string;
	/** The resource it called (Lambda ARN, service integration ARN). */
	resource?: string;
	/** Map states: iteration counts. */
	iterations?: IterationCounts;
	/** Parallel states: status per branch. */
	branches?: StateStatus[];
	/** The variables the state assigned when it last exited: name → JSON text, as AWS writes them (`assignedVariables`). */
	assignedVariables?: Record<string, string>;
	/** A Task's parameters as sent, from its last *Scheduled event (JSONata `Arguments` evaluated, or JSONPath `Parameters`). */
	arguments?: string;
	/** Distributed Map: the state's (latest) map run. Its counts come from DescribeMapRun, not from this history. */
	mapRun?: MapRunReference;
	/** `states:startExecution` tasks: the child executions they started, oldest first. */
	childExecutions?: string[];
	/** Lambda request ids seen for this state (log lookup by request id). */
	requestIds?: string[];
	/** Id of the last event that changed this state. */
	lastEventId?: number;
};

export type ExecutionSnapshot = {
	status: ExecutionStatus;
	startDate?: number;
	stopDate?: number;
	input?: string;
	output?: string;
	error?: string;
	cause?: string;
	redriveCount: number;
	/** Per-state status for every state of the definition (and any seen only in the history). */
	states: ReadonlyMap<string, StateSnapshot>;
	/** States running right now, innermost last. */
	activeStates: readonly string[];
	/** Highest event id folded so far (0 before any). */
	lastEventId: number;
	/** Number of distinct events folded. */
	eventCount: number;
};

/* ---------- What the API says about machines and executions (filled by sync/, shown by ui/ and commands/) ---------- */

export type MachineSummary = {
	arn: string;
	name: string;
	type: 'STANDARD' | 'EXPRESS';
	creationDate?: number;
};

export type ExecutionSummary = {
	arn: string;
	name: string;
	machineArn: string;
	status: ExecutionStatus;
	startDate?: number;
	stopDate?: number;
	redriveCount?: number;
	/** The version it ran (`stateMachine:NAME:3`): set when started through a version or an alias. */
	versionArn?: string;
	/** The alias it was started through (`stateMachine:NAME:prod`). */
	aliasArn?: string;
};

export type ExecutionDescription = ExecutionSummary & {
	machineName: string;
	input?: string;
	output?: string;
	error?: string;
	cause?: string;
	redriveStatus?: 'REDRIVABLE' | 'NOT_REDRIVABLE' | 'REDRIVABLE_BY_MAP_RUN';
	redriveStatusReason?: string;
};

/** DescribeMapRun's itemCounts / executionCounts (one call, whatever the number of children). */
export type MapRunCounts = {
	pending: number;
	running: number;
	succeeded: number;
	failed: number;
	timedOut: number;
	aborted: number;
	total: number;
	resultsWritten: number;
	/** Failed items a redrive cannot rerun, and items waiting for one (redrive fields). */
	failuresNotRedrivable: number;
	pendingRedrive: number;
};

export type MapRunDescription = {
	arn: string;
	executionArn: string;
	status: MapRunStatus;
	startDate?: number;
	stopDate?: number;
	maxConcurrency: number;
	toleratedFailurePercentage: number;
	toleratedFailureCount: number;
	itemCounts: MapRunCounts;
	executionCounts: MapRunCounts;
	redriveCount?: number;
};

/** A machine's published versions (newest first) and aliases, for filtering its executions. */
export type MachineQualifiers = {
	versions: Array<{arn: string; version: string; creationDate?: number}>;
	aliases: Array<{arn: string; name: string; creationDate?: number}>;
};

/** What the execution view shows: description, definition graph, folded history. */
export type ExecutionData = {
	description: ExecutionDescription;
	graph: MachineGraph;
	snapshot: ExecutionSnapshot;
	/** Every event folded so far, oldest first (append-only; share, do not copy). */
	events: readonly HistoryEvent[];
};

export type LogLine = {
	/** CloudWatch eventId: the dedupe key. */
	id: string;
	timestamp: number;
	logGroup: string;
	logStream: string;
	/** Raw (untrusted) message; sanitise before printing. */
	message: string;
	/** The state this line belongs to, when known. */
	state?: string;
};

export type RedrivePreview = {
	redrivable: boolean;
	/** One line saying why not, when not redrivable. */
	reason?: string;
	/** States that will run again. */
	rerun: string[];
	/** States that keep their earlier result. */
	keep: string[];
};

/* ---------- Styled text shared by ANSI output and Ink (model/theme.ts) ---------- */

/**
 * Semantic roles: components and formatters ask for a role, the theme decides
 * what it looks like (STYLE.md, gemini-cli). NO_COLOR and --ascii swap themes.
 */
export type StyleRole =
	| 'plain'
	| 'muted'
	| 'heading'
	| 'edge'
	| 'edge.catch'
	| 'edge.label'
	| 'container'
	| 'selected'
	| 'active'
	| 'alert'
	| 'error'
	| 'warning'
	| 'success'
	| `type.${StateType}`
	| `status.${StateStatus}`
	| `execution.${ExecutionStatus}`;

export type Segment = {text: string; role?: StyleRole};

/** One terminal line as styled segments; its display width is the sum of the segments' widths. */
export type StyledLine = Segment[];
