import process from 'node:process';
import type {TypedFlags} from 'meow';
import {regionOfArn} from '../model/arn.js';
import {UserError} from '../model/user-error.js';
import type {SessionOptions} from '../sync/session.js';
import type {sharedFlags} from './global-flags.js';

/** The shared flags as meow parsed them; a command has only some of them. */
export type SharedFlagValues = Partial<TypedFlags<typeof sharedFlags>>;

export type DisplayOptions = {
	/** False for --no-color or NO_COLOR (https://no-color.org). */
	color: boolean;
	ascii: boolean;
	/** Columns to draw in; Infinity for --width 0 (unlimited). */
	width: number;
};

/** What every command gets from the shared flags, checked and in the units the code uses. */
export type CommandOptions = {session: SessionOptions; display: DisplayOptions};

/** Followers poll at most every second by default; faster than 5 a second only loads the API. */
const defaultIntervalSeconds = 1;
const minimumIntervalSeconds = 0.2;
/** No account's GetExecutionHistory refill is anywhere near this; a larger --budget is a typo. */
const maximumBudget = 100;

/**
 * The one place where the values of the shared flags are checked and turned
 * into options: --interval (seconds) becomes `intervalMs`, --width 0 becomes
 * unlimited, --no-color and NO_COLOR turn colour off. A value that cannot be
 * used is one UserError line (exit 2), before anything is started. A full
 * ARN among the command's words gives the region when nothing else does.
 */
export function commandOptions(flags: SharedFlagValues, stdout: {isTTY?: boolean; columns?: number}, environment: NodeJS.ProcessEnv = process.env, input: readonly string[] = []): CommandOptions {
	const arnRegion = input.map(word => regionOfArn(word)).find(Boolean);
	const intervalSeconds = flags.interval ?? defaultIntervalSeconds;
	if (!Number.isFinite(intervalSeconds) || intervalSeconds < minimumIntervalSeconds) {
		throw new UserError(`--interval takes seconds, at least ${minimumIntervalSeconds}, not "${String(flags.interval)}"`);
	}

	if (flags.budget !== undefined && !(Number.isFinite(flags.budget) && flags.budget > 0 && flags.budget <= maximumBudget)) {
		throw new UserError(`--budget takes row reads per second, more than 0 and at most ${maximumBudget}, not "${String(flags.budget)}"`);
	}

	return {
		session: {
			...(flags.profile !== undefined && {profile: flags.profile}),
			...(flags.region !== undefined && {region: flags.region}),
			...(flags.endpointUrl !== undefined && {endpointUrl: flags.endpointUrl}),
			...(arnRegion && {arnRegion}),
			readOnly: flags.readOnly ?? false,
			intervalMs: Math.round(intervalSeconds * 1000),
			...(flags.budget !== undefined && {budget: flags.budget}),
		},
		display: {
			color: flags.color !== false && !environment.NO_COLOR,
			ascii: flags.ascii ?? false,
			width: outputWidth(flags.width, stdout),
		},
	};
}

/** --width wins (0 = unlimited), else the terminal's width, else 100 for pipes and files, as the graph issue asks. */
function outputWidth(width: number | undefined, stdout: {isTTY?: boolean; columns?: number}): number {
	if (width !== undefined && Number.isFinite(width)) {
		return width <= 0 ? Infinity : Math.floor(width);
	}

	return stdout.isTTY && stdout.columns ? stdout.columns : 100;
}
