/** The event types of a task attempt, read alike by the fold and the state runs. */
export const failureTypes: ReadonlySet<string> = new Set([
	'TaskFailed',
	'TaskTimedOut',
	'TaskStartFailed',
	'TaskSubmitFailed',
	'LambdaFunctionFailed',
	'LambdaFunctionTimedOut',
	'LambdaFunctionStartFailed',
	'LambdaFunctionScheduleFailed',
	'ActivityFailed',
	'ActivityTimedOut',
	'ActivityScheduleFailed',
	'EvaluationFailed',
]);
export const scheduledTypes: ReadonlySet<string> = new Set(['TaskScheduled', 'LambdaFunctionScheduled', 'ActivityScheduled']);
export const successTypes: ReadonlySet<string> = new Set(['TaskSucceeded', 'LambdaFunctionSucceeded', 'ActivitySucceeded']);
export const abortedTypes: ReadonlySet<string> = new Set(['TaskStateAborted', 'WaitStateAborted', 'MapStateAborted', 'ParallelStateAborted']);
