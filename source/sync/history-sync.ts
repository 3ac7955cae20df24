import {parseDefinitionText} from '../model/graph/definition-input.js';
import type {AwsApi} from '../aws/sfn.js';
import {buildMachineGraph} from '../model/graph/asl-graph.js';
import {executionEndStatus, executionRecordIn, normaliseEvent} from '../model/history/history-event.js';
import {createSnapshot, foldEvents} from '../model/history/history-fold.js';
import {executionNameOf, isExpressExecution, machineArnOfExecution, machineNameOf} from '../model/arn.js';
import {type ExecutionSnapshot, type HistoryEvent, type MachineGraph, type ExecutionDescription} from '../model/types.js';
import {expressLogGroup} from './express-log-group.js';

/**
 * Keeps one execution's folded history up to date at the cost of the new
 * events only. The first load pages through the history once, oldest first;
 * after that each update asks for the newest events first (reverseOrder,
 * a small page) and stops at the last event id it already has — one call per
 * idle tick however long the history is. Express executions have no history
 * API: their CloudWatch Logs execution records are read instead and folded
 * by the same fold.
 */
export class HistorySync {
	readonly events: HistoryEvent[] = [];
	snapshot: ExecutionSnapshot = createSnapshot();
	graph: MachineGraph | undefined;
	description: ExecutionDescription | undefined;
	lastId = 0;
	/** The newest event's type (light syncs keep no events, only this). */
	private lastType: string | undefined;
	private loaded = false;
	private loadToken: string | undefined;
	private logGroup: string | undefined;
	private logCursor = 0;
	private readonly seenLogIds = new Set<string>();
	readonly express: boolean;
	private readonly light: boolean;

	/**
	 * `light` (the running wall): no DescribeExecution or definition, and no
	 * payloads in the pages — a row needs the current state and Map counts only.
	 */
	constructor(private readonly api: AwsApi, readonly executionArn: string, options: {light?: boolean} = {}) {
		this.express = isExpressExecution(executionArn);
		this.light = options.light ?? false;
	}

	get ended(): boolean {
		return this.lastType !== undefined && Object.hasOwn(executionEndStatus, this.lastType);
	}

	/** One poll; resolves to the number of new events folded. */
	async update(): Promise<number> {
		if (this.express) {
			return this.updateFromLogs();
		}

		if (!this.loaded) {
			// The first load resumes where a failed attempt stopped: the description is
			// kept, and each page is folded as it arrives and the next page token kept.
			if (!this.description && !this.light) {
				await this.loadDescription();
			}

			let added = 0;
			do {
				const page = await this.api.getHistoryPage(this.executionArn, {maxResults: 1000, includeExecutionData: !this.light, ...(this.loadToken && {nextToken: this.loadToken})});
				added += this.fold(page.events.map((event, index) => normaliseEvent(event, this.lastId + index + 1)).filter(event => event !== undefined).filter(event => event.id > this.lastId));
				this.loadToken = page.nextToken;
			} while (this.loadToken);

			this.loaded = true;
			return added;
		}

		// Idle check: the newest event's id only, without payloads — one small call.
		const probe = await this.api.getHistoryPage(this.executionArn, {reverseOrder: true, maxResults: 1, includeExecutionData: false});
		const newest = probe.events[0]?.id ?? 0;
		if (newest <= this.lastId) {
			return 0;
		}

		// New events: read exactly the missing ones, newest first, stopping at the last known id.
		const fresh: HistoryEvent[] = [];
		let nextToken: string | undefined;
		let reachedKnown = false;
		const pageSize = Math.min(1000, Math.max(1, newest - this.lastId));
		do {
			const page = await this.api.getHistoryPage(this.executionArn, {reverseOrder: true, maxResults: pageSize, includeExecutionData: !this.light, ...(nextToken && {nextToken})});
			for (const raw of page.events) {
				const event = normaliseEvent(raw, 0);
				if (!event || event.id <= this.lastId) {
					reachedKnown = true;
					break;
				}

				fresh.push(event);
			}

			nextToken = page.nextToken;
		} while (!reachedKnown && nextToken);

		return this.fold(fresh.toReversed());
	}

	/** After the end, one last DescribeExecution for the final fields (output, redrive status). */
	async finalRead(): Promise<void> {
		await this.loadDescription();
	}

