import http from 'node:http';
import type {Buffer} from 'node:buffer';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {localEndpoint} from '../helpers/local-endpoint.js';

/*
 * Issue 12 item 8: every field of every request is checked against AWS's
 * service model (source/local/api-model/*.generated.ts). Expected answers:
 * constraint messages as AWS words them (recorded: maxResults 1001, an
 * unknown statusFilter, Logs' limit 10001 — LocalStack's
 * tests/aws/services/stepfunctions/v2 and tests/aws/services/logs snapshots);
 * a JSON value of the wrong type is a SerializationException in the words of
 * AWS's JSON reader (recorded for a Boolean sent as a string, apigateway snapshot).
 */

const definition = JSON.stringify({StartAt: 'Done', States: {Done: {Type: 'Succeed'}}});
const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';

let server: RunningServer;
let machineArn: string;

async function call(target: string, body: unknown): Promise<{status: number; body: Record<string, unknown>}> {
	const service = target.startsWith('Logs') ? 'application/x-amz-json-1.1' : 'application/x-amz-json-1.0';
	return new Promise((resolve, reject) => {
		const request = http.request(server.url, {method: 'POST', headers: {'x-amz-target': target, 'content-type': service}}, response => {
			let text = '';
			response.on('data', (chunk: Buffer) => {
				text += chunk.toString();
			});
			response.on('end', () => {
				resolve({status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>});
			});
		});
		request.on('error', reject);
		request.end(JSON.stringify(body));
	});
}

const sfn = async (operation: string, body: unknown) => call(`AWSStepFunctions.${operation}`, body);
const logs = async (operation: string, body: unknown) => call(`Logs_20140328.${operation}`, body);
const error = (type: string, message: string) => ({status: 400, body: {__type: type, message}});

beforeAll(async () => {
	({server} = await localEndpoint());
	machineArn = (await sfn('CreateStateMachine', {name: 'Strict', definition, roleArn})).body.stateMachineArn as string;
	await logs('CreateLogGroup', {logGroupName: '/strict'});
	await logs('CreateLogStream', {logGroupName: '/strict', logStreamName: 's'});
});

afterAll(async () => {
	await server.close();
});

