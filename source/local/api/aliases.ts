import {parseMachineArn} from '../arns.js';
import {AwsError} from '../aws-error.js';
import type {Store} from '../store.js';
import type {RoutingEntry, StoredAlias} from '../store-types.js';
import {keysetPage} from './cursor.js';
import {aliasOf, machineOf, noSuchResource} from './lookups.js';
import {requireActive} from './machine-deletion.js';
import {seconds, type ApiContext, type Operation} from './operation.js';

/*
 * Aliases route each start to one of up to two versions of one machine, by
 * weight. Errors as AWS words them (LocalStack's recorded
 * test_sfn_api_aliasing snapshots).
 */

/** The routing configuration checked beyond the model (which already holds 1-2 entries, weights 0-100). */
function checkRouting(store: Store, routing: RoutingEntry[]): string {
	const arns = routing.map(route => route.stateMachineVersionArn);
	const parsed = arns.map(arn => {
		try {
			return parseMachineArn(arn);
		} catch {
			return undefined;
		}
	});
	if (parsed.some(arn => arn?.version === undefined)) {
		throw new AwsError('ValidationException', `Routing configuration must contain state machine version ARNs. Received: [${arns.join(', ')}]`);
	}

	if (new Set(arns).size !== arns.length) {
		throw new AwsError('ValidationException', `Routing configuration must contain distinct state machine version ARNs. Received: [${arns.join(', ')}]`);
	}

	if (new Set(parsed.map(arn => arn!.machineArn)).size > 1) {
		throw new AwsError('ValidationException', `Routing configuration must contain versions of one state machine. Received: [${arns.join(', ')}]`);
	}

	const total = routing.reduce((sum, route) => sum + route.weight, 0);
	if (total !== 100) {
		throw new AwsError('ValidationException', `Sum of routing configuration weights must equal 100. Received: [${routing.map(route => route.weight).join(', ')}]`);
	}

	if (arns.some(arn => !store.versions.has(arn))) {
		throw noSuchResource();
	}

	return parsed[0]!.machineArn;
}

const routingOf = (alias: StoredAlias) => alias.routingConfiguration.map(({stateMachineVersionArn, weight}) => ({stateMachineVersionArn, weight}));

/** CreateStateMachineAlias, DescribeStateMachineAlias, ListStateMachineAliases, UpdateStateMachineAlias, DeleteStateMachineAlias. */
export function aliasOperations({store}: ApiContext): Record<string, Operation> {
	return {
		CreateStateMachineAlias({body}) {
			const routing = body.routingConfiguration as RoutingEntry[];
			const machineArn = requireActive(machineOf(store, checkRouting(store, routing))).arn;
			const arn = `${machineArn}:${body.name as string}`;
			const description = body.description as string | undefined;
			const existing = store.aliases.get(arn);
			if (existing) {
				// Idempotent only for the very same request (recorded: a different description or routing is a conflict).
				if (existing.description !== description || JSON.stringify(routingOf(existing)) !== JSON.stringify(routing)) {
					throw new AwsError('ConflictException', 'Failed to create alias because an alias with the same name and a different routing configuration already exists.');
				}

				return {stateMachineAliasArn: arn, creationDate: seconds(existing.creationDate)};
			}

			const alias: StoredAlias = {arn, machineArn, name: body.name as string, ...(description !== undefined && {description}), routingConfiguration: routing, creationDate: Date.now()};
			store.putAlias(alias);
			return {stateMachineAliasArn: arn, creationDate: seconds(alias.creationDate)};
		},
		DescribeStateMachineAlias({body}) {
			const alias = aliasOf(store, body.stateMachineAliasArn);
			return {
				stateMachineAliasArn: alias.arn,
				name: alias.name,
				...(alias.description !== undefined && {description: alias.description}),
				routingConfiguration: routingOf(alias),
				creationDate: seconds(alias.creationDate),
				...(alias.updateDate !== undefined && {updateDate: seconds(alias.updateDate)}),
			};
		},
		ListStateMachineAliases({body}) {
			const machine = machineOf(store, body.stateMachineArn);
			const aliases = [...store.aliases.values()].filter(alias => alias.machineArn === machine.arn).toSorted((a, b) => a.creationDate - b.creationDate || (a.arn < b.arn ? -1 : 1));
			const {items, nextToken} = keysetPage(aliases, body, {
				kind: 'aliases',
				scope: machine.arn,
				cursorOf: alias => ({d: alias.creationDate, a: alias.arn}),
				isAfter: (alias, cursor) => alias.creationDate > Number(cursor.d) || (alias.creationDate === Number(cursor.d) && alias.arn > String(cursor.a)),
			});
			return {stateMachineAliases: items.map(alias => ({stateMachineAliasArn: alias.arn, creationDate: seconds(alias.creationDate)})), ...(nextToken && {nextToken})};
		},
		UpdateStateMachineAlias({body}) {
			const alias = aliasOf(store, body.stateMachineAliasArn);
			requireActive(machineOf(store, alias.machineArn));
			if (body.description === undefined && body.routingConfiguration === undefined) {
				throw new AwsError('ValidationException', 'Either the description or the routing configuration must be specified');
			}

			const routing = body.routingConfiguration as RoutingEntry[] | undefined;
			if (routing && checkRouting(store, routing) !== alias.machineArn) {
				throw new AwsError('ValidationException', `Routing configuration must contain versions of the alias's state machine. Received: [${routing.map(route => route.stateMachineVersionArn).join(', ')}]`);
			}

			const updated: StoredAlias = {...alias, ...(body.description !== undefined && {description: body.description as string}), ...(routing && {routingConfiguration: routing}), updateDate: Date.now()};
			store.putAlias(updated);
			return {updateDate: seconds(updated.updateDate)};
		},
		DeleteStateMachineAlias({body}) {
			// Deleting an alias that does not exist succeeds (recorded: test_delete_no_such_alias_arn).
			const arn = body.stateMachineAliasArn as string;
			if (parseMachineArn(arn).alias !== undefined && store.aliases.has(arn)) {
				store.deleteAlias(arn);
			}

			return {};
		},
	};
}
