import {readFileSync} from 'node:fs';

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** The reference order workflow, exactly as examples/order-processing.json. */
export const orderProcessing = {
	StartAt: 'ValidateOrder',
	States: {
		ValidateOrder: {Type: 'Task', Resource: fn('validate-order'), Next: 'ReserveInventory'},
		ReserveInventory: {Type: 'Task', Resource: fn('reserve-inventory'), Next: 'ChargeCustomer'},
		ChargeCustomer: {Type: 'Task', Resource: fn('charge-customer'), Next: 'ShipOrder'},
		ShipOrder: {Type: 'Task', Resource: fn('ship-order'), End: true},
	},
};

/** A richer order workflow: Choice, Parallel, Map over line items, Retry, Catch, Wait. */
export const orderFulfillment = {
	Comment: 'Fulfil an order: fraud check, pick each item, charge, notify, ship',
	StartAt: 'ValidateOrder',
	States: {
		ValidateOrder: {Type: 'Task', Resource: fn('validate-order'), Next: 'CheckFraud'},
		CheckFraud: {Type: 'Task', Resource: fn('check-fraud'), Next: 'IsRisky', Retry: [{ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2, IntervalSeconds: 1}]},
		IsRisky: {Type: 'Choice', Choices: [{Variable: '$.fraudScore', NumericGreaterThan: 0.8, Next: 'ManualReview'}], Default: 'PickItems'},
		ManualReview: {Type: 'Fail', Error: 'ManualReview', Cause: 'The order needs a manual fraud review'},
		PickItems: {Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 3, ResultPath: '$.picked', ItemProcessor: {StartAt: 'PickItem', States: {
			PickItem: {Type: 'Task', Resource: fn('pick-item'), End: true, Retry: [{ErrorEquals: ['ItemDamaged'], MaxAttempts: 1, IntervalSeconds: 1}]},
		}}, Next: 'ChargeCustomer'},
		ChargeCustomer: {Type: 'Task', Resource: fn('charge-customer'), Next: 'NotifyAndShip', Catch: [{ErrorEquals: ['PaymentDeclined'], ResultPath: '$.error', Next: 'PaymentFailed'}]},
		PaymentFailed: {Type: 'Pass', Result: 'payment declined', ResultPath: '$.note', Next: 'NotifyFailure'},
		NotifyFailure: {Type: 'Task', Resource: fn('notify-customer'), Next: 'OrderCancelled'},
		OrderCancelled: {Type: 'Fail', Error: 'PaymentDeclined', Cause: 'The payment was declined; the order is cancelled'},
		NotifyAndShip: {Type: 'Parallel', ResultPath: null, Branches: [
			{StartAt: 'NotifyCustomer', States: {NotifyCustomer: {Type: 'Task', Resource: fn('notify-customer'), End: true}}},
			{StartAt: 'WaitForCarrier', States: {WaitForCarrier: {Type: 'Wait', Seconds: 2, Next: 'ShipOrder'}, ShipOrder: {Type: 'Task', Resource: fn('ship-order'), End: true}}},
		], Next: 'Delivered'},
		Delivered: {Type: 'Succeed'},
	},
};

/** A quick Express workflow whose only history is its CloudWatch Logs records. */
export const orderEventsExpress = {
	StartAt: 'RecordEvent',
	States: {
		RecordEvent: {Type: 'Task', Resource: fn('record-event'), Next: 'Route'},
		Route: {Type: 'Choice', Choices: [{Variable: '$.orderId', IsPresent: true, Next: 'Done'}], Default: 'Done'},
		Done: {Type: 'Succeed'},
	},
};

export const demoRoleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';

/** For tests: the order workflow file must stay identical to the demo's copy. */
export function readOrderExample(file: string): unknown {
	return JSON.parse(readFileSync(file, 'utf8'));
}
