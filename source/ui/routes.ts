import {machineNameOf} from '../model/arn.js';
import type {ExecutionStatus} from '../model/types.js';

export type Panel = 'graph' | 'details' | 'events';

export type Route =
	| {view: 'machines'; cursor: number; filter: string}
	| {view: 'executions'; machineArn: string; machineName: string; cursor: number; filter: string; status?: ExecutionStatus; /** ARNs selected with space, for x and R in bulk. */ selection?: readonly string[]}
	| {view: 'running'; machineArn: string; machineName: string; cursor: number; filter: string}
	| {view: 'execution'; executionArn: string; selected?: string; panel: Panel; eventCursor: number | 'end'; filter: string; logScroll: number; /** `t`: the timeline instead of the graph, and its selected row. */ timeline?: {cursor: number}}
	/** Two executions compared; `cursor` is the first line shown. */
	| {view: 'diff'; a: string; b: string; cursor: number; filter: string};

export const machinesRoute = (): Route => ({view: 'machines', cursor: 0, filter: ''});
export const executionsRoute = (machineArn: string, machineName: string): Route => ({view: 'executions', machineArn, machineName, cursor: 0, filter: ''});
export const runningRoute = (machineArn: string, machineName: string): Route => ({view: 'running', machineArn, machineName, cursor: 0, filter: ''});
export const diffRoute = (a: string, b: string): Route => ({view: 'diff', a, b, cursor: 0, filter: ''});
export const executionRoute = (executionArn: string): Route => ({view: 'execution', executionArn, panel: 'graph', eventCursor: 'end', filter: '', logScroll: 0});

/** The last part of an ARN: a machine or execution name. */
export function nameFromArn(arn: string): string {
	return machineNameOf(arn);
}
