import {VariableScope, type ContextObject, type QueryLanguage, type StateEnv} from '../../../source/local/asl/index.js';

export const sampleContext = (stateName = 'State0'): ContextObject => ({
	Execution: {
		Id: 'arn:aws:states:us-east-1:123456789012:execution:machine:run-1',
		Input: {input_value: 'input_value_literal'},
		Name: 'run-1',
		RoleArn: 'arn:aws:iam::123456789012:role/role',
		StartTime: '2026-11-29T00:00:00.000Z',
		RedriveCount: 0,
	},
	State: {Name: stateName, EnteredTime: '2026-11-29T00:00:00.100Z', RetryCount: 0},
	StateMachine: {Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:machine', Name: 'machine'},
});

/** An environment for one state, as the engine builds it. */
export function stateEnv(options: {language?: QueryLanguage; variables?: Record<string, unknown>; stateName?: string; enteredEventId?: number} = {}): StateEnv {
	const variables = new VariableScope();
	if (options.variables) {
		variables.apply(options.variables);
	}

	return {context: sampleContext(options.stateName), variables, language: options.language ?? 'JSONPath', enteredEventId: options.enteredEventId};
}
