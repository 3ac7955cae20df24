import {
	DescribeExecutionCommand,
	DescribeMapRunCommand,
	ListMapRunsCommand,
	ListStateMachineAliasesCommand,
	ListStateMachineVersionsCommand,
	DescribeStateMachineCommand,
	DescribeStateMachineForExecutionCommand,
	GetExecutionHistoryCommand,
	ListExecutionsCommand,
	ListStateMachinesCommand,
	RedriveExecutionCommand,
	StartExecutionCommand,
	StopExecutionCommand,
	type DescribeExecutionCommandOutput,
	type DescribeStateMachineCommandOutput,
	type ExecutionStatus,
	type HistoryEvent as SdkHistoryEvent,
} from '@aws-sdk/client-sfn';
import {FilterLogEventsCommand, type FilteredLogEvent} from '@aws-sdk/client-cloudwatch-logs';
import {executionArnFor} from '../model/arn.js';
import type {AwsClients} from './clients.js';
import {describeAwsError, errorFacts} from './errors.js';
import {failureKind} from './retry-policy.js';
import {oneShot, retryingCall, type CallScope, type Contact, type RetryWatch} from './retrying-call.js';

/**
 * Called around every attempt of every API call: the read-only guard and the
 * shared rate limiter wait in `before` (so a retry costs a token too), the
 * calls-per-minute counter counts; `retrying`/`settled` hear of every retry.
 */
export type CallHooks = RetryWatch & {
	before?: (api: string) => Promise<void>;
	after?: (api: string) => void;
};

/**
 * One function per Step Functions / CloudWatch Logs call sfntop makes, each
 * run under the one retry policy (retry-policy.ts). Errors that are not
 * retried, or outlast the caller's patience, come back as SDK errors;
 * `describe(error, action)` turns one into a user-facing line.
 */
export class AwsApi {
	constructor(
		readonly clients: AwsClients,
		private readonly hooks: CallHooks = {},
		private readonly scope: CallScope = oneShot,
		private readonly contact: Contact = {answered: false},
	) {}

	/** The same API (clients, hooks, first contact) for a caller with its own patience, stop signal and retry notices: a follower. */
	scoped(scope: CallScope): AwsApi {
		return new AwsApi(this.clients, this.hooks, scope, this.contact);
	}

	describe(error: unknown, action: string) {
		return describeAwsError(error, {action, ...(this.clients.endpoint && {endpoint: this.clients.endpoint})});
	}

	private async call<T>(api: string, run: () => Promise<T>): Promise<T> {
		return retryingCall(api, async () => {
			try {
				return await run();
			} finally {
				this.hooks.after?.(api);
			}
		}, {scope: this.scope, contact: this.contact, watch: this.hooks, ...(this.hooks.before && {before: this.hooks.before})});
	}

	async listStateMachines(): Promise<Array<{stateMachineArn?: string; name?: string; type?: string; creationDate?: Date}>> {
		const machines = [];
		let nextToken: string | undefined;
		do {
			const token = nextToken;
			const page = await this.call('ListStateMachines', async () => this.clients.sfn.send(new ListStateMachinesCommand({maxResults: 1000, nextToken: token})));
			machines.push(...(page.stateMachines ?? []));
			nextToken = page.nextToken;
		} while (nextToken);

		return machines;
	}

	async describeStateMachine(stateMachineArn: string): Promise<DescribeStateMachineCommandOutput> {
		return this.call('DescribeStateMachine', async () => this.clients.sfn.send(new DescribeStateMachineCommand({stateMachineArn})));
	}

	async listExecutions(stateMachineArn: string, options: {statusFilter?: ExecutionStatus; maxResults?: number; nextToken?: string} = {}) {
		return this.call('ListExecutions', async () => this.clients.sfn.send(new ListExecutionsCommand({stateMachineArn, maxResults: options.maxResults ?? 100, ...(options.statusFilter && {statusFilter: options.statusFilter}), ...(options.nextToken && {nextToken: options.nextToken})})));
	}

	/** A Distributed Map run's child executions (ListExecutions by mapRunArn: AWS takes it instead of a state machine ARN). */
	async listMapRunExecutions(mapRunArn: string, options: {statusFilter?: ExecutionStatus; maxResults?: number; nextToken?: string} = {}) {
		return this.call('ListExecutions', async () => this.clients.sfn.send(new ListExecutionsCommand({mapRunArn, maxResults: options.maxResults ?? 100, ...(options.statusFilter && {statusFilter: options.statusFilter}), ...(options.nextToken && {nextToken: options.nextToken})})));
	}

	/** One call whatever the number of children: status, item and execution counts, tolerance. */
	async describeMapRun(mapRunArn: string) {
		return this.call('DescribeMapRun', async () => this.clients.sfn.send(new DescribeMapRunCommand({mapRunArn})));
	}