describe('requests are checked against AWS\'s service model', () => {
	test('maxResults: a number out of range, a string, a boolean', async () => {
		expect(await sfn('ListExecutions', {stateMachineArn: machineArn, maxResults: 1001})).toEqual(error('ValidationException', '1 validation error detected: Value \'1001\' at \'maxResults\' failed to satisfy constraint: Member must have value less than or equal to 1000'));
		expect(await sfn('ListExecutions', {stateMachineArn: machineArn, maxResults: '5'})).toEqual(error('SerializationException', 'class java.lang.String can not be converted to an Integer'));
		expect(await sfn('ListExecutions', {stateMachineArn: machineArn, maxResults: true})).toEqual(error('SerializationException', 'class java.lang.Boolean can not be converted to an Integer'));
		expect(await sfn('ListExecutions', {stateMachineArn: machineArn, maxResults: []})).toEqual(error('SerializationException', 'Start of list found where not expected'));
		expect(await sfn('ListStateMachines', {maxResults: -1})).toEqual(error('ValidationException', '1 validation error detected: Value \'-1\' at \'maxResults\' failed to satisfy constraint: Member must have value greater than or equal to 0'));
	});

	test('enums: statusFilter and type', async () => {
		expect(await sfn('ListExecutions', {stateMachineArn: machineArn, statusFilter: 'BOGUS'})).toEqual(error('ValidationException', '1 validation error detected: Value \'BOGUS\' at \'statusFilter\' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]'));
		expect(await sfn('CreateStateMachine', {name: 'Typed', definition, roleArn, type: 'BOGUS'})).toEqual(error('ValidationException', '1 validation error detected: Value \'BOGUS\' at \'type\' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]'));
	});

	test('nextToken: empty, a number, not one of ours', async () => {
		expect(await sfn('ListExecutions', {stateMachineArn: machineArn, nextToken: ''})).toEqual(error('ValidationException', '1 validation error detected: Value \'\' at \'nextToken\' failed to satisfy constraint: Member must have length greater than or equal to 1'));
		expect(await sfn('ListExecutions', {stateMachineArn: machineArn, nextToken: 16})).toEqual(error('SerializationException', 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String'));
		const foreign = await sfn('ListExecutions', {stateMachineArn: machineArn, nextToken: '0x10'});
		expect(foreign).toMatchObject({status: 400, body: {__type: 'InvalidToken'}});
		expect(await sfn('ListExecutions', {stateMachineArn: machineArn, nextToken: 'x'.repeat(3097)})).toEqual(error('ValidationException', `1 validation error detected: Value '${'x'.repeat(3097)}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 3096`));
	});

	test('several failures are reported together', async () => {
		const answer = await sfn('ListExecutions', {maxResults: 5000, statusFilter: 'done'});
		expect(answer.body.__type).toBe('ValidationException');
		// In the model's member order (AWS's own order across fields is not recorded).
		expect(answer.body.message).toMatch(/^2 validation errors detected: Value 'done' at 'statusFilter' failed to satisfy constraint: .*; Value '5000' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000$/);
	});

	test('required fields', async () => {
		expect(await sfn('DescribeExecution', {})).toEqual(error('ValidationException', '1 validation error detected: Value null at \'executionArn\' failed to satisfy constraint: Member must not be null'));
		expect(await sfn('CreateStateMachine', {name: 'NoRole', definition})).toEqual(error('ValidationException', '1 validation error detected: Value null at \'roleArn\' failed to satisfy constraint: Member must not be null'));
	});

	test('a role ARN that is not an ARN, and a loggingConfiguration that is a list', async () => {
		expect(await sfn('CreateStateMachine', {name: 'BadRole', definition, roleArn: 'not-an-arn'})).toEqual(error('InvalidArn', 'Invalid Arn: \'Invalid ARN prefix: not-an-arn\''));
		expect(await sfn('CreateStateMachine', {name: 'BadLogging', definition, roleArn, loggingConfiguration: []})).toEqual(error('SerializationException', 'Start of list found where not expected'));
		expect(await sfn('CreateStateMachine', {name: 'BadLevel', definition, roleArn, loggingConfiguration: {level: 'LOUD'}})).toEqual(error('ValidationException', '1 validation error detected: Value \'LOUD\' at \'loggingConfiguration.level\' failed to satisfy constraint: Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]'));
	});

	test('CloudWatch Logs: logEvents that is a string or holds null, limit out of range', async () => {
		expect(await logs('PutLogEvents', {logGroupName: '/strict', logStreamName: 's', logEvents: 'x'})).toEqual(error('SerializationException', 'class java.lang.String can not be converted to an List'));
		expect(await logs('PutLogEvents', {logGroupName: '/strict', logStreamName: 's', logEvents: [null]})).toEqual(error('InvalidParameterException', '1 validation error detected: Value null at \'logEvents.1.member\' failed to satisfy constraint: Member must not be null'));
		expect(await logs('PutLogEvents', {logGroupName: '/strict', logStreamName: 's', logEvents: [{timestamp: 1}]})).toEqual(error('InvalidParameterException', '1 validation error detected: Value null at \'logEvents.1.member.message\' failed to satisfy constraint: Member must not be null'));
		expect(await logs('FilterLogEvents', {logGroupName: '/strict', limit: 10_001})).toEqual(error('InvalidParameterException', '1 validation error detected: Value \'10001\' at \'limit\' failed to satisfy constraint: Member must have value less than or equal to 10000'));
		expect(await logs('CreateLogGroup', {logGroupName: 'bad name'})).toEqual(error('InvalidParameterException', '1 validation error detected: Value \'bad name\' at \'logGroupName\' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+'));
	});

	test('a well-formed request still works, and unknown fields are ignored as AWS does', async () => {
		expect(await sfn('ListExecutions', {stateMachineArn: machineArn, maxResults: 5, somethingElse: {deep: true}})).toEqual({status: 200, body: {executions: []}});
	});
});
