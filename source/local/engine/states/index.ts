import type {StateType} from '../../asl/index.js';
import type {StateRunner} from '../run-states.js';
import {runChoice} from './choice.js';
import {runFail} from './fail.js';
import {runMap} from './map.js';
import {runParallel} from './parallel.js';
import {runPass} from './pass.js';
import {runSucceed} from './succeed.js';
import {runTask} from './task.js';
import {runWait} from './wait.js';

/** One runner per state type: adding a type is one module and one line here. */
export const stateRunners: Record<StateType, StateRunner> = {
	Pass: runPass,
	Task: runTask,
	Choice: runChoice,
	Wait: runWait,
	Succeed: runSucceed,
	Fail: runFail,
	Parallel: runParallel,
	Map: runMap,
};
