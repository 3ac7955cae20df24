import process from 'node:process';
import {errorFacts} from '../aws/errors.js';
import {UserError} from '../model/user-error.js';
import {loadHandlersFile} from '../local/handlers/load.js';
import {parseFaults} from '../local/faults.js';
import {startServer} from '../local/server.js';
import {defineCommand} from './command.js';

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

export const serveCommand = defineCommand({
	name: 'serve',
	words: 0,
	summary: 'Run the embedded Step Functions + CloudWatch Logs endpoint',
	usage: 'sfntop serve [--port 8083] [--host 127.0.0.1] [--data-dir DIR [--repair]] [--demo] [--handlers FILE] [--faults SPEC]',
	description: [
		'An HTTP endpoint speaking the Step Functions and CloudWatch Logs wire protocols,',
		'for the AWS CLI, any AWS SDK and sfntop itself (--endpoint-url). It runs executions',
		'on its own States Language interpreter; task handlers for the order workflow',
		'are built in. No authentication: it binds to loopback unless --host says otherwise.',
	].join('\n'),
	flags: {
		// A string to meow: `--port abc` is refused naming what was typed, not NaN.
		port: {type: 'string', default: '8083'},
		host: {type: 'string', default: '127.0.0.1'},
		dataDir: {type: 'string'},
		repair: {type: 'boolean', default: false},
		demo: {type: 'boolean', default: false},
		handlers: {type: 'string'},
		faults: {type: 'string'},
	},
	flagHelp: [
		'--port N            Port to listen on (default 8083; 0 picks a free one)',
		'--host HOST         Address to bind (default 127.0.0.1)',
		'--data-dir DIR      Keep machines, executions, histories and logs across restarts',
		'--repair            Start from a damaged journal: keep its good records, move the rest aside',
		'--demo              Create demo workflows and keep executions trickling',
		'--handlers FILE     ES module exporting async functions keyed by Lambda function name',
		'--faults SPEC       Inject faults, e.g. throttle=0.3,5xx=0.1,reset=0.05,latency=20-200,seed=7',
	],
	examples: [
		'sfntop serve --demo',
		'aws stepfunctions list-state-machines --endpoint-url http://127.0.0.1:8083',
	],
	async run({flags, stdout, stderr}) {
		const {host} = flags;
		const port = /^\d{1,5}$/.test(flags.port) ? Number(flags.port) : NaN;
		if (!(port >= 0 && port <= 65_535)) {
			throw new UserError(`--port takes a port number from 0 to 65535, not "${flags.port}"`);
		}

		if (flags.faults !== undefined) {
			parseFaults(flags.faults);
		}

		if (flags.dataDir?.trim() === '') {
			// An empty value (an unset shell variable) must not quietly run in memory and lose everything at exit.
			throw new UserError('--data-dir needs a folder, not an empty value; give a path (serve creates it), or leave --data-dir out to keep everything in memory');
		}

		if (flags.repair && flags.dataDir === undefined) {
			throw new UserError('--repair mends the journal of a --data-dir; give --data-dir DIR too');
		}

		const handlers = flags.handlers === undefined ? undefined : await loadHandlersFile(flags.handlers);
		let server;
		try {
			server = await startServer({port, host, ...(flags.dataDir !== undefined && {dataDir: flags.dataDir}), repair: flags.repair, notice(line) {
				stderr.write(`${line}\n`);
			}, demo: flags.demo, ...(handlers && {handlers}), ...(flags.faults !== undefined && {faults: flags.faults})});
		} catch (error: unknown) {
			const {code} = errorFacts(error);
			if (code === 'EADDRINUSE') {
				throw new UserError(`port ${port} on ${host} is already in use; pick another with --port (0 picks a free one)`);
			}

			if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
				throw new UserError(`cannot listen on ${host}: no such local address`);
			}

			throw error;
		}

		if (!loopback.has(host)) {
			stderr.write(`sfntop serve: warning: listening on ${host} with no authentication; anyone who can reach it can start and stop executions\n`);
		}

		// The signal handlers go on before the listening line: a script that waits for that line
		// and then sends SIGTERM must find them (it used to kill the process half the time).
		const stopped = new Promise<void>(resolve => {
			const shutdown = () => {
				process.off('SIGINT', shutdown);
				process.off('SIGTERM', shutdown);
				void server.close().then(resolve);
			};

			process.on('SIGINT', shutdown);
			process.on('SIGTERM', shutdown);
		});
		stdout.write(`sfntop serve listening on ${server.url}\n`);
		await stopped;
		return 0;
	},
});
