import {randomUUID} from 'node:crypto';
import {isRecord} from '../../model/text/json-text.js';
import {handlerError, sleep, type Handler, type HandlerContext, type HandlerRegistry} from './types.js';

/*
 * The functions of the order workflows, so the documented AWS CLI commands
 * work against `sfntop serve` unchanged. Each takes a few hundred ms (input
 * `delayMs` overrides) so a person can watch the active state move, and
 * `failAt: "<function-name>"` makes that function fail while the execution's
 * redrive count is 0 — so a redrive succeeds, as after a real fix.
 */

const failures: Record<string, [string, string]> = {
	'validate-order': ['InvalidOrder', 'Order failed validation'],
	'reserve-inventory': ['OutOfStock', 'Not enough stock to reserve the order'],
	'charge-customer': ['PaymentDeclined', 'The card was declined by the issuer'],
	'ship-order': ['CarrierUnavailable', 'No carrier accepted the shipment'],
	'check-fraud': ['FraudSuspected', 'The order looks fraudulent'],
	'pick-item': ['ItemDamaged', 'The item was damaged while picking'],
	'notify-customer': ['NotificationFailed', 'The notification service is down'],
};

function orderOf(event: unknown): Record<string, unknown> {
	return isRecord(event) ? event : {value: event};
}

/** Common behaviour: delay, maybe fail, log, then compute the result. */
function orderStep(name: string, result: (order: Record<string, unknown>, context: HandlerContext) => Record<string, unknown>, defaultDelayMs = 400): Handler {
	return async (event, context) => {
		const order = orderOf(event);
		const id = order.orderId ?? order.itemId ?? '?';
		context.log(`${name}: processing order ${typeof id === 'string' || typeof id === 'number' ? id : JSON.stringify(id)}`);
		const delay = typeof order.delayMs === 'number' ? order.delayMs : defaultDelayMs;
		await sleep(delay, context.signal);
		if (order.failAt === name && context.redriveCount === 0) {
			const [errorType, message] = failures[name] ?? ['TaskFailed', `${name} failed`];
			context.log(`${name}: ${message}`);
			throw handlerError(errorType, message);
		}

		const output = result(order, context);
		context.log(`${name}: done`);
		return output;
	};
}

const shortId = () => randomUUID().slice(0, 8);

export const builtInHandlers: HandlerRegistry = {
	'validate-order': orderStep('validate-order', order => {
		if (order.orderId === undefined) {
			throw handlerError('InvalidOrder', 'The order has no orderId');
		}

		return {...order, validated: true};
	}, 300),
	'reserve-inventory': orderStep('reserve-inventory', order => ({...order, reservationId: `res-${shortId()}`})),
	'charge-customer': orderStep('charge-customer', order => ({...order, paymentId: `pay-${shortId()}`, charged: true}), 500),
	'ship-order': orderStep('ship-order', order => ({...order, trackingNumber: `1Z${shortId().toUpperCase()}`}), 400),
	'check-fraud': orderStep('check-fraud', order => ({...order, fraudScore: 0.07}), 200),
	'pick-item': orderStep('pick-item', order => ({...order, picked: true}), 250),
	'notify-customer': orderStep('notify-customer', order => ({...order, notified: true}), 150),
	'record-event': orderStep('record-event', order => ({...order, recorded: true}), 50),
};
