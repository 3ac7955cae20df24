import {ListStateMachinesCommand} from '@aws-sdk/client-sfn';
import {describe, expect, test} from 'vitest';
import {RequestLog} from '../../source/local/request-log.js';
import {localEndpoint} from '../helpers/local-endpoint.js';

// Issue 12 item 5: server.ts appended every request to an array that was never trimmed.
describe('the request log is bounded', () => {
	test('a server keeps the newest requests and still counts them all', async () => {
		const {server, sfn} = await localEndpoint({requestLogSize: 50});
		try {
			for (let call = 0; call < 130; call++) {
				await sfn.send(new ListStateMachinesCommand({}));
			}

			expect(server.requests.length).toBe(130);
			expect([...server.requests].length).toBeLessThanOrEqual(100);
			const recent = server.requests.slice(120);
			expect(recent).toHaveLength(10);
			expect(recent.every(request => request.operation === 'ListStateMachines' && request.status === 200 && request.bytes > 0)).toBe(true);
		} finally {
			await server.close();
		}
	});

	test('slice from a mark returns what came after it, whatever was dropped before', () => {
		const log = new RequestLog(3);
		for (let index = 0; index < 10; index++) {
			log.add({service: 'sfn', operation: `op${index}`, status: 200, bytes: index});
		}

		expect(log.length).toBe(10);
		expect(log.slice(8).map(request => request.operation)).toEqual(['op8', 'op9']);
		expect([...log].length).toBeLessThan(6);
	});
});