	private fold(fresh: HistoryEvent[]): number {
		if (fresh.length === 0) {
			return 0;
		}

		fresh.sort((a, b) => a.id - b.id);
		if (!this.light) {
			this.events.push(...fresh);
		}

		this.lastType = fresh.at(-1)!.type;
		this.lastId = Math.max(this.lastId, fresh.at(-1)!.id);
		this.snapshot = foldEvents(this.snapshot, fresh);
		this.description &&= {
			...this.description,
			status: this.snapshot.status,
			...(this.snapshot.stopDate !== undefined && {stopDate: this.snapshot.stopDate}),
			...(this.snapshot.error !== undefined && {error: this.snapshot.error}),
			...(this.snapshot.cause !== undefined && {cause: this.snapshot.cause}),
			redriveCount: this.snapshot.redriveCount,
		};

		return fresh.length;
	}

	private async loadDescription(): Promise<void> {
		// Each call is retried on its own, and the graph is kept as soon as it arrives.
		const [described, machine] = await Promise.all([
			this.api.describeExecution(this.executionArn),
			this.graph
				? Promise.resolve(undefined)
				: this.api.describeStateMachineForExecution(this.executionArn).then(found => {
					if (found.definition) {
						this.setGraph(buildMachineGraph(parseDefinitionText(found.definition, 'the definition AWS returned')));
					}

					return found;
				}),
		]);
		this.description = {
			arn: this.executionArn,
			name: described.name ?? executionNameOf(this.executionArn),
			machineArn: described.stateMachineArn ?? machineArnOfExecution(this.executionArn),
			machineName: machine?.name ?? machineNameOf(described.stateMachineArn ?? machineArnOfExecution(this.executionArn)),
			status: described.status ?? 'RUNNING',
			...(described.startDate && {startDate: described.startDate.getTime()}),
			...(described.stopDate && {stopDate: described.stopDate.getTime()}),
			...(described.input !== undefined && {input: described.input}),
			...(described.output !== undefined && {output: described.output}),
			...(described.error !== undefined && {error: described.error}),
			...(described.cause !== undefined && {cause: described.cause}),
			redriveCount: described.redriveCount ?? 0,
			...(described.redriveStatus && {redriveStatus: described.redriveStatus}),
			...(described.redriveStatusReason && {redriveStatusReason: described.redriveStatusReason}),
			...(described.stateMachineVersionArn && {versionArn: described.stateMachineVersionArn}),
			...(described.stateMachineAliasArn && {aliasArn: described.stateMachineAliasArn}),
		};
	}

	private setGraph(graph: MachineGraph): void {
		this.graph = graph;
		// Re-fold what we have onto a snapshot that knows every state of the definition.
		this.snapshot = foldEvents(createSnapshot(graph), this.events);
	}

	private async updateFromLogs(): Promise<number> {
		if (!this.logGroup) {
			const machineArn = machineArnOfExecution(this.executionArn);
			const {logGroup, machine} = await expressLogGroup(this.api, machineArn, 'its executions leave no history to follow', 'ALL');
			if (machine.definition) {
				this.setGraph(buildMachineGraph(parseDefinitionText(machine.definition, 'the definition AWS returned')));
			}

			this.logGroup = logGroup;

			this.description = {arn: this.executionArn, name: executionNameOf(this.executionArn), machineArn, machineName: machine.name ?? '', status: 'RUNNING', redriveCount: 0};
		}

		const fresh: HistoryEvent[] = [];
		let nextToken: string | undefined;
		do {
			const page = await this.api.filterLogEvents({logGroupName: this.logGroup, startTime: Math.max(0, this.logCursor - 1000), filterPattern: `"${this.executionArn}"`, ...(nextToken && {nextToken})});
			for (const record of page.events) {
				if (!record.eventId || this.seenLogIds.has(record.eventId)) {
					continue;
				}

				this.seenLogIds.add(record.eventId);
				this.logCursor = Math.max(this.logCursor, record.timestamp ?? 0);
				// Log events that are not this execution's records are skipped.
				const parsed = executionRecordIn(record.message);
				const event = parsed?.execution_arn === this.executionArn ? normaliseEvent(parsed, 0) : undefined;
				if (event) {
					fresh.push(event);
				}
			}

			nextToken = page.nextToken;
		} while (nextToken);

		const count = this.fold(fresh);
		if (this.description?.startDate === undefined && this.snapshot.startDate !== undefined && this.description) {
			this.description = {...this.description, startDate: this.snapshot.startDate, ...(this.snapshot.input !== undefined && {input: this.snapshot.input})};
		}

		return count;
	}
}
