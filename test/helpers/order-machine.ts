import {readFileSync} from 'node:fs';
import path from 'node:path';
import {CreateStateMachineCommand, StartExecutionCommand, type SFNClient} from '@aws-sdk/client-sfn';
import type {RunningServer} from '../../source/local/server.js';
import {cliUserEnvironment} from './aws-environment.js';
import {localEndpoint, waitForEnd} from './local-endpoint.js';
import {repoRoot, runCli, type CliResult} from './run-cli.js';

export const orderMachine = 'OrderProcessingStateMachine';

/** `sfntop serve` in-process with the order workflow, a way to run executions, and the CLI pointed at it. */
export async function orderEndpoint(): Promise<{
	server: RunningServer;
	sfn: SFNClient;
	machineArn: string;
	/** Starts an execution and, unless `wait` is false, waits for it to end; resolves to its ARN. */
	run(name: string, input: Record<string, unknown>, wait?: boolean): Promise<string>;
	sfntop(...args: string[]): Promise<CliResult>;
}> {
	const {server, sfn} = await localEndpoint();
	const created = await sfn.send(new CreateStateMachineCommand({name: orderMachine, roleArn: 'arn:aws:iam::123456789012:role/R', definition: readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8')}));
	return {
		server,
		sfn,
		machineArn: created.stateMachineArn!,
		async run(name, input, wait = true) {
			const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn: created.stateMachineArn, name, input: JSON.stringify({delayMs: 5, ...input})}));
			if (wait) {
				await waitForEnd(sfn, executionArn!);
			}

			return executionArn!;
		},
		sfntop: async (...args) => runCli([...args, '--endpoint-url', server.url], {env: cliUserEnvironment, timeoutMs: 30_000}),
	};
}
