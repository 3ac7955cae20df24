import {parseStatesArn} from './arn.js';

/** The console's host for a partition (China and GovCloud have their own). */
function consoleHost(partition: string, region: string): string {
	if (partition === 'aws-cn') {
		return `${region}.console.amazonaws.cn`;
	}

	return partition === 'aws-us-gov' ? 'console.amazonaws-us-gov.com' : `${region}.console.aws.amazon.com`;
}

/**
 * The AWS console address of an execution or a state machine, as the Step
 * Functions console links them: `#/v2/executions/details/ARN` for a Standard
 * execution, `#/express-executions/details/ARN?startDate=MS` for an Express
 * one (the console needs its start to find its log records),
 * `#/statemachines/view/ARN` for a machine. Undefined for anything else.
 */
export function consoleUrl(arn: string, startDate?: number): string | undefined {
	const parsed = parseStatesArn(arn);
	if (!parsed) {
		return undefined;
	}

	const base = `https://${consoleHost(parsed.partition, parsed.region)}/states/home?region=${parsed.region}#/`;
	if (parsed.kind === 'stateMachine') {
		return `${base}statemachines/view/${arn}`;
	}

	return parsed.express ? `${base}express-executions/details/${arn}${startDate === undefined ? '' : `?startDate=${startDate}`}` : `${base}v2/executions/details/${arn}`;
}
