import type {StateCall, StateExit} from '../run-states.js';
import {runDistributedMap} from './distributed-map.js';
import {runInlineMap} from './inline-map.js';

/** Map: inline iterations in this execution, or (ProcessorConfig.Mode DISTRIBUTED) a map run of child executions. */
export async function runMap(call: StateCall): Promise<StateExit> {
	return call.state.distributed ? runDistributedMap(call) : runInlineMap(call);
}
