/**
 * Exit codes (README "Exit codes"): 0 ok, 1 the execution ended unsuccessfully,
 * 2 bad usage or input, 3 AWS or network error, 130 interrupted (Ctrl-C),
 * 70 a bug in sfntop.
 */
export const exitCodes = {
	ok: 0,
	executionUnsuccessful: 1,
	usage: 2,
	aws: 3,
	internal: 70,
	interrupted: 130,
} as const;

/**
 * What kind of trouble an error is, and so its exit code. Code that has to
 * decide something about an error (exit code, retry, wording) asks its kind,
 * never its message.
 */
export const errorKinds = {
	/** A bad flag, file, JSON text or target text: the user can fix the command line. */
	usage: exitCodes.usage,
	/** What the user named does not exist, or is not a valid ARN. */
	notFound: exitCodes.usage,
	/** AWS (or --read-only) refused what was asked: not redrivable, name taken, input refused, wrong machine type. */
	refused: exitCodes.usage,
	/** Credentials, region, access, throttling, unexpected answers: AWS trouble. */
	aws: exitCodes.aws,
	/** The endpoint cannot be reached, or the connection dropped. */
	network: exitCodes.aws,
} as const;

export type ErrorKind = keyof typeof errorKinds;

/**
 * An error the user can meet and act on. The CLI prints its message as one
 * line on stderr and exits with its kind's exit code; never a stack trace.
 */
export class UserError extends Error {
	readonly kind: ErrorKind;

	constructor(message: string, kind: ErrorKind = 'usage') {
		super(message);
		this.name = 'UserError';
		this.kind = kind;
	}

	get exitCode(): number {
		return errorKinds[this.kind];
	}
}

export function isUserError(error: unknown): error is UserError {
	return error instanceof UserError;
}
