/**
 * A States Language error: what a state fails with and what Retry/Catch match
 * on. `error` and `cause` are written to the history as AWS writes them
 * (checked against recorded AWS histories, see the tests).
 */
export class StatesError extends Error {
	/**
	 * `located`: the cause already names the state it happened in (see state-failure.ts).
	 * `location`: for a failed JSONata expression, the field it sits in (`Output/result`), which AWS
	 * writes as `evaluationFailedEventDetails.location`.
	 */
	constructor(readonly error: string, override readonly cause: string, readonly located = false, readonly location?: string) {
		super(`${error}: ${cause}`);
		this.name = 'StatesError';
	}

	/** The error output a Catch hands on: `{"Error", "Cause"}`. */
	toErrorOutput(): {Error: string; Cause: string} {
		return {Error: this.error, Cause: this.cause};
	}
}

export const runtimeError = (cause: string) => new StatesError('States.Runtime', cause);
export const queryEvaluationError = (cause: string, location?: string) => new StatesError('States.QueryEvaluationError', cause, false, location);
export const intrinsicFailure = (cause: string) => new StatesError('States.IntrinsicFailure', cause);
