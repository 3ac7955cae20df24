/*
 * The States Language interpreter of sfntop serve: runs one execution and writes
 * its history as AWS does, event for event. The shape (docs/ARCHITECTURE.md):
 * execution-run.ts (one run, its one end), run-states.ts (a scope's states in
 * order: entered, the state's runner, Catch, exited), states/ (one runner per
 * state type), integrations/ (one per Task resource kind), lane.ts and
 * history-writer.ts (event ids and previousEventId chains), retry.ts, timers.ts,
 * context-object.ts, redrive-plan.ts. The data rules (paths, templates,
 * intrinsics, JSONata, Choice rules, variables) come from ../asl.
 */
import {VariableScope} from '../asl/index.js';
import {ExecutionRun, type RunOptions} from './execution-run.js';
import {payloadText} from './payload-limit.js';
import {redrivePlan, type RedrivePlan} from './redrive-plan.js';
import {runStates} from './run-states.js';
import type {ExecutionOutcome} from './wire-event.js';

export type {RunOptions} from './execution-run.js';
export type {ExecutionOutcome, LogRecord, WireEvent} from './wire-event.js';

export type RunningExecution = {
	outcome: Promise<ExecutionOutcome>;
	/** Ends it ABORTED at once (ExecutionAborted written before this returns), whatever is still running. */
	stop(error?: string, cause?: string): void;
	/** Called once when the execution ends, however. */
	onEnd(listener: () => void): void;
	/** Its machine was deleted: it fails at its next state transition. */
	machineDeleted(machineName: string): void;
};

/**
 * Starts an execution (or continues a redriven one). ExecutionStarted (or
 * ExecutionRedriven) is written before this returns; the states run after.
 */
export function runExecution(options: RunOptions): RunningExecution {
	const run = new ExecutionRun(options);
	const previous = options.redrive?.previousEvents;
	let plan: RedrivePlan | undefined;
	if (previous) {
		plan = redrivePlan(run.machine, previous, run.identity.input);
		try {
			run.root.last = run.writer.write('ExecutionRedriven', run.writer.lastEventId, {redriveCount: options.identity.redriveCount});
		} catch (error) {
			// A history already at its limit cannot take a redrive: it fails again at once, saying why.
			run.fail(error);
			return {outcome: run.outcome, stop() {/* Already ended. */}, onEnd() {/* Already ended. */}, machineDeleted() {/* Already ended. */}};
		}

		run.keepForRedrive(plan.startAt, plan.kept);
	} else {
		// AWS: {input, inputDetails, roleArn} (+ the version or alias it was started through); the first state points at 0, not at this event.
		run.writer.write('ExecutionStarted', 0, {input: options.input, inputDetails: {truncated: false}, roleArn: options.identity.roleArn, ...options.startedThrough});
		run.root.last = 0;
	}

	run.armTimeout(options.definition.TimeoutSeconds);
	void drive(run, plan);
	return {
		outcome: run.outcome,
		stop(error, cause) {
			run.stop(error, cause);
		},
		onEnd(listener) {
			run.onEnd(listener);
		},
		machineDeleted(machineName) {
			run.machineDeleted(machineName);
		},
	};
}

async function drive(run: ExecutionRun, plan: RedrivePlan | undefined): Promise<void> {
	try {
		const output = await runStates(run, run.machine.top, plan ? plan.input : run.identity.input, run.root, plan?.variables ?? new VariableScope(), plan?.startAt);
		run.succeed(payloadText(output));
	} catch (error) {
		run.fail(error);
	}
}
