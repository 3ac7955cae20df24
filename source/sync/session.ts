import {createAwsClients, type AwsOptions} from '../aws/clients.js';
import {AwsApi, mutatingApis} from '../aws/sfn.js';
import {executionArnFor, isExpressExecution, parseTarget, regionOfArn} from '../model/arn.js';
import {redrivePreview} from '../model/history/redrive-preview.js';
import {UserError} from '../model/user-error.js';
import type {ExecutionData} from '../model/types.js';
import {actOnAll, listMatching, previewBulk} from './bulk-actions.js';
import {followExecution} from './execution-follower.js';
import {followExecutions, followMachines, followRunning} from './list-followers.js';
import {followStateLogs} from './log-follower.js';
import {outageLines} from './outage-lines.js';
import {RateLimiter} from './rate-limiter.js';
import type {Follower, SfnSession} from './types.js';

export type SessionOptions = AwsOptions & {
	readOnly: boolean;
	/** The followers' fast poll interval (commands/options.ts reads it from --interval, in seconds). */
	intervalMs: number;
	limiter?: RateLimiter;
	/** A line command's stderr: one line per outage while calls are retried (the dashboard shows STALE instead). */
	notices?: {write(text: string): unknown};
};

/** Resolves names, ARNs and MACHINE/latest (see model/arn.ts) to ARNs. */
export async function resolveTarget(api: AwsApi, text: string): Promise<{kind: 'machine'; arn: string} | {kind: 'execution'; arn: string}> {
	const target = parseTarget(text);
	const arnRegion = target.kind === 'machine-arn' || target.kind === 'execution-arn' ? regionOfArn(target.arn) : undefined;
	if (arnRegion && arnRegion !== api.clients.region) {
		throw new UserError(`${text} is in region ${arnRegion}, but sfntop is using ${api.clients.region}; pass --region ${arnRegion}`);
	}

	switch (target.kind) {
		case 'machine-arn': {
			return {kind: 'machine', arn: target.arn};
		}

		case 'execution-arn': {
			return {kind: 'execution', arn: target.arn};
		}

		default: {
			const machineName = target.kind === 'machine-name' ? target.name : target.machine;
			let machines;
			try {
				machines = await api.listStateMachines();
			} catch (error: unknown) {
				throw api.describe(error, 'ListStateMachines');
			}

			const machine = machines.find(candidate => candidate.name === machineName);
			if (!machine?.stateMachineArn) {
				throw new UserError(`no state machine named ${machineName} in ${api.clients.region}; \`sfntop ls\` lists them`, 'notFound');
			}

			if (target.kind === 'machine-name') {
				return {kind: 'machine', arn: machine.stateMachineArn};
			}

			if (target.kind === 'execution-name') {
				return {kind: 'execution', arn: executionArnFor(machine.stateMachineArn, target.name)};
			}

			let page;
			try {
				page = await api.listExecutions(machine.stateMachineArn, {maxResults: 1, ...(target.status && {statusFilter: target.status})});
			} catch (error: unknown) {
				throw api.describe(error, 'ListExecutions');
			}

			const newest = page.executions?.[0]?.executionArn;
			if (!newest) {
				throw new UserError(target.status ? `${machineName} has no ${target.status} executions; \`sfntop ls ${machineName}\` lists its executions` : `${machineName} has no executions yet; start one with \`sfntop start ${machineName}\``, 'notFound');
			}

			return {kind: 'execution', arn: newest};
		}
	}
}

/** Counts API calls over the last minute for the header. */
class CallCounter {
	private readonly times: number[] = [];

	record(): void {
		this.times.push(Date.now());
		this.trim();
	}

	perMinute(): number {
		this.trim();
		return this.times.length;
	}

	private trim(): void {
		const cutoff = Date.now() - 60_000;
		while (this.times.length > 0 && this.times[0] < cutoff) {
			this.times.shift();
		}
	}
}

/**
 * The one --read-only guard: every call passes it before it is sent, so a
 * mutating call never is. (The dashboard's key table also hides the keys.)
 */
function readOnlyGuard(readOnly: boolean): (api: string) => void {
	return api => {
		const action = mutatingApis.get(api);
		if (readOnly && action) {
			throw new UserError(`--read-only: ${action} is disabled`, 'refused');
		}
	};
}

