import {activity} from './activity.js';
import type {Integration} from './integration.js';
import {genericService} from './generic-service.js';
import {lambdaFunction} from './lambda-function.js';
import {lambdaInvoke} from './lambda-invoke.js';
import {startExecution} from './start-execution.js';

export type {Integration, TaskInvocation} from './integration.js';

/** Which integration runs a Task's Resource: one module per integration, picked here. */
export function integrationFor(resource: string): Integration {
	if (/^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(resource)) {
		return lambdaFunction;
	}

	if (/^arn:[^:]+:states:::lambda:invoke$/.test(resource)) {
		return lambdaInvoke;
	}

	if (/^arn:[^:]+:states:::states:startExecution(?:\.sync(?::2)?)?$/.test(resource)) {
		return startExecution;
	}

	return /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(resource) ? activity : genericService;
}
