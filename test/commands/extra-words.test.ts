import {describe, expect, test} from 'vitest';
import {cliUserEnvironment} from '../helpers/aws-environment.js';
import {runCli} from '../helpers/run-cli.js';

/*
 * A word too many is refused, not ignored: `sfntop tail A B` followed A only
 * and said nothing of B (found trying the line commands as a hostile tester).
 * Refused before any AWS call, so no endpoint is needed.
 */
describe('commands refuse words they do not take', () => {
	test.each([
		[['tail', 'OrderProcessingStateMachine/latest', 'extra', 'words'], 'sfntop tail takes one argument; unexpected "extra" "words" (see sfntop tail --help)'],
		[['ls', 'OrderProcessingStateMachine', 'Other'], 'sfntop ls takes one argument; unexpected "Other" (see sfntop ls --help)'],
		[['start', 'M', '{"orderId": "1"}'], 'sfntop start takes one argument; unexpected "{\\"orderId\\": \\"1\\"}" (see sfntop start --help)'],
		[['diff', 'M/a', 'M/b', 'M/c'], 'sfntop diff takes 2 arguments; unexpected "M/c" (see sfntop diff --help)'],
		[['OrderProcessingStateMachine', 'Floor'], 'sfntop takes one argument; unexpected "Floor" (see sfntop --help)'],
	])('sfntop %j', async (args, message) => {
		const result = await runCli([...args, '--endpoint-url', 'http://127.0.0.1:1'], {env: cliUserEnvironment});
		expect(result.stderr).toBe(`sfntop: ${message}\n`);
		expect(result.stdout).toBe('');
		expect(result.code).toBe(2);
	});
});
