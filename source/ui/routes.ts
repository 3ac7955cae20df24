import {machineNameOf} from '../model/arn.js';
import type {ExecutionStatus} from '../model/types.js';
import type {RunningSortKey} from '../model/wall/running-order.js';

export type Panel = 'graph' | 'details' | 'events';

export type Route =
	| {view: 'machines'; cursor: number; filter: string}
	| {view: 'machine-wall'; cursor: number; filter: string}
	| {view: 'executions'; machineArn: string; machineName: string; cursor: number; filter: string; status?: ExecutionStatus}
	| {view: 'running'; machineArn: string; machineName: string; cursor: number; filter: string; sort: RunningSortKey}
	| {view: 'execution'; executionArn: string; selected?: string; panel: Panel; eventCursor: number | 'end'; filter: string; logScroll: number};

export const machinesRoute = (): Route => ({view: 'machines', cursor: 0, filter: ''});
export const executionsRoute = (machineArn: string, machineName: string): Route => ({view: 'executions', machineArn, machineName, cursor: 0, filter: ''});
export const machineWallRoute = (): Route => ({view: 'machine-wall', cursor: 0, filter: ''});
export const runningRoute = (machineArn: string, machineName: string): Route => ({view: 'running', machineArn, machineName, cursor: 0, filter: '', sort: 'elapsed'});
export const executionRoute = (executionArn: string): Route => ({view: 'execution', executionArn, panel: 'graph', eventCursor: 'end', filter: '', logScroll: 0});

/** The last part of an ARN: a machine or execution name. */
export function nameFromArn(arn: string): string {
	return machineNameOf(arn);
}
