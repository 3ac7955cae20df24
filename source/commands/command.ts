import type {AnyFlags} from 'meow';

/** What every sub-command receives once its flags are parsed. */
export type CommandContext = {
	/** Positional arguments after the command name. */
	input: string[];
	/** Parsed flags (global flags included), camelCased by meow. */
	flags: Record<string, unknown>;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
	stdin: NodeJS.ReadStream;
};

/**
 * A sub-command: its help text lives next to its flags (create-ink-app style),
 * and `run` resolves to the process exit code. Throw a UserError for anything
 * the user can fix; the CLI turns it into one line and the right exit code.
 */
export type Command = {
	name: string;
	/** One line for the command list in `sfntop --help`. */
	summary: string;
	/** e.g. `sfntop graph FILE|- [--width N]` */
	usage: string;
	/** Extra paragraphs for `sfntop <command> --help`. */
	description?: string;
	flags: AnyFlags;
	/** Flag help: `--width N   Maximum line width...` lines. */
	flagHelp: string[];
	examples?: string[];
	/** True for commands that accept the global AWS flags (--profile, --region, --endpoint-url, --read-only). */
	usesAws?: boolean;
	run(context: CommandContext): Promise<number>;
};