export async function createApi(options: Omit<SessionOptions, 'intervalMs'>, counter?: {record(): void}): Promise<AwsApi> {
	const clients = await createAwsClients({...options, maxAttempts: 1});
	const limiter = options.limiter ?? new RateLimiter();
	const guard = readOnlyGuard(options.readOnly);
	const {notices} = options;
	const api: AwsApi = new AwsApi(clients, {
		async before(call) {
			guard(call);
			await limiter.take(call);
			counter?.record();
		},
		...(notices && outageLines((error, call) => api.describe(error, call), line => {
			notices.write(`sfntop: ${line}\n`);
		})),
	});
	return api;
}

export async function createSession(options: SessionOptions): Promise<SfnSession> {
	const counter = new CallCounter();
	const api = await createApi(options, counter);
	const {intervalMs} = options;
	const followers = new Set<Follower<unknown>>();
	const executions = new Map<string, Follower<ExecutionData>>();
	const track = <T>(follower: Follower<T>): Follower<T> => {
		followers.add(follower);
		const stop = follower.stop.bind(follower);
		follower.stop = () => {
			followers.delete(follower);
			stop();
		};

		return follower;
	};

	const executionFollower = (arn: string) => {
		let follower = executions.get(arn);
		if (!follower) {
			follower = track(followExecution(api, arn, intervalMs));
			const stop = follower.stop.bind(follower);
			follower.stop = () => {
				executions.delete(arn);
				stop();
			};

			executions.set(arn, follower);
		}

		return follower;
	};

	const call = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
		try {
			return await run();
		} catch (error: unknown) {
			throw api.describe(error, action);
		}
	};

	const assertAllowed = readOnlyGuard(options.readOnly);
	const stop = async (executionArn: string, error?: string, cause?: string) => {
		await call('StopExecution', async () => api.stopExecution(executionArn, error, cause));
		executions.get(executionArn)?.refresh();
	};

	const redrive = async (executionArn: string) => {
		await call('RedriveExecution', async () => api.redriveExecution(executionArn));
		executions.get(executionArn)?.refresh();
	};

	return {
		readOnly: options.readOnly,
		region: api.clients.region,
		...(api.clients.endpoint && {endpoint: api.clients.endpoint}),
		machines: () => track(followMachines(api, intervalMs)),
		executions: (machineArn, statusFilter) => track(followExecutions(api, machineArn, statusFilter, intervalMs)),
		running: machineArn => track(followRunning(api, machineArn, intervalMs)),
		execution: executionFollower,
		logs: (executionArn, stateName) => track(followStateLogs(api, () => executions.get(executionArn)?.getState().data, stateName, intervalMs)),
		resolve: async target => resolveTarget(api, target),
		assertAllowed,
		async start(machineArn, input, name) {
			try {
				JSON.parse(input);
			} catch (error: unknown) {
				throw new UserError(`the input is not JSON: ${error instanceof Error ? error.message : String(error)}`);
			}

			const started = await call('StartExecution', async () => api.startExecution(machineArn, input, name));
			for (const follower of followers) {
				follower.refresh();
			}

			return started.executionArn;
		},
		stop,
		async redrivePreview(executionArn) {
			const {data} = executionFollower(executionArn).getState();
			if (!data) {
				throw new UserError('the execution has not loaded yet; try again in a moment');
			}

			return redrivePreview({status: data.description.status, type: isExpressExecution(executionArn) ? 'EXPRESS' : 'STANDARD', ...(data.description.stopDate !== undefined && {stopDate: data.description.stopDate}), redriveCount: data.description.redriveCount ?? 0, now: Date.now()}, data.snapshot, data.graph);
		},
		redrive,
		async matchingExecutions(machineArn, filter) {
			return call('ListExecutions', async () => listMatching(api, machineArn, filter));
		},
		async bulkPreview(action, list, onProgress) {
			return call('DescribeStateMachine', async () => previewBulk(api, action, list, {now: Date.now(), ...(onProgress && {onProgress})}));
		},
		async bulkAct(preview, settings = {}) {
			assertAllowed(preview.action === 'stop' ? 'StopExecution' : 'RedriveExecution');
			const act = preview.action === 'stop' ? async (arn: string) => stop(arn, settings.error, settings.cause) : redrive;
			const result = await actOnAll(preview, act, {...(settings.onProgress && {onProgress: settings.onProgress})});
			for (const follower of followers) {
				follower.refresh();
			}

			return result;
		},
		callsPerMinute: () => counter.perMinute(),
		close() {
			for (const follower of followers) {
				follower.stop();
			}
		},
	};
}
