/**
 * What an execution needs from serve to start other executions:
 * states:startExecution (nested workflows) and Distributed Map children.
 * Implemented by the runner (execution-runner.ts), which owns the store.
 */
export type ChildRequest = {
	machineArn: string;
	name?: string;
	input: string;
	/** The execution that starts it: stopping that one stops this one when `stopWithParent`. */
	parentArn: string;
	stopWithParent: boolean;
};

/** A child as DescribeExecution describes it, once it has ended. */
export type ChildResult = {
	executionArn: string;
	machineArn: string;
	name: string;
	status: 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';
	startDate: number;
	stopDate: number;
	input: string;
	output?: string;
	error?: string;
	cause?: string;
};

export type ChildExecution = {
	executionArn: string;
	startDate: number;
	/** Resolves when the child ends. */
	finished: Promise<ChildResult>;
	stop(error?: string, cause?: string): void;
};

export type ExecutionHost = {
	/** Starts a child; rejects with a StateFailure (e.g. StateMachineDoesNotExist) when it cannot. */
	startChild(request: ChildRequest): Promise<ChildExecution>;
};
