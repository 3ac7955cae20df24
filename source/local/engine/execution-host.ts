import type {AslDefinition} from '../asl/index.js';
import type {MapRun} from './map-run.js';

/**
 * What an execution needs from serve to start other executions:
 * states:startExecution (nested workflows) and Distributed Map runs and children.
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

/** One child of a Distributed Map: the item processor run as its own execution. */
export type MapRunChildRequest = {
	mapRun: MapRun;
	/** Its place in the map run's children. */
	index: number;
	input: string;
	/** The item processor as a definition of its own, and its text (what DescribeStateMachineForExecution shows). */
	definition: AslDefinition;
	definitionText: string;
	type: 'STANDARD' | 'EXPRESS';
	roleArn: string;
	/** The map run's state machine: `<parent machine>/<label>`. */
	machineArn: string;
	machineName: string;
};

export type ExecutionHost = {
	/** Starts a child; rejects with a StateFailure (e.g. StateMachineDoesNotExist) when it cannot. */
	startChild(request: ChildRequest): Promise<ChildExecution>;
	/** Keeps a new map run where ListMapRuns / DescribeMapRun / UpdateMapRun find it. */
	registerMapRun(mapRun: MapRun): void;
	/** A redrive finds the map run its Map state ran before (undefined: start a new one). */
	mapRunOf(executionArn: string, stateMachineArn: string): MapRun | undefined;
	startMapRunChild(request: MapRunChildRequest): Promise<ChildExecution>;
	/** Redrives a child that did not succeed (a Standard one; undefined when it cannot be redriven). */
	redriveMapRunChild(executionArn: string): ChildExecution | undefined;
	/** An ended execution's output (a redriven map run keeps its succeeded children's outputs). */
	executionOutput(executionArn: string): string | undefined;
};
