import type {Command} from './command.js';

type CommandEntry = {
	name: string;
	summary: string;
	/** Loaded lazily so `sfntop graph` never pays for Ink or the AWS SDK. */
	load: () => Promise<Command>;
};

export const commandList: CommandEntry[] = [
	{name: 'graph', summary: 'Draw a state machine definition as a graph', load: async () => (await import('./graph.js')).graphCommand},
	{name: 'replay', summary: 'Show what happened in a saved execution history (offline post-mortem)', load: async () => (await import('./replay.js')).replayCommand},
	{name: 'diff', summary: 'Compare two executions (or saved histories) state by state', load: async () => (await import('./diff.js')).diffCommand},
	{name: 'ls', summary: 'List state machines, or the executions of one', load: async () => (await import('./ls.js')).lsCommand},
	{name: 'tail', summary: 'Print an execution\'s events and follow it until it ends', load: async () => (await import('./tail.js')).tailCommand},
	{name: 'start', summary: 'Start an execution', load: async () => (await import('./start.js')).startCommand},
	{name: 'stop', summary: 'Stop a running execution', load: async () => (await import('./stop.js')).stopCommand},
	{name: 'redrive', summary: 'Redrive a failed, aborted or timed-out execution from where it stopped', load: async () => (await import('./redrive.js')).redriveCommand},
	{name: 'serve', summary: 'Run the embedded Step Functions + CloudWatch Logs endpoint', load: async () => (await import('./serve.js')).serveCommand},
];

/** The command that runs with no sub-command: `sfntop [MACHINE|EXECUTION] [--local]`. */
export const loadDashboardCommand = async (): Promise<Command> => (await import('./dashboard.js')).dashboardCommand;

export function findCommand(name: string): CommandEntry | undefined {
	return commandList.find(entry => entry.name === name);
}
