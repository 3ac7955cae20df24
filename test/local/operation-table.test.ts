import http from 'node:http';
import type {Buffer} from 'node:buffer';
import {CreateStateMachineCommand, DescribeExecutionCommand, StartExecutionCommand} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {localEndpoint, waitForEnd} from '../helpers/local-endpoint.js';

const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';

async function post(url: string, target: string, body = '{}', method = 'POST'): Promise<{status: number; body: Record<string, unknown>}> {
	return new Promise((resolve, reject) => {
		const request = http.request(url, {method, headers: {'x-amz-target': target, 'content-type': 'application/x-amz-json-1.0'}}, response => {
			let text = '';
			response.on('data', (chunk: Buffer) => {
				text += chunk.toString();
			});
			response.on('end', () => {
				resolve({status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>});
			});
		});
		request.on('error', reject);
		request.end(body);
	});
}

// Issue 12 item 7: JavaScript built-ins were reachable as operations (constructor echoed the request, __proto__ gave 500).
describe('operations come from an explicit table', () => {
	let server: RunningServer;
	let sfn: Awaited<ReturnType<typeof localEndpoint>>['sfn'];

	beforeAll(async () => {
		({server, sfn} = await localEndpoint());
	});

	afterAll(async () => {
		await server.close();
	});

	const builtIns = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

	test.each(builtIns)('AWSStepFunctions.%s is an unknown operation, as on AWS', async name => {
		const answer = await post(server.url, `AWSStepFunctions.${name}`, '{"stateMachineArn": "x"}');
		expect(answer.status).toBe(400);
		expect(answer.body.__type).toBe('UnknownOperationException');
	});

	test.each(builtIns)('Logs_20140328.%s is an unknown operation', async name => {
		const answer = await post(server.url, `Logs_20140328.${name}`);
		expect(answer).toMatchObject({status: 400, body: {__type: 'UnknownOperationException'}});
	});

	test.each(builtIns)('a target whose service prefix is %s is unknown, and serving goes on', async name => {
		const answer = await post(server.url, `${name}.ListStateMachines`);
		expect(answer).toMatchObject({status: 400, body: {__type: 'UnknownOperationException'}});
		expect(await post(server.url, 'AWSStepFunctions.ListStateMachines')).toEqual({status: 200, body: {stateMachines: []}});
	});

	test('a request that is not POST / says what serve expects, not that the target is wrong (board qa line 70)', async () => {
		const put = await post(`${server.url}/foo`, 'AWSStepFunctions.ListStateMachines', '{}', 'PUT');
		expect(put.body).toEqual({__type: 'UnknownOperationException', message: 'sfntop serve answers AWS JSON requests: POST / with an X-Amz-Target header; got PUT /foo'});
		const get = await post(server.url, 'AWSStepFunctions.ListStateMachines', '', 'GET');
		expect(get.body.message).toBe('sfntop serve answers AWS JSON requests: POST / with an X-Amz-Target header; got GET /');
		const path = await post(`${server.url}/2015/functions`, 'AWSStepFunctions.ListStateMachines');
		expect(path.body.message).toBe('sfntop serve answers AWS JSON requests: POST / with an X-Amz-Target header; got POST /2015/functions');
		const target = await post(server.url, 'Nope.ListStateMachines');
		expect(target.body.message).toContain('got target "Nope.ListStateMachines"');
	});

	test('a Lambda resource named after a JavaScript built-in is a function that does not exist', async () => {
		const definition = JSON.stringify({StartAt: 'Call', States: {Call: {Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:constructor', End: true}}});
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'BuiltInLambda', definition, roleArn}));
		const {executionArn} = await sfn.send(new StartExecutionCommand({stateMachineArn, input: '{}'}));
		expect(await waitForEnd(sfn, executionArn!)).toBe('FAILED');
		const described = await sfn.send(new DescribeExecutionCommand({executionArn}));
		expect(described.error).toBe('Lambda.ResourceNotFoundException');
	});
});
