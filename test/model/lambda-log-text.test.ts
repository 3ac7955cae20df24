import {describe, expect, test} from 'vitest';
import {lambdaLogText} from '../../source/model/history/lambda-log-text.js';

const id = '8f86c31a-d199-4885-a8a3-2f6b3c1d9e10';

describe('lambdaLogText: Lambda\'s prefix dropped, the level kept', () => {
	test.each([
		['Node.js text', `2026-11-29T03:18:28.422Z\t${id}\tINFO\tcharge-customer: The card was declined\n`, 'INFO charge-customer: The card was declined'],
		['Node.js text, a tab in the message', `2026-11-29T03:18:28.422Z\t${id}\tWARN\ta\tb`, 'WARN a\tb'],
		['Node.js text without a level', `2026-11-29T03:18:28.422Z\t${id}\tplain`, 'plain'],
		['Python text', `[ERROR]\t2026-11-29T03:18:28.422Z\t${id}\tboom`, 'ERROR boom'],
		['JSON format', JSON.stringify({timestamp: '2026-11-29T03:18:28.422Z', level: 'INFO', requestId: id, message: 'hello'}), 'INFO hello'],
		['JSON format, an object message', JSON.stringify({level: 'DEBUG', requestId: id, message: {orderId: 7}}), 'DEBUG {"orderId":7}'],
		['Lambda\'s own START line', `START RequestId: ${id} Version: $LATEST\n`, `START RequestId: ${id} Version: $LATEST`],
		['JSON that is not Lambda\'s', '{"hello": 1}', '{"hello": 1}'],
		['a line that only looks like a prefix', '2026-11-29 INFO x', '2026-11-29 INFO x'],
	])('%s', (_, message, text) => {
		expect(lambdaLogText(message)).toBe(text);
	});
});
