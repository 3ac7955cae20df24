/** One history event as AWS shapes it, except `timestamp`: epoch ms here, epoch seconds on the wire. */
export type WireEvent = {
	id: number;
	previousEventId: number;
	timestamp: number;
	type: string;
	[detailsKey: string]: unknown;
};

export type ExecutionOutcome = {
	status: 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';
	output?: string;
	error?: string;
	cause?: string;
};

export type LogRecord = {logGroup: string; logStream: string; timestamp: number; message: string};

/**
 * The details key AWS uses for each event type (the SDK's HistoryEvent shape):
 * every `*StateEntered` shares `stateEnteredEventDetails`, every `*StateExited`
 * `stateExitedEventDetails`; any other type names its own (`MapRunStarted` →
 * `mapRunStartedEventDetails`).
 */
export function detailsKeyOf(type: string): string {
	if (type.endsWith('StateEntered')) {
		return 'stateEnteredEventDetails';
	}

	return type.endsWith('StateExited') ? 'stateExitedEventDetails' : `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}
