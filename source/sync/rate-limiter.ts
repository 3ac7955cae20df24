/**
 * One token bucket per API, shared by every follower in the process, so that
 * watching fifty executions cannot throttle the production workflows they
 * belong to. Defaults are half of Step Functions' published per-account
 * quotas (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 * "Quotas related to API action throttling"; CloudWatch Logs FilterLogEvents is 5/s).
 */
export type Bucket = {burst: number; perSecond: number};

export const defaultBuckets: Record<string, Bucket> = {
	GetExecutionHistory: {burst: 125, perSecond: 2.5},
	DescribeExecution: {burst: 125, perSecond: 7.5},
	DescribeStateMachineForExecution: {burst: 100, perSecond: 5},
	DescribeStateMachine: {burst: 100, perSecond: 10},
	ListExecutions: {burst: 50, perSecond: 1},
	ListStateMachines: {burst: 50, perSecond: 2.5},
	FilterLogEvents: {burst: 5, perSecond: 2.5},
	StartExecution: {burst: 100, perSecond: 50},
	StopExecution: {burst: 100, perSecond: 50},
	RedriveExecution: {burst: 100, perSecond: 50},
};

const fallbackBucket: Bucket = {burst: 20, perSecond: 2};

export type Clock = {now(): number; sleep(ms: number): Promise<void>};

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async ms => new Promise(resolve => {
		setTimeout(resolve, ms);
	}),
};

export class RateLimiter {
	private readonly state = new Map<string, {tokens: number; updated: number}>();

	constructor(private readonly buckets: Record<string, Bucket> = defaultBuckets, private readonly clock: Clock = realClock) {}

	/** Waits until a token for `api` is available, then takes it. */
	async take(api: string): Promise<void> {
		const bucket = this.buckets[api] ?? fallbackBucket;
		for (;;) {
			const now = this.clock.now();
			const entry = this.state.get(api) ?? {tokens: bucket.burst, updated: now};
			entry.tokens = Math.min(bucket.burst, entry.tokens + (((now - entry.updated) / 1000) * bucket.perSecond));
			entry.updated = now;
			this.state.set(api, entry);
			if (entry.tokens >= 1) {
				entry.tokens -= 1;
				return;
			}

			await this.clock.sleep(Math.ceil(((1 - entry.tokens) / bucket.perSecond) * 1000));
		}
	}
}
