import {createAwsClients, type AwsOptions} from '../aws/clients.js';
import {AwsApi, mutatingApis, type CallHooks} from '../aws/sfn.js';
import {isExpressExecution} from '../model/arn.js';
import {redrivePreview} from '../model/history/redrive-preview.js';
import {UserError} from '../model/user-error.js';
import type {ExecutionData, ExecutionSummary, MachineSummary} from '../model/types.js';
import {actOnAll, listMatching, previewBulk} from './bulk-actions.js';
import {followExecution} from './execution-follower.js';
import {followExecutions, followMachines} from './list-followers.js';
import {followStateLogs} from './log-follower.js';
import {followMapRun, followMapRunExecutions, followQualifiers} from './map-run-followers.js';
import {outageLines} from './outage-lines.js';
import {CallCounter} from './call-counter.js';
import {RateLimiter} from './rate-limiter.js';
import {resolveTarget} from './resolve-target.js';
import {rememberedRows} from './remembered-rows.js';
import {bucketsForBudget} from './wall-budget.js';
import {createWalls} from './walls.js';
import type {Follower, SfnSession} from './types.js';

export type SessionOptions = AwsOptions & {
	readOnly: boolean;
	/** The followers' fast poll interval (commands/options.ts reads it from --interval, in seconds). */
	intervalMs: number;
	limiter?: RateLimiter;
	/** The running wall's row reads per second (--budget); default sync/wall-budget.ts defaultWallBudget. */
	budget?: number;
	/** A line command's stderr: one line per outage while calls are retried (the dashboard shows STALE instead). */
	notices?: {write(text: string): unknown};
	/**
	 * Make the first call (ListStateMachines) before handing out the session, so that an
	 * endpoint that can never answer ends the command with one line (the dashboard with
	 * no target; every other command's first call is its own).
	 */
	firstContact?: boolean;
};

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

/** What runs before every call of a session: the read-only guard, the shared limiter, the header's count. */
function sessionHooks(options: Omit<SessionOptions, 'intervalMs'>, counter?: {record(): void}): CallHooks {
	const limiter = options.limiter ?? new RateLimiter(bucketsForBudget(options.budget));
	const guard = readOnlyGuard(options.readOnly);
	return {
		async before(call) {
			guard(call);
			await limiter.take(call);
			counter?.record();
		},
	};
}

export async function createApi(options: Omit<SessionOptions, 'intervalMs'>, counter?: {record(): void}): Promise<AwsApi> {
	return (await createApiWithHooks(options, counter)).api;
}

/** The session's AwsApi and its hooks (the wall's budgeted api runs the same hooks). */
export async function createApiWithHooks(options: Omit<SessionOptions, 'intervalMs'>, counter?: {record(): void}): Promise<{api: AwsApi; hooks: CallHooks}> {
	const clients = await createAwsClients({...options, maxAttempts: 1});
	const {notices} = options;
	const hooks: CallHooks = {
		...sessionHooks(options, counter),
		...(notices && outageLines((error, call) => api.describe(error, call), line => {
			notices.write(`sfntop: ${line}\n`);
		})),
	};
	const api: AwsApi = new AwsApi(clients, hooks);
	return {api, hooks};
}

export async function createSession(options: SessionOptions): Promise<SfnSession> {
	const counter = new CallCounter();
	const {api, hooks} = await createApiWithHooks(options, counter);
	if (options.firstContact) {
		try {
			await api.listStateMachines();
		} catch (error: unknown) {
			throw api.describe(error, 'ListStateMachines');
		}
	}

	const {intervalMs} = options;
	const walls = createWalls(api, hooks, {intervalMs, ...(options.budget !== undefined && {budget: options.budget})});
	const followers = new Set<Follower<unknown>>();
	const executions = new Map<string, Follower<ExecutionData>>();
	const machineRows = rememberedRows<MachineSummary[]>();
	const executionRows = rememberedRows<ExecutionSummary[]>();
	const track = <F extends Follower<unknown>>(follower: F): F => {
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
		machines: () => track(machineRows('machines', followMachines(api, intervalMs))),
		executions: (machineArn, statusFilter) => track(executionRows(`${machineArn}\n${statusFilter ?? ''}`, followExecutions(api, machineArn, statusFilter, intervalMs))),
		running: machineArn => track(walls.running(machineArn)),
		machineWall: () => track(walls.machineWall()),
		mapRun: mapRunArn => track(followMapRun(api, mapRunArn, intervalMs)),
		mapRunExecutions: (mapRunArn, statusFilter) => track(executionRows(`${mapRunArn}\n${statusFilter ?? ''}`, followMapRunExecutions(api, mapRunArn, statusFilter, intervalMs))),
		qualifiers: machineArn => track(followQualifiers(api, machineArn, intervalMs)),
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
