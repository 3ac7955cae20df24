import {machineNameOf} from '../model/arn.js';
import type {ExecutionStatus} from '../model/types.js';
import type {RunningSortKey} from '../model/wall/running-order.js';

export type Panel = 'graph' | 'details' | 'events';

export type Route =
	| {view: 'machines'; cursor: number; filter: string}
	/** `qualifier`: a version or alias ARN — only the executions started through it; `versionsAsked`: `v` was pressed, so read the machine's versions and aliases. */
	| {view: 'executions'; machineArn: string; machineName: string; cursor: number; filter: string; status?: ExecutionStatus; qualifier?: string; versionsAsked?: boolean; /** ARNs selected with space, for x and R in bulk. */ selection?: readonly string[]}
	| {view: 'machine-wall'; cursor: number; filter: string}
	| {view: 'running'; machineArn: string; machineName: string; cursor: number; filter: string; sort: RunningSortKey}
	/** `trail`: how a drill-down got here (parent execution, the state that started this one), for the breadcrumbs. */
	| {view: 'execution'; executionArn: string; selected?: string; panel: Panel; eventCursor: number | 'end'; filter: string; logScroll: number; trail?: string[]; /** `t`: the timeline instead of the graph, and its selected row (until you move it: the selected state's row). */ timeline?: {cursor?: number}}
	/** A Distributed Map run of an execution's Map state: its progress and child executions. */
	| {view: 'map-run'; mapRunArn: string; executionArn: string; stateName: string; trail: string[]; cursor: number; filter: string; status?: ExecutionStatus}
	/** Two executions compared; `cursor` is the first line shown. */
	| {view: 'diff'; a: string; b: string; cursor: number; filter: string};

export const machinesRoute = (): Route => ({view: 'machines', cursor: 0, filter: ''});
export const executionsRoute = (machineArn: string, machineName: string): Route => ({view: 'executions', machineArn, machineName, cursor: 0, filter: ''});
export const machineWallRoute = (): Route => ({view: 'machine-wall', cursor: 0, filter: ''});
export const runningRoute = (machineArn: string, machineName: string): Route => ({view: 'running', machineArn, machineName, cursor: 0, filter: '', sort: 'elapsed'});
export const diffRoute = (a: string, b: string): Route => ({view: 'diff', a, b, cursor: 0, filter: ''});
export const executionRoute = (executionArn: string, trail?: string[]): Extract<Route, {view: 'execution'}> => ({view: 'execution', executionArn, panel: 'graph', eventCursor: 'end', filter: '', logScroll: 0, ...(trail && trail.length > 0 && {trail})});
export const mapRunRoute = (mapRunArn: string, executionArn: string, stateName: string, trail: string[]): Route => ({view: 'map-run', mapRunArn, executionArn, stateName, trail, cursor: 0, filter: ''});

/** The last part of an ARN: a machine or execution name. */
export function nameFromArn(arn: string): string {
	return machineNameOf(arn);
}
