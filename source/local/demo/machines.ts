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

/**
 * The order workflow in JSONata, keeping what later steps need in variables
 * (exactly examples/order-jsonata.json). The demo publishes it as version 1
 * with an alias `prod`, and starts some executions through the alias.
 */
export const orderJsonata = {
	Comment: 'The order workflow in JSONata, keeping what later steps need in variables',
	QueryLanguage: 'JSONata',
	StartAt: 'ValidateOrder',
	States: {
		ValidateOrder: {
			Type: 'Task',
			Resource: 'arn:aws:states:::lambda:invoke',
			Arguments: {
				FunctionName: fn('validate-order'),
				Payload: '{% $states.input %}',
			},
			Assign: {
				orderId: '{% $states.input.orderId %}',
				itemCount: '{% $count($states.input.items) %}',
			},
			Output: '{% $states.result.Payload %}',
			Next: 'ReserveInventory',
		},
		ReserveInventory: {
			Type: 'Task',
			Resource: 'arn:aws:states:::lambda:invoke',
			Arguments: {
				FunctionName: fn('reserve-inventory'),
				Payload: '{% $states.input %}',
			},
			Assign: {
				reservationId: '{% $states.result.Payload.reservationId %}',
			},
			Output: '{% $states.result.Payload %}',
			Next: 'LargeOrder',
		},
		LargeOrder: {
			Type: 'Choice',
			Choices: [
				{
					Condition: '{% $itemCount > 2 %}',
					Assign: {
						priority: 'express',
					},
					Next: 'ChargeCustomer',
				},
			],
			Default: 'ChargeCustomer',
			Assign: {
				priority: 'standard',
			},
		},
		ChargeCustomer: {
			Type: 'Task',
			Resource: 'arn:aws:states:::lambda:invoke',
			Arguments: {
				FunctionName: fn('charge-customer'),
				Payload: '{% $merge([$states.input, {\'reservationId\': $reservationId}]) %}',
			},
			Assign: {
				paymentId: '{% $states.result.Payload.paymentId %}',
			},
			Output: '{% $states.result.Payload %}',
			Retry: [
				{
					ErrorEquals: [
						'States.TaskFailed',
					],
					MaxAttempts: 1,
					IntervalSeconds: 1,
				},
			],
			Next: 'ShipOrder',
		},
		ShipOrder: {
			Type: 'Task',
			Resource: 'arn:aws:states:::lambda:invoke',
			Arguments: {
				FunctionName: fn('ship-order'),
				Payload: '{% $states.input %}',
			},
			Output: {
				orderId: '{% $orderId %}',
				priority: '{% $priority %}',
				paymentId: '{% $paymentId %}',
				trackingNumber: '{% $states.result.Payload.trackingNumber %}',
			},
			End: true,
		},
	},
};

/**
 * A nightly batch: each order line is its own child execution (Distributed
 * Map), a few fail (within the tolerated 10 %), so the Map Run panel has
 * progress and failures to show.
 */
export const nightlyBatch = {
	Comment: 'Pick every order line of the night: one child execution per item (Distributed Map)',
	StartAt: 'ProcessBatch',
	States: {
		ProcessBatch: {
			Type: 'Map',
			Label: 'ProcessBatch',
			ItemsPath: '$.items',
			MaxConcurrency: 6,
			ToleratedFailurePercentage: 10,
			ItemProcessor: {
				ProcessorConfig: {Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD'},
				StartAt: 'PickItem',
				States: {PickItem: {Type: 'Task', Resource: fn('pick-item'), End: true}},
			},
			ResultPath: null,
			Next: 'BatchDone',
		},
		BatchDone: {Type: 'Succeed'},
	},
};

/** A parent that places an order by running the JSONata order workflow (through its `prod` alias) as a child and waiting for it (.sync:2). */
export function orderParent(orderWorkflowAliasArn: string) {
	return {
		Comment: 'Place an order: run the order workflow as a child execution and wait for its output',
		StartAt: 'PlaceOrder',
		States: {
			PlaceOrder: {
				Type: 'Task',
				Resource: 'arn:aws:states:::states:startExecution.sync:2',
				Parameters: {
					StateMachineArn: orderWorkflowAliasArn,
					Input: {'orderId.$': '$.orderId', 'items.$': '$.items', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id'},
				},
				ResultSelector: {'order.$': '$.Output'},
				Next: 'Confirm',
			},
			Confirm: {Type: 'Pass', End: true},
		},
	};
}

export const demoRoleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';

/** For tests: the order workflow file must stay identical to the demo's copy. */
export function readOrderExample(file: string): unknown {
	return JSON.parse(readFileSync(file, 'utf8'));
}
