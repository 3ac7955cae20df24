import {expect, test} from 'vitest';
import {consoleUrl} from '../../source/model/console-url.js';

test('the console address of an execution or machine, as the Step Functions console links them', () => {
	expect(consoleUrl('arn:aws:states:eu-west-1:123456789012:execution:Orders:run-1')).toBe('https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/arn:aws:states:eu-west-1:123456789012:execution:Orders:run-1');
	expect(consoleUrl('arn:aws:states:us-east-1:123456789012:express:Events:run-2:4f7c', 1_764_000_000_000)).toBe('https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/express-executions/details/arn:aws:states:us-east-1:123456789012:express:Events:run-2:4f7c?startDate=1764000000000');
	expect(consoleUrl('arn:aws-cn:states:cn-north-1:123456789012:execution:Orders:run-3')).toMatch(/^https:\/\/cn-north-1\.console\.amazonaws\.cn\/states\/home\?region=cn-north-1#\/v2\/executions\/details\//);
	expect(consoleUrl('arn:aws:states:us-east-1:123456789012:stateMachine:Orders')).toBe('https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/statemachines/view/arn:aws:states:us-east-1:123456789012:stateMachine:Orders');
	expect(consoleUrl('not an arn')).toBeUndefined();
});
