import {consoleUrl} from '../model/console-url.js';
import {sanitize} from '../model/text/sanitize.js';
import type {DashboardActions} from './dashboard-context.js';
import {diffRoute} from './routes.js';

/**
 * What `m`, `d` and `o` do to an execution, the same in the executions list
 * and in the execution view: mark it, compare the marked one with it, show
 * its console address.
 */
export function executionKeys(actions: DashboardActions, marked: string | undefined) {
	return {
		mark(arn: string, name: string) {
			if (marked === arn) {
				actions.mark(undefined);
				actions.notify(`unmarked ${sanitize(name)}`);
			} else {
				actions.mark(arn);
				actions.notify(`marked ${sanitize(name)}; d on another execution compares the two`);
			}
		},
		diff(arn: string) {
			if (marked === undefined) {
				actions.notify('mark an execution with m first, then press d on another to compare them', true);
			} else if (marked === arn) {
				actions.notify('this is the marked execution; press d on another one to compare them', true);
			} else {
				actions.open(diffRoute(marked, arn));
			}
		},
		console(arn: string, startDate: number | undefined) {
			const url = consoleUrl(arn, startDate);
			actions.notify(url ? `console: ${sanitize(url)}` : 'this ARN has no console address', url === undefined);
		},
	};
}
