import {StateFailure} from '../failure.js';
import type {Integration} from './integration.js';

/**
 * An activity ARN as the Resource: on AWS the task waits for a worker to
 * call GetActivityTask. sfntop serve has no activities API, so such a task
 * would wait forever; it fails the execution at once, saying why.
 */
export const activity: Integration = async invocation => {
	throw new StateFailure('States.Runtime', `sfntop serve does not run activities (no worker can call GetActivityTask): the Task state '${invocation.call.state.name}' uses ${invocation.resource}.`, true);
};
