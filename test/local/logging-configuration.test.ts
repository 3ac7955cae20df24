/*
 * A machine's loggingConfiguration is checked as AWS checks it, at CreateStateMachine and
 * UpdateStateMachine. Answers checked against LocalStack
 * v2/test_sfn_api_logs.snapshot.json (recorded against AWS):
 * test_invalid_logging_configuration (a level without a destination),
 * test_multiple_destinations, test_deleted_log_group, test_update_logging_configuration,
 * test_incomplete_logging_configuration (no level: OFF, and DescribeStateMachine
 * fills level OFF and includeExecutionData false, keeping `destinations: []`).
 */
import {CreateLogGroupCommand, type CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {CreateStateMachineCommand, DescribeStateMachineCommand, UpdateStateMachineCommand, type LoggingConfiguration, type SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {localEndpoint} from '../helpers/local-endpoint.js';

const roleArn = 'arn:aws:iam::123456789012:role/R';
const definition = JSON.stringify({StartAt: 'P', States: {P: {Type: 'Pass', End: true}}});
const groupArn = (name: string) => `arn:aws:logs:us-east-1:123456789012:log-group:${name}:*`;
const to = (...names: string[]) => names.map(name => ({cloudWatchLogsLogGroup: {logGroupArn: groupArn(name)}}));
const exactlyOne = 'Invalid Logging Configuration: Must specify exactly one Log Destination.';
const notFound = 'Invalid Logging Configuration: Log Destination not found.';

describe('loggingConfiguration as AWS checks it', () => {
	let server: RunningServer;
	let sfn: SFNClient;
	let logs: CloudWatchLogsClient;
	let count = 0;

	beforeAll(async () => {
		({server, sfn, logs} = await localEndpoint());
		await logs.send(new CreateLogGroupCommand({logGroupName: 'one'}));
		await logs.send(new CreateLogGroupCommand({logGroupName: 'two'}));
	});

	afterAll(async () => {
		await server.close();
	});

	const create = async (loggingConfiguration: LoggingConfiguration) => sfn.send(new CreateStateMachineCommand({name: `Logged${++count}`, roleArn, definition, loggingConfiguration}));

	test('a level without exactly one destination, two destinations, a missing log group: InvalidLoggingConfiguration', async () => {
		for (const level of ['ALL', 'ERROR', 'FATAL'] as const) {
			await expect(create({level})).rejects.toMatchObject({name: 'InvalidLoggingConfiguration', message: exactlyOne});
		}

		await expect(create({level: 'ALL', destinations: to('one', 'two')})).rejects.toMatchObject({name: 'InvalidLoggingConfiguration', message: exactlyOne});
		await expect(create({level: 'ALL', destinations: to('never-created')})).rejects.toMatchObject({name: 'InvalidLoggingConfiguration', message: notFound});
	});

	test('no level is OFF; DescribeStateMachine fills the defaults as AWS does', async () => {
		const bare = await create({});
		expect((await sfn.send(new DescribeStateMachineCommand({stateMachineArn: bare.stateMachineArn}))).loggingConfiguration).toEqual({level: 'OFF', includeExecutionData: false});
		const empty = await create({destinations: []});
		expect((await sfn.send(new DescribeStateMachineCommand({stateMachineArn: empty.stateMachineArn}))).loggingConfiguration).toEqual({level: 'OFF', includeExecutionData: false, destinations: []});
		const logged = await create({level: 'ALL', includeExecutionData: true, destinations: to('one')});
		expect((await sfn.send(new DescribeStateMachineCommand({stateMachineArn: logged.stateMachineArn}))).loggingConfiguration).toEqual({level: 'ALL', includeExecutionData: true, destinations: to('one')});
	});

	test('UpdateStateMachine checks the same way and keeps the machine as it was', async () => {
		const {stateMachineArn} = await create({level: 'ALL', includeExecutionData: true, destinations: to('one')});
		await sfn.send(new UpdateStateMachineCommand({stateMachineArn, loggingConfiguration: {level: 'FATAL', includeExecutionData: true, destinations: to('one')}}));
		await expect(sfn.send(new UpdateStateMachineCommand({stateMachineArn, loggingConfiguration: {level: 'ALL', destinations: to('one', 'two')}}))).rejects.toMatchObject({name: 'InvalidLoggingConfiguration', message: exactlyOne});
		await expect(sfn.send(new UpdateStateMachineCommand({stateMachineArn, loggingConfiguration: {level: 'ALL'}}))).rejects.toMatchObject({name: 'InvalidLoggingConfiguration', message: exactlyOne});
		await expect(sfn.send(new UpdateStateMachineCommand({stateMachineArn, loggingConfiguration: {level: 'ALL', destinations: to('gone')}}))).rejects.toMatchObject({name: 'InvalidLoggingConfiguration', message: notFound});
		expect((await sfn.send(new DescribeStateMachineCommand({stateMachineArn}))).loggingConfiguration).toEqual({level: 'FATAL', includeExecutionData: true, destinations: to('one')});
	});
});
