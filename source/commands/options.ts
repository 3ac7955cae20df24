import process from 'node:process';
import {WriteStream} from 'node:tty';
import type {TypedFlags} from 'meow';
import {regionOfArn} from '../model/arn.js';
import {UserError} from '../model/user-error.js';
import type {SessionOptions} from '../sync/session.js';
import type {sharedFlags} from './global-flags.js';

/** The shared flags as meow parsed them; a command has only some of them. */
export type SharedFlagValues = Partial<TypedFlags<typeof sharedFlags>>;

export type DisplayOptions = {
	/** Whether to write SGR codes at all: see `wantsColor`. */
	color: boolean;
	ascii: boolean;
	/** Columns to draw in (graph, replay): --width (0 = Infinity, unlimited), the terminal's, or 100 in a pipe. */
	width: number;
	/**
	 * Where line output (ls, tail) is cut: --width, or the terminal's width; in a
	 * pipe or a file Infinity — a script gets every character.
	 */
	lineWidth: number;
};

/** What the options need to know of standard output. */
export type OutputStream = {isTTY?: boolean; columns?: number};

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
export function commandOptions(flags: SharedFlagValues, stdout: OutputStream, environment: NodeJS.ProcessEnv = process.env, input: readonly string[] = []): CommandOptions {
	const arnRegion = input.map(word => regionOfArn(word)).find(Boolean);
	for (const name of ['profile', 'region', 'endpointUrl'] as const) {
		if (flags[name] !== undefined && !flags[name].trim()) {
			throw new UserError(`--${name === 'endpointUrl' ? 'endpoint-url' : name} needs a value`);
		}
	}

	const intervalSeconds = flags.interval === undefined ? defaultIntervalSeconds : numberIn(flags.interval);
	if (intervalSeconds === undefined || intervalSeconds < minimumIntervalSeconds) {
		throw new UserError(`--interval takes seconds, at least ${minimumIntervalSeconds}, not "${flags.interval}"`);
	}

	const width = flags.width === undefined ? undefined : numberIn(flags.width);
	if (flags.width !== undefined && width === undefined) {
		throw new UserError(`--width takes a number of columns (0 = unlimited), not "${flags.width}"`);
	}

	const budget = flags.budget === undefined ? undefined : numberIn(flags.budget);
	if (flags.budget !== undefined && !(budget !== undefined && budget > 0 && budget <= maximumBudget)) {
		throw new UserError(`--budget takes row reads per second, more than 0 and at most ${maximumBudget}, not "${flags.budget}"`);
	}

	return {
		session: {
			...(flags.profile !== undefined && {profile: flags.profile}),
			...(flags.region !== undefined && {region: flags.region}),
			...(flags.endpointUrl !== undefined && {endpointUrl: flags.endpointUrl}),
			...(arnRegion && {arnRegion}),
			readOnly: flags.readOnly ?? false,
			intervalMs: Math.round(intervalSeconds * 1000),
			...(budget !== undefined && {budget}),
		},
		display: {
			color: flags.color !== false && wantsColor(stdout, environment),
			ascii: flags.ascii ?? false,
			width: outputWidth(width, stdout),
			lineWidth: width === undefined && !stdout.isTTY ? Infinity : outputWidth(width, stdout),
		},
	};
}

/**
 * Colour only where a person reads it: on a terminal that has colours (Node's
 * tty.WriteStream#hasColors: TERM, COLORTERM, TERM=dumb…), never with NO_COLOR
 * (https://no-color.org: set and not empty) or NODE_DISABLE_COLORS; in a pipe
 * or a file only when FORCE_COLOR asks (any value but 0 or false). FORCE_COLOR
 * wins over NO_COLOR, as in Node and chalk: it is the one set for this command
 * (`FORCE_COLOR=1 sfntop ls | less -R` with NO_COLOR in the shell's profile).
 * --no-color is checked by the caller and beats everything.
 */
export function wantsColor(stdout: OutputStream, environment: NodeJS.ProcessEnv): boolean {
	// Node would warn on stderr that NO_COLOR is ignored; the rules above already decided that.
	const {NO_COLOR: noColor, NODE_DISABLE_COLORS: disabled, ...rest} = environment;
	const allowed = rest.FORCE_COLOR !== undefined || (Boolean(stdout.isTTY) && !noColor && disabled === undefined);
	return allowed && WriteStream.prototype.hasColors(rest);
}

/**
 * A non-negative decimal number as people type one (`2`, `0.5`, `.5`); not
 * what Number() also takes (`''`, `0x10`, `1e3`, `Infinity`, ` 5`). The shared
 * number flags are strings to meow, so the line that refuses one shows what
 * was typed, not NaN, and `--interval -3` is a value, not a flag.
 */
function numberIn(text: string): number | undefined {
	return /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(text) ? Number(text) : undefined;
}

/** --width wins (0 = unlimited), else the terminal's width, else 100 for pipes and files, as the graph issue asks. */
function outputWidth(width: number | undefined, stdout: OutputStream): number {
	if (width !== undefined) {
		return width <= 0 ? Infinity : Math.floor(width);
	}

	return stdout.isTTY && stdout.columns ? stdout.columns : 100;
}
