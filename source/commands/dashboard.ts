import {Buffer} from 'node:buffer';
import process from 'node:process';
import {createElement} from 'react';
import {machineNameOf, machineOfExecution} from '../model/arn.js';
import {plainTheme, colorTheme} from '../model/text/theme.js';
import {sanitize} from '../model/text/sanitize.js';
import {isUserError, UserError} from '../model/user-error.js';
import type {SfnSession} from '../sync/types.js';
import type {Route} from '../ui/routes.js';
import {defineCommand, type CommandContext} from './command.js';
import {commandLike, unknownCommand} from './command-word.js';
import {budgetFlag, budgetFlagHelp, displayFlagHelp, displayFlags, intervalFlag} from './global-flags.js';

const notATerminal = 'the dashboard needs a terminal; use `sfntop tail EXECUTION` in scripts';

/** `--local`: the embedded endpoint with its demo, in-process, on a free loopback port. */
async function startLocal(): Promise<{url: string; close: () => Promise<void>}> {
	// Any SDK needs credentials and a region even against a local endpoint; only --local invents them.
	// An empty variable is as good as none: `||=`, not `??=`.
	process.env.AWS_ACCESS_KEY_ID ||= 'local';
	process.env.AWS_SECRET_ACCESS_KEY ||= 'local';
	const {startServer} = await import('../local/server.js');
	return startServer({port: 0, host: '127.0.0.1', demo: true});
}

async function resolveWithRetry(session: SfnSession, target: string, attempts: number) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await session.resolve(target);
		} catch (error) {
			if (attempt >= attempts) {
				throw error;
			}

			await new Promise(resolve => {
				// The demo's first execution is a few milliseconds away at start-up.
				setTimeout(resolve, 50);
			});
		}
	}
}

/** Where the dashboard opens: the machines list, plus the target's machine and execution when given. */
async function initialRoutes(session: SfnSession, target: string | undefined, local: boolean): Promise<Route[]> {
	const {machinesRoute, executionsRoute, executionRoute} = await import('../ui/routes.js');
	const initial = [machinesRoute()];
	if (target) {
		const meant = commandLike(target);
		const found = await resolveWithRetry(session, target, local ? 60 : 1).catch((error: unknown) => {
			throw meant ? notFoundOrCommand(error, target, meant) : error;
		});
		if (found.kind === 'machine') {
			initial.push(executionsRoute(found.arn, machineNameOf(found.arn)));
		} else {
			// Esc from the execution lands on its machine's list.
			const machine = machineOfExecution(found.arn);
			if (machine) {
				initial.push(executionsRoute(machine.arn, machine.name));
			}

			initial.push(executionRoute(found.arn));
		}
	}

	return initial;
}

/**
 * `c` in the dashboard: OSC 52 ("set the clipboard", base64 text, BEL) written
 * straight to the terminal between frames. It moves no cursor, so Ink's frame
 * is untouched; it works over ssh, and in tmux with `set-clipboard on`.
 */
function copyToClipboard(stdout: NodeJS.WriteStream): (text: string) => void {
	return text => {
		stdout.write(`\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`);
	};
}

const dashboardFlags = {
	...displayFlags,
	local: {type: 'boolean', default: false},
	...intervalFlag,
	...budgetFlag,
} as const;

/**
 * `sfntop Wall`: a word one typo from a command (`tail`) is still a machine or
 * execution first. Look it up; only when nothing has that name is it the
 * mistyped command. With --local the lookup happens once the endpoint runs.
 */
async function checkCommandLike(word: string | undefined, options: CommandContext['options']): Promise<void> {
	const meant = word === undefined ? undefined : commandLike(word);
	if (word === undefined || meant === undefined) {
		return;
	}

	const {createSession} = await import('../sync/session.js');
	const session = await createSession(options.session).catch((error: unknown) => {
		throw notFoundOrCommand(error, word, meant);
	});
	try {
		await session.resolve(word);
	} catch (error: unknown) {
		throw notFoundOrCommand(error, word, meant);
	} finally {
		session.close();
	}
}

/** Nothing named `word`: the mistyped command. Any other failure keeps its line, with the command it resembles. */
function notFoundOrCommand(error: unknown, word: string, meant: string): unknown {
	if (!isUserError(error)) {
		return error;
	}

	return error.kind === 'notFound' ? unknownCommand(word, meant) : new UserError(`${error.message} (looking for a state machine named "${sanitize(word)}"; or did you mean "sfntop ${meant}"?)`, error.kind);
}

