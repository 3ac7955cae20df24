import {CreateStateMachineCommand, StartExecutionCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {handlerError} from '../../source/local/handlers/types.js';
import type {RunningServer} from '../../source/local/server.js';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';
import {startTerminal} from './terminal.js';

const credentials = {...cliUserEnvironment, CI: undefined};

describe('the dashboard in a real terminal: hostile remote text', () => {
	let server: RunningServer;
	const stateName = 'Evil\u001B]0;owned\u0007\u202EState';

	beforeAll(async () => {
		const endpoint = await localEndpoint({
			handlers: {
				async evil(_event, context) {
					context.log('clipboard \u001B]52;c;ZWNobyBwd25lZA==\u0007 clear \u001B[2J\u001B[H c1 \u009B31m dcs \u001BPq#0\u001B\\ nul \u0000');
					throw handlerError('Evil\u001B[31m', 'cause \u001B]0;title\u0007 \u202Etxt');
				},
			},
		});
		server = endpoint.server;
		const definition = JSON.stringify({StartAt: stateName, States: {[stateName]: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:evil', End: true}}});
		const {stateMachineArn} = await endpoint.sfn.send(new CreateStateMachineCommand({name: 'Hostile', definition, roleArn: 'arn:aws:iam::123456789012:role/R'}));
		const {executionArn} = await endpoint.sfn.send(new StartExecutionCommand({stateMachineArn, name: 'h1', input: '{"note": "\\u001b]52;c;aGk=\\u0007"}'}));
		await waitForEnd(endpoint.sfn, executionArn!);
	});

	afterAll(async () => {
		await server.close();
	});

	test('names, errors, causes and log lines are shown escaped; no escape sequence from them reaches the terminal', async () => {
		const terminal = startTerminal({args: ['Hostile/h1', '--endpoint-url', server.url], columns: 120, rows: 36, env: credentials});
		try {
			await terminal.waitForScreen(screen => screen.includes('Evil\\x1b]0;owned\\x07\\u202eState'), 20_000, 'the hostile state name, escaped');
			await terminal.waitForScreen(screen => screen.includes('clipboard \\x1b]52;c;'), 20_000, 'the hostile log line, escaped');
			const raw = terminal.output();
			// Ink and sfntop write CSI sequences of their own; nothing else may appear.
			expect(raw).not.toContain('\u001B]'); // OSC: title, clipboard
			expect(raw).not.toContain('\u001BP'); // DCS
			expect(raw).not.toMatch(/[\0\u0007\u0080-\u009F\u202A-\u202E\u2066-\u2069]/);
			terminal.type('q');
			expect((await terminal.exited).exitCode).toBe(0);
		} finally {
			await terminal.close();
		}
	}, 60_000);
});

describe('the dashboard in a 20×10 terminal', () => {
	test('shows what fits, stays within the screen, and quits cleanly', async () => {
		const terminal = startTerminal({args: ['--local'], columns: 20, rows: 10, env: {CI: undefined}});
		try {
			const screen = await terminal.waitForScreen(text => /^ ● (?:RUNNING|SUCCEEDED|FAILED)/.test(text) && text.includes('? help'), 30_000, 'an execution on a tiny screen');
			const lines = screen.split('\n');
			expect(lines.length).toBeLessThanOrEqual(10);
			expect(lines.at(-1)).toMatch(/^\? help/);
			terminal.type('q');
			expect((await terminal.exited).exitCode).toBe(0);
			expect(terminal.term.buffer.active.type).toBe('normal');
		} finally {
			await terminal.close();
		}
	}, 60_000);
});