	async listMapRuns(executionArn: string) {
		return this.call('ListMapRuns', async () => this.clients.sfn.send(new ListMapRunsCommand({executionArn, maxResults: 1000})));
	}

	async listStateMachineVersions(stateMachineArn: string) {
		return this.call('ListStateMachineVersions', async () => this.clients.sfn.send(new ListStateMachineVersionsCommand({stateMachineArn, maxResults: 1000})));
	}

	async listStateMachineAliases(stateMachineArn: string) {
		return this.call('ListStateMachineAliases', async () => this.clients.sfn.send(new ListStateMachineAliasesCommand({stateMachineArn, maxResults: 100})));
	}

	async describeExecution(executionArn: string): Promise<DescribeExecutionCommandOutput> {
		return this.call('DescribeExecution', async () => this.clients.sfn.send(new DescribeExecutionCommand({executionArn})));
	}

	async describeStateMachineForExecution(executionArn: string) {
		return this.call('DescribeStateMachineForExecution', async () => this.clients.sfn.send(new DescribeStateMachineForExecutionCommand({executionArn})));
	}

	async getHistoryPage(executionArn: string, options: {reverseOrder?: boolean; maxResults?: number; nextToken?: string; includeExecutionData?: boolean}): Promise<{events: SdkHistoryEvent[]; nextToken?: string}> {
		const page = await this.call('GetExecutionHistory', async () => this.clients.sfn.send(new GetExecutionHistoryCommand({
			executionArn,
			maxResults: options.maxResults ?? 1000,
			reverseOrder: options.reverseOrder ?? false,
			includeExecutionData: options.includeExecutionData ?? true,
			...(options.nextToken && {nextToken: options.nextToken}),
		})));
		return {events: page.events ?? [], ...(page.nextToken && {nextToken: page.nextToken})};
	}

	/**
	 * Always with a name (a UUID when the user gives none), so that a retry is
	 * safe: AWS answers the same name and input with the same execution while
	 * it runs. If it has already ended by the time a retry arrives, AWS says
	 * ExecutionAlreadyExists: when an earlier attempt may have reached AWS (its
	 * answer was lost, not refused), the execution with our name and input is ours.
	 */
	async startExecution(stateMachineArn: string, input: string, name: string = crypto.randomUUID()): Promise<{executionArn: string; startDate?: Date}> {
		let mayHaveStarted = false;
		try {
			const started = await this.call('StartExecution', async () => {
				try {
					return await this.clients.sfn.send(new StartExecutionCommand({stateMachineArn, input, name}));
				} catch (error: unknown) {
					mayHaveStarted ||= !['throttle', 'final', 'tls', 'not-aws'].includes(failureKind(error));
					throw error;
				}
			});
			return {executionArn: started.executionArn ?? executionArnFor(stateMachineArn, name), ...(started.startDate && {startDate: started.startDate})};
		} catch (error: unknown) {
			if (mayHaveStarted && errorFacts(error).name === 'ExecutionAlreadyExists') {
				const executionArn = executionArnFor(stateMachineArn, name);
				const existing = await this.describeExecution(executionArn);
				if (existing.input === input) {
					return {executionArn, ...(existing.startDate && {startDate: existing.startDate})};
				}
			}

			throw error;
		}
	}

	/** Stopping is idempotent on AWS (a stopped execution stays stopped), so retries are safe as they are. */
	async stopExecution(executionArn: string, error?: string, cause?: string) {
		return this.call('StopExecution', async () => this.clients.sfn.send(new StopExecutionCommand({executionArn, ...(error && {error}), ...(cause && {cause})})));
	}

	/** One client token for every attempt: AWS answers a repeated token with the same redrive, so a retry never redrives twice. */
	async redriveExecution(executionArn: string, clientToken: string = crypto.randomUUID()) {
		return this.call('RedriveExecution', async () => this.clients.sfn.send(new RedriveExecutionCommand({executionArn, clientToken})));
	}

	async filterLogEvents(options: {logGroupName: string; startTime?: number; endTime?: number; filterPattern?: string; logStreamNames?: string[]; nextToken?: string}): Promise<{events: FilteredLogEvent[]; nextToken?: string}> {
		const page = await this.call('FilterLogEvents', async () => this.clients.logs.send(new FilterLogEventsCommand(options)));
		return {events: page.events ?? [], ...(page.nextToken && {nextToken: page.nextToken})};
	}
}

/** Mutating calls, with what each does in words: --read-only guarantees none of these is ever sent. */
export const mutatingApis: ReadonlyMap<string, string> = new Map([
	['StartExecution', 'starting an execution'],
	['StopExecution', 'stopping an execution'],
	['RedriveExecution', 'redriving an execution'],
	['StartSyncExecution', 'starting an execution'],
	['CreateStateMachine', 'creating a state machine'],
	['UpdateStateMachine', 'updating a state machine'],
	['DeleteStateMachine', 'deleting a state machine'],
]);
