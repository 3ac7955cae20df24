import {randomBytes} from 'node:crypto';
import {eventDetails} from '../model/history/history-event.js';
import type {WireEvent} from './engine/wire-event.js';
import type {Store} from './store.js';
import type {StoredExecution, StoredMachine} from './store-types.js';

const errorEventTypes = /Failed$|TimedOut$|Aborted$/;

/**
 * An execution's records in AWS's CloudWatch Logs format (the only history an
 * Express execution has), filtered by the machine's logging level; undefined
 * when the machine logs nothing.
 */
export function executionRecordWriter(store: Store, execution: StoredExecution, machine: StoredMachine | undefined): ((event: WireEvent) => void) | undefined {
	const logging = machine?.loggingConfiguration;
	const level = logging?.level ?? 'OFF';
	const groupArn = logging?.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
	const group = groupArn ? /:log-group:([^:]+)/.exec(groupArn)?.[1] : undefined;
	if (level === 'OFF' || !group) {
		return undefined;
	}

	const minute = new Date(execution.startDate).toISOString().slice(0, 16).replace('T', '-').replace(':', '-');
	const stream = `states/${execution.machineName}/${minute}/${randomBytes(4).toString('hex')}`;
	return event => {
		const isError = errorEventTypes.test(event.type);
		if ((level === 'ERROR' && !isError) || (level === 'FATAL' && !/^Execution(?:Failed|Aborted|TimedOut)$/.test(event.type))) {
			return;
		}

		const {id, previousEventId, timestamp, type} = event;
		const details = eventDetails(event);
		const shown = logging?.includeExecutionData ? details : Object.fromEntries(Object.entries(details).filter(([key]) => key !== 'input' && key !== 'output'));
		const record = {id: String(id), type, details: shown, previous_event_id: String(previousEventId), event_timestamp: String(timestamp), execution_arn: execution.arn, redrive_count: String(execution.redriveCount)};
		store.addLog(group, stream, timestamp, JSON.stringify(record));
	};
}
