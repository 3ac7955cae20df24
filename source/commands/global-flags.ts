import type {AnyFlags} from 'meow';

/** Flags about how output looks, accepted by every command that prints. */
export const displayFlags = {
	color: {type: 'boolean', default: true},
	ascii: {type: 'boolean', default: false},
	// Strings: commandOptions() reads the number, so its error line can show what was typed.
	width: {type: 'string'},
} satisfies AnyFlags;

export const noColorHelp = '--no-color          No colours (colour is only for terminals: NO_COLOR turns it off, FORCE_COLOR on in pipes)';

export const displayFlagHelp = [
	'--width N           Maximum line width (default: terminal width, 100 when not a TTY; 0 = unlimited)',
	'--ascii             Draw with plain +-|> characters instead of box drawing',
	noColorHelp,
];

/** Flags for commands that talk to AWS (or `sfntop serve`); the CLI adds them to every command with `usesAws`. */
export const awsFlags = {
	profile: {type: 'string'},
	region: {type: 'string'},
	endpointUrl: {type: 'string'},
	readOnly: {type: 'boolean', default: false},
} satisfies AnyFlags;

export const awsFlagHelp = [
	'--profile NAME      AWS profile from your shared config (default: AWS_PROFILE or default)',
	'--region REGION     AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, your profile\'s, a full ARN\'s)',
	'--endpoint-url URL  Talk to another endpoint, e.g. `sfntop serve` (also AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_SFN, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS)',
	'--read-only         Never call a mutating API (start, stop, redrive are refused)',
];

/** How often followers poll, in seconds on the command line (the dashboard, tail, start --tail). */
export const intervalFlag = {
	interval: {type: 'string'},
} satisfies AnyFlags;

/** The running wall's call budget, in row reads per second (the dashboard and `ls --wide`). */
export const budgetFlag = {
	// A string to meow, read by commandOptions: the refusal then names what was typed, not NaN.
	budget: {type: 'string'},
} satisfies AnyFlags;

export const budgetFlagHelp = '--budget N          Row reads a second for the running wall (default 2.5: half the account\'s GetExecutionHistory refill)';

/** Every flag whose meaning is the same for all commands: commands/options.ts turns their values into options. */
export const sharedFlags = {...displayFlags, ...awsFlags, ...intervalFlag, ...budgetFlag} satisfies AnyFlags;

/**
 * Whether argv word `argument` is a shared flag that takes the next word as its
 * value (`--interval 1`, `--region eu-west-1`): that word is then neither a
 * command nor a dashboard target.
 */
export function takesNextWord(argument: string): boolean {
	if (!argument.startsWith('-') || argument.includes('=')) {
		return false;
	}

	const name = argument.replace(/^-+/, '').replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
	const flags: AnyFlags = sharedFlags;
	return Object.hasOwn(flags, name) && flags[name].type !== 'boolean';
}
