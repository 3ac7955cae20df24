// Hundreds of RUNNING executions on a local endpoint, in plain ASL any correct
// interpreter runs: a Choice sends each one either to a long Wait or into a
// Map whose iterations wait (some for 0 s, so the Map shows progress).
import {CreateStateMachineCommand, StartExecutionCommand, type SFNClient} from '@aws-sdk/client-sfn';

export const fleetDefinition = {
	StartAt: 'Route',
	States: {
		Route: {Type: 'Choice', Choices: [{Variable: '$.lane', StringEquals: 'batch', Next: 'ProcessBatch'}], Default: 'AwaitApproval'},
		AwaitApproval: {Type: 'Wait', Seconds: 3600, End: true},
		ProcessBatch: {
			Type: 'Map',
			ItemsPath: '$.items',
			ItemProcessor: {StartAt: 'Settle', States: {Settle: {Type: 'Wait', SecondsPath: '$.wait', End: true}}},
			End: true,
		},
	},
};

/** The input of fleet execution `index`: every fourth one runs a Map of 4 items, 3 of them done at once. */
export function fleetInput(index: number): Record<string, unknown> {
	return index % 4 === 3 ? {lane: 'batch', items: [{wait: 0}, {wait: 0}, {wait: 0}, {wait: 3600}]} : {lane: 'approval'};
}

/** Creates machine `name` and starts `count` executions of it (in parallel batches of 10); resolves to the machine ARN. */
export async function startFleet(sfn: SFNClient, name: string, count: number): Promise<string> {
	const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name, definition: JSON.stringify(fleetDefinition), roleArn: 'arn:aws:iam::123456789012:role/R'}));
	// Small batches: a keep-alive socket idle for longer than the server's keep-alive
	// timeout (Node's 5 s) while a big batch is served gets closed as it is reused.
	for (let from = 0; from < count; from += 10) {
		await Promise.all(Array.from({length: Math.min(10, count - from)}, async (_, offset) => sfn.send(new StartExecutionCommand({
			stateMachineArn,
			name: `run-${String(from + offset).padStart(4, '0')}`,
			input: JSON.stringify(fleetInput(from + offset)),
		}))));
	}

	return stateMachineArn!;
}
