import {expect, test} from 'vitest';
import {parseTarget} from '../../source/model/arn.js';

test('MACHINE/latest, latest-succeeded and latest-failed name the newest execution, of any status or of one', () => {
	expect(parseTarget('Orders/latest')).toEqual({kind: 'latest', machine: 'Orders'});
	expect(parseTarget('Orders/latest-succeeded')).toEqual({kind: 'latest', machine: 'Orders', status: 'SUCCEEDED'});
	expect(parseTarget('Orders/latest-failed')).toEqual({kind: 'latest', machine: 'Orders', status: 'FAILED'});
	expect(parseTarget('Orders/latest-aborted')).toEqual({kind: 'execution-name', machine: 'Orders', name: 'latest-aborted'});
});
