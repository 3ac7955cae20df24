import type {ContextObject} from '../../asl/index.js';
import type {StateCall} from '../run-states.js';

/** One attempt of a Task state: what the integration is given. */
export type TaskInvocation = {
	call: StateCall;
	resource: string;
	/** The effective input: Parameters / Arguments applied. */
	parameters: unknown;
	timeoutSeconds?: number;
	heartbeatSeconds?: number;
	/** 1 for the first attempt, 2 for the first retry, … */
	attempt: number;
	context: ContextObject;
};

/** Runs one attempt: writes its events on the state's lane and returns the task's result, or throws its StateFailure. */
export type Integration = (invocation: TaskInvocation) => Promise<unknown>;
