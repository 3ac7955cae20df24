// The shapes of the running wall (issue 15): one row per RUNNING execution,
// how fresh each row is, and what happened since the view opened.

export type MapProgress = {total: number; succeeded: number; failed: number; running: number};

export type RunningRow = {
	arn: string;
	name: string;
	machineArn: string;
	startDate?: number;
	/** The top-level state it was in at the last read (model/wall/row-progress.ts); undefined until the row is first read. */
	currentState?: string;
	/** The running Map's iterations at the last read. */
	mapProgress?: MapProgress;
	/** Epoch ms of the last read of this row's history; undefined: not read yet. */
	readAt?: number;
	/** Epoch ms of the last read that found new events. */
	changedAt?: number;
};

/** Executions counted since the view opened (ends by their final status). */
export type SinceOpened = {
	openedAt: number;
	started: number;
	succeeded: number;
	failed: number;
	timedOut: number;
	aborted: number;
};

export type RunningWall = {
	/** Every RUNNING execution the last list found, newest first (the true count is rows.length). */
	rows: RunningRow[];
	since: SinceOpened;
	/** Ended executions whose final status is still being read. */
	ending: number;
	/** Row reads (history calls) in the last 60 s, and the budget they are held to. */
	calls: {lastMinute: number; budgetPerSecond: number};
	/** The list interval: a row older than this shows its age. */
	tickMs: number;
};

/** One line of the wall of machines: ListExecutions counts only. */
export type MachineWallRow = {
	arn: string;
	name: string;
	type: 'STANDARD' | 'EXPRESS';
	running?: number;
	failedLastHour?: number;
	succeededLastHour?: number;
	/** Counts that stopped at the page limit (shown as `5000+`). */
	capped?: {running?: boolean; failed?: boolean; succeeded?: boolean};
	readAt?: number;
	/** One line when this machine could not be counted (Express machines have no ListExecutions). */
	note?: string;
};
