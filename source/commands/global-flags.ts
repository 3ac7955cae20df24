import type {AnyFlags} from 'meow';

/** Flags about how output looks, accepted by every command that prints. */
export const displayFlags = {
	color: {type: 'boolean', default: true},
	ascii: {type: 'boolean', default: false},
	width: {type: 'number'},
} satisfies AnyFlags;

export const displayFlagHelp = [
	'--width N           Maximum line width (default: terminal width, 100 when not a TTY; 0 = unlimited)',
	'--ascii             Draw with plain +-|> characters instead of box drawing',
	'--no-color          No colours (also when NO_COLOR is set)',
];

/** Flags for commands that talk to AWS (or `sfntop serve`). */
export const awsFlags = {
	profile: {type: 'string'},
	region: {type: 'string'},
	endpointUrl: {type: 'string'},
	readOnly: {type: 'boolean', default: false},
} satisfies AnyFlags;

export const awsFlagHelp = [
	'--profile NAME      AWS profile from your shared config (default: AWS_PROFILE or default)',
	'--region REGION     AWS region (default: AWS_REGION / your profile\'s region)',
	'--endpoint-url URL  Talk to another endpoint, e.g. `sfntop serve` (also AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_SFN, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS)',
	'--read-only         Never call a mutating API (start, stop, redrive are refused)',
];

/** Whether colour is wanted: --no-color or NO_COLOR (https://no-color.org) turn it off. */
export function wantsColor(flags: Record<string, unknown>, environment: NodeJS.ProcessEnv = process.env): boolean {
	if (flags.color === false) {
		return false;
	}

	const noColor = environment.NO_COLOR;
	return noColor === undefined || noColor === '';
}

/**
 * The width to draw at: --width wins (0 = unlimited), else the terminal's
 * width, else 100 for pipes and files, as the graph issue asks.
 */
export function outputWidth(flags: Record<string, unknown>, stdout: NodeJS.WriteStream): number {
	const {width} = flags;
	if (typeof width === 'number' && Number.isFinite(width)) {
		return width <= 0 ? Infinity : Math.floor(width);
	}

	return stdout.isTTY && stdout.columns ? stdout.columns : 100;
}
