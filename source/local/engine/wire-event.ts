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

/** The details key AWS uses for each event type (the SDK's HistoryEvent shape). */
export function detailsKeyOf(type: string): string | undefined {
	if (type.endsWith('StateEntered')) {
		return 'stateEnteredEventDetails';
	}

	if (type.endsWith('StateExited')) {
		return 'stateExitedEventDetails';
	}

	const known: Record<string, string> = {
		ExecutionStarted: 'executionStartedEventDetails',
		ExecutionSucceeded: 'executionSucceededEventDetails',
		ExecutionFailed: 'executionFailedEventDetails',
		ExecutionAborted: 'executionAbortedEventDetails',
		ExecutionTimedOut: 'executionTimedOutEventDetails',
		ExecutionRedriven: 'executionRedrivenEventDetails',
		LambdaFunctionScheduled: 'lambdaFunctionScheduledEventDetails',
		LambdaFunctionSucceeded: 'lambdaFunctionSucceededEventDetails',
		LambdaFunctionFailed: 'lambdaFunctionFailedEventDetails',
		LambdaFunctionTimedOut: 'lambdaFunctionTimedOutEventDetails',
		TaskScheduled: 'taskScheduledEventDetails',
		TaskStarted: 'taskStartedEventDetails',
		TaskSucceeded: 'taskSucceededEventDetails',
		TaskFailed: 'taskFailedEventDetails',
		TaskTimedOut: 'taskTimedOutEventDetails',
		MapStateStarted: 'mapStateStartedEventDetails',
		MapIterationStarted: 'mapIterationStartedEventDetails',
		MapIterationSucceeded: 'mapIterationSucceededEventDetails',
		MapIterationFailed: 'mapIterationFailedEventDetails',
		MapIterationAborted: 'mapIterationAbortedEventDetails',
	};
	return known[type];
}
