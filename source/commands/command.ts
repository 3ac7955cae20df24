import type {AnyFlags, TypedFlags} from 'meow';
import type {CommandOptions} from './options.js';

/** What every sub-command receives once its flags are parsed. */
export type CommandContext<Flags extends AnyFlags = AnyFlags> = {
	/** Positional arguments after the command name. */
	input: string[];
	/** This command's own flags, typed from its spec. */
	flags: TypedFlags<Flags>;
	/** The shared flags (AWS, display, --interval), checked once by commandOptions(). */
	options: CommandOptions;
	stdout: NodeJS.WriteStream;
	/** Aborted when stdout can take no more (the reader of a pipe went away): stop following and return. */
	outputClosed: AbortSignal;
	stderr: NodeJS.WriteStream;
	stdin: NodeJS.ReadStream;
};

/**
 * A sub-command: its help text lives next to its flags (create-ink-app style),
 * and `run` resolves to the process exit code. Throw a UserError for anything
 * the user can fix; the CLI turns it into one line and the right exit code.
 */
export type Command<Flags extends AnyFlags = AnyFlags> = {
	name: string;
	/** One line for the command list in `sfntop --help`. */
	summary: string;
	/** E.g. `sfntop graph FILE|- [--width N]` */
	usage: string;
	/** Extra paragraphs for `sfntop <command> --help`. */
	description?: string;
	flags: Flags;
	/** Flag help: `--width N   Maximum line width...` lines. */
	flagHelp: string[];
	examples?: string[];
	/** How many positional words it takes (`sfntop tail ARN extra` is refused rather than extra being ignored). */
	words?: number;
	/** True for commands that accept the global AWS flags (--profile, --region, --endpoint-url, --read-only). */
	usesAws?: boolean;
	run(context: CommandContext<Flags>): Promise<number>;
};

/** Keeps a command's flag spec literal, so `run` sees each flag's type. */
export function defineCommand<const Flags extends AnyFlags>(command: Command<Flags>): Command<Flags> {
	return command;
}
