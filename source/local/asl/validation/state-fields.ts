/*
 * Which fields each state type takes, and which belong to one query
 * language only (AWS docs "State machine structure" and each state's page;
 * AWS refuses anything else with "Field 'X' is not supported", and a field of
 * the other language with "The QueryLanguage is set to 'JSONPath', but field
 * 'Output' is only supported for the 'JSONata' QueryLanguage" — measured
 * against AWS in floci-io/floci issues 2735 and 2968).
 */
import type {StateType} from '../types.js';

export const stateTypes: StateType[] = ['Task', 'Wait', 'Pass', 'Succeed', 'Fail', 'Choice', 'Parallel', 'Map'];

const common = ['Type', 'Comment', 'QueryLanguage'];
const transition = ['Next', 'End'];
const io = ['InputPath', 'OutputPath', 'Output'];
const errors = ['Retry', 'Catch'];

export const fieldsByType: Record<StateType, Set<string>> = {
	Pass: new Set([...common, ...transition, ...io, 'Parameters', 'ResultPath', 'Result', 'Assign']),
	Task: new Set([...common,
		...transition,
		...io,
		...errors,
		'Parameters',
		'ResultSelector',
		'ResultPath',
		'Arguments',
		'Assign',
		'Resource',
		'TimeoutSeconds',
		'TimeoutSecondsPath',
		'HeartbeatSeconds',
		'HeartbeatSecondsPath',
		'Credentials']),
	Choice: new Set([...common, ...io, 'Assign', 'Choices', 'Default']),
	Wait: new Set([...common, ...transition, ...io, 'Assign', 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']),
	Succeed: new Set([...common, ...io]),
	Fail: new Set([...common, 'Error', 'ErrorPath', 'Cause', 'CausePath']),
	Parallel: new Set([...common, ...transition, ...io, ...errors, 'Parameters', 'ResultSelector', 'ResultPath', 'Arguments', 'Assign', 'Branches']),
	Map: new Set([...common,
		...transition,
		...io,
		...errors,
		'Parameters',
		'ResultSelector',
		'ResultPath',
		'Assign',
		'ItemsPath',
		'Items',
		'ItemSelector',
		'ItemProcessor',
		'Iterator',
		'ItemReader',
		'ItemBatcher',
		'ResultWriter',
		'MaxConcurrency',
		'MaxConcurrencyPath',
		'ToleratedFailurePercentage',
		'ToleratedFailurePercentagePath',
		'ToleratedFailureCount',
		'ToleratedFailureCountPath',
		'Label']),
};

export const jsonPathOnlyFields = new Set([
	'InputPath',
	'OutputPath',
	'Parameters',
	'ResultSelector',
	'ResultPath',
	'Result',
	'ItemsPath',
	'SecondsPath',
	'TimestampPath',
	'TimeoutSecondsPath',
	'HeartbeatSecondsPath',
	'MaxConcurrencyPath',
	'ToleratedFailurePercentagePath',
	'ToleratedFailureCountPath',
	'ErrorPath',
	'CausePath',
]);

export const jsonataOnlyFields = new Set(['Arguments', 'Output', 'Items']);

/** Fields whose value may be one `{% %}` JSONata expression in a JSONata state. */
export const jsonataValueFields = new Set([
	'Arguments',
	'Output',
	'Assign',
	'Items',
	'ItemSelector',
	'Seconds',
	'Timestamp',
	'TimeoutSeconds',
	'HeartbeatSeconds',
	'MaxConcurrency',
	'ToleratedFailurePercentage',
	'ToleratedFailureCount',
	'Error',
	'Cause',
	'Credentials',
]);

/** A literal and its `…Path` twin exclude each other. */
export const exclusivePairs: Array<[string, string]> = [
	['TimeoutSeconds', 'TimeoutSecondsPath'],
	['HeartbeatSeconds', 'HeartbeatSecondsPath'],
	['MaxConcurrency', 'MaxConcurrencyPath'],
	['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
	['ToleratedFailureCount', 'ToleratedFailureCountPath'],
	['Error', 'ErrorPath'],
	['Cause', 'CausePath'],
	['ItemProcessor', 'Iterator'],
	['Parameters', 'ItemSelector'],
];

export const retrierFields = new Set(['ErrorEquals', 'IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds', 'JitterStrategy', 'Comment']);
export const catcherFields = new Set(['ErrorEquals', 'Next', 'ResultPath', 'Output', 'Assign', 'Comment']);
export const branchFields = new Set(['StartAt', 'States', 'Comment']);
export const processorFields = new Set(['StartAt', 'States', 'Comment', 'ProcessorConfig']);
export const machineFields = new Set(['StartAt', 'States', 'Comment', 'Version', 'TimeoutSeconds', 'QueryLanguage']);