async function run({input, flags, options, stdout, stdin}: CommandContext<typeof dashboardFlags>): Promise<number> {
	if (!flags.local) {
		await checkCommandLike(input[0], options);
	}

	if (!stdout.isTTY) {
		throw new UserError(notATerminal, 'usage');
	}

	// The first frame comes first: Ink + React load (~250 ms), a splash is drawn, and only then does the
	// endpoint start (its set-up runs on the same thread and would only delay that frame).
	const [{render}, {App}, {guardTerminal}, {Splash}] = await Promise.all([import('ink'), import('../ui/app.js'), import('../ui/terminal.js'), import('../ui/splash.js')]);
	const {local} = flags;
	const theme = options.display.color ? colorTheme : plainTheme;
	let finish: (code: number) => void = () => undefined;
	// eslint-disable-next-line unicorn/prefer-promise-with-resolvers -- readable as is
	const ended = new Promise<number>(resolve => {
		finish = resolve;
	});
	const guard = guardTerminal({
		stdout,
		stdin,
		onEnd(code, error) {
			if (error) {
				stdout.write(`sfntop: unexpected error: ${error instanceof Error ? error.message : 'unknown error'}\n`);
			}

			finish(code);
		},
	});
	const quit = () => {
		finish(0);
	};

	const region = local ? 'us-east-1' : (options.session.region ?? 'your region');
	const instance = render(createElement(Splash, {message: local ? 'starting the embedded endpoint with demo workflows…' : `connecting to ${region}…`, onQuit: quit}), {
		stdout,
		stdin,
		alternateScreen: true,
		exitOnCtrlC: false,
		patchConsole: true,
		// Only changed lines are written (SFNTOP_FULL_REDRAW=1 turns that off, for the bench baseline); at most 15 frames a second.
		incrementalRendering: process.env.SFNTOP_FULL_REDRAW !== '1',
		maxFps: 15,
	});
	await instance.waitUntilRenderFlush();
	let server: Awaited<ReturnType<typeof startLocal>> | undefined;
	let session: SfnSession | undefined;
	try {
		server = local ? await startLocal() : undefined;
		const {createSession} = await import('../sync/session.js');
		// --local talks to its own endpoint, whatever --region and --endpoint-url say.
		const target = input[0] ?? (local ? 'OrderProcessingStateMachine/latest' : undefined);
		// Resolving a target is the first contact; without one a first call is made, so an endpoint that can never answer is one line.
		session = await createSession({...options.session, ...(server && {endpointUrl: server.url, region: 'us-east-1'}), firstContact: !target});
		const starting = initialRoutes(session, target, local);
		const initial = await Promise.race([starting, ended]);
		if (typeof initial === 'number') {
			return initial;
		}

		instance.rerender(createElement(App, {session, theme, ascii: options.display.ascii, initial, onQuit: quit, clipboard: copyToClipboard(stdout)}));
		return await ended;
	} finally {
		instance.unmount();
		await instance.waitUntilExit().catch(() => undefined);
		guard.restore();
		session?.close();
		await server?.close();
	}
}

export const dashboardCommand = defineCommand({
	name: 'dashboard',
	summary: 'Open the live dashboard',
	words: 1,
	usage: 'sfntop [MACHINE|EXECUTION] [--local] [--interval SECONDS] [--budget N]',
	description: [
		'With no argument: the state machines of the account and region. MACHINE opens its executions,',
		'EXECUTION (an ARN or MACHINE/latest) opens that execution. --local starts the embedded endpoint',
		'with live demo workflows and opens the newest order execution. Press ? for the keys.',
	].join('\n'),
	flags: dashboardFlags,
	flagHelp: [
		'--local             Start the embedded endpoint with a live demo and open the dashboard on it',
		'--interval SECONDS  Fastest poll interval (default: the followers\' adaptive 1 s)',
		budgetFlagHelp,
		...displayFlagHelp,
	],
	examples: ['sfntop --local', 'sfntop OrderProcessingStateMachine', 'sfntop OrderProcessingStateMachine/latest --read-only'],
	usesAws: true,
	run,
});
