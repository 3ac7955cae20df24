import {notYet} from './not-yet.js';
import type {StateEnv, StateExit} from './state-env.js';
import type {AslState} from './types.js';

export type ChoiceOutcome = StateExit & {next: string};

/** The first matching rule's Next (else Default), the state's output and the matched rule's Assign; throws States.NoChoiceMatched. */
export async function choose(_state: AslState, _stateInput: unknown, _env: StateEnv): Promise<ChoiceOutcome> {
	return notYet('choose');
}
