import {
	DescribeExecutionCommand,
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
import type {AwsClients} from './clients.js';
import {describeAwsError} from './errors.js';

/** Called around every API call: the shared rate limiter waits here, and the calls-per-minute counter counts. */
export type CallHooks = {
	before?: (api: string) => Promise<void>;
	after?: (api: string) => void;
};

/**
 * One function per Step Functions / CloudWatch Logs call sfntop makes.
 * Errors come back as SDK errors (followers decide what is transient);
 * `describe(error, action)` turns one into a user-facing line.
 */
export class AwsApi {
	constructor(readonly clients: AwsClients, private readonly hooks: CallHooks = {}) {}

	describe(error: unknown, action: string) {
		return describeAwsError(error, {action, ...(this.clients.endpoint && {endpoint: this.clients.endpoint})});
	}

	private async call<T>(api: string, run: () => Promise<T>): Promise<T> {
		await this.hooks.before?.(api);
		try {
			return await run();
		} finally {
			this.hooks.after?.(api);
		}
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

	async startExecution(stateMachineArn: string, input: string, name?: string) {
		return this.call('StartExecution', async () => this.clients.sfn.send(new StartExecutionCommand({stateMachineArn, input, ...(name && {name})})));
	}

	async stopExecution(executionArn: string, error?: string, cause?: string) {
		return this.call('StopExecution', async () => this.clients.sfn.send(new StopExecutionCommand({executionArn, ...(error && {error}), ...(cause && {cause})})));
	}

	async redriveExecution(executionArn: string) {
		return this.call('RedriveExecution', async () => this.clients.sfn.send(new RedriveExecutionCommand({executionArn})));
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
