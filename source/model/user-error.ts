/**
 * An error the user can meet and act on. The CLI prints its message as one
 * line on stderr and exits with `exitCode`; it never prints a stack trace.
 *
 * Exit codes (README "Exit codes"): 0 ok, 1 the execution ended unsuccessfully,
 * 2 bad usage or input, 3 AWS or network error.
 */
export class UserError extends Error {
	readonly exitCode: number;

	constructor(message: string, exitCode = 2) {
		super(message);
		this.name = 'UserError';
		this.exitCode = exitCode;
	}
}

export const exitCodes = {
	ok: 0,
	executionUnsuccessful: 1,
	usage: 2,
	aws: 3,
	internal: 70,
} as const;

export function isUserError(error: unknown): error is UserError {
	return error instanceof UserError;
}
