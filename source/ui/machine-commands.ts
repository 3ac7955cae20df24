import type {DashboardActions} from './dashboard-context.js';
import {executionsRoute, runningRoute} from './routes.js';

/** What the keys do on a machine row, in the machines list and the wall of machines alike. */
export function machineCommands(actions: DashboardActions, selected: {arn: string; name: string} | undefined) {
	return {
		enter() {
			if (selected) {
				actions.open(executionsRoute(selected.arn, selected.name));
			}
		},
		running() {
			if (selected) {
				actions.open(runningRoute(selected.arn, selected.name));
			}
		},
		start() {
			if (selected) {
				actions.prompt({kind: 'start', machineArn: selected.arn, machineName: selected.name});
			}
		},
	};
}
