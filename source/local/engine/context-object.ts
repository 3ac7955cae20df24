import type {ContextObject} from '../asl/index.js';

/** Who the execution is: what `$$.Execution` and `$$.StateMachine` say. */
export type ExecutionIdentity = {
	executionArn: string;
	executionName: string;
	machineArn: string;
	machineName: string;
	roleArn: string;
	startTime: number;
	redriveCount: number;
	redriveTime?: number;
	/** The execution's input, parsed (`$$.Execution.Input`). */
	input: unknown;
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The context object a state sees, as AWS fills it (recorded in LocalStack
 * v2/context_object/test_context_object.snapshot.json): Execution {Id, Input,
 * StartTime, Name, RoleArn, RedriveCount (+ RedriveTime after a redrive)},
 * StateMachine {Id, Name}, State {Name, EnteredTime} — plus RetryCount for a
 * Task (a Pass state has none: v2/outputdecl/test_output.snapshot.json).
 */
export function contextObject(identity: ExecutionIdentity, state: {name: string; enteredTime: number; retryCount?: number}): ContextObject {
	const stateFields: Record<string, unknown> = {Name: state.name, EnteredTime: iso(state.enteredTime), ...(state.retryCount !== undefined && {RetryCount: state.retryCount})};
	return {
		Execution: {
			Id: identity.executionArn,
			Input: identity.input,
			StartTime: iso(identity.startTime),
			Name: identity.executionName,
			RoleArn: identity.roleArn,
			RedriveCount: identity.redriveCount,
			...(identity.redriveTime !== undefined && {RedriveTime: iso(identity.redriveTime)}),
		},
		StateMachine: {Id: identity.machineArn, Name: identity.machineName},
		State: stateFields as ContextObject['State'],
	};
}
