import {isRecord} from '../text/json-text.js';
import type {MachineEdge, MachineGraph, MachineState, StateType} from '../types.js';
import {UserError} from '../user-error.js';

const stateTypes: readonly StateType[] = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

export function isStateType(value: unknown): value is StateType {
	return (stateTypes as readonly unknown[]).includes(value);
}

type Scope = {
	states: Record<string, unknown>;
	startAt: string;
	parent: string | null;
	branch?: number;
	depth: number;
	/** How the scope is named in messages: "the state machine", `branch 2 of "Fan out"`. */
	label: string;
};

/** Short, readable text for a Choice rule: the JSONata Condition or a JSONPath comparison. */
export function describeChoiceRule(rule: Record<string, unknown>): string {
	if (typeof rule.Condition === 'string') {
		return rule.Condition.replace(/^\{%/, '').replace(/%\}$/, '').trim();
	}

	for (const combinator of ['And', 'Or'] as const) {
		const parts = rule[combinator];
		if (Array.isArray(parts)) {
			return parts.filter(part => isRecord(part)).map(part => describeChoiceRule(part)).join(combinator === 'And' ? ' && ' : ' || ');
		}
	}

	if (isRecord(rule.Not)) {
		return `!(${describeChoiceRule(rule.Not)})`;
	}

	const variable = typeof rule.Variable === 'string' ? rule.Variable : '?';
	for (const [key, value] of Object.entries(rule)) {
		if (['Variable', 'Next', 'Comment', 'Assign', 'Output'].includes(key)) {
			continue;
		}

		return `${variable} ${comparatorSymbol(key)} ${JSON.stringify(value)}`;
	}

	return variable;
}

function comparatorSymbol(key: string): string {
	const symbols: Array<[RegExp, string]> = [
		[/EqualsPath$|Equals$/, '=='],
		[/GreaterThanEqualsPath$|GreaterThanEquals$/, '>='],
		[/LessThanEqualsPath$|LessThanEquals$/, '<='],
		[/GreaterThanPath$|GreaterThan$/, '>'],
		[/LessThanPath$|LessThan$/, '<'],
	];
	for (const [pattern, symbol] of symbols) {
		if (pattern.test(key)) {
			return symbol;
		}
	}

	return key;
}

/**
 * ASL definition object -> graph of every state (nested ones included) and
 * every edge. State names are unique across a machine (ASL requires it), so
 * they are the ids. Throws a UserError naming the first problem found.
 */
export function buildMachineGraph(definition: Record<string, unknown>): MachineGraph {
	const states: MachineState[] = [];
	const edges: MachineEdge[] = [];
	const seen = new Set<string>();

	const machineLanguage = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
	const visitScope = (scope: Scope) => {
		if (!Object.hasOwn(scope.states, scope.startAt)) {
			throw new UserError(`StartAt "${scope.startAt}" of ${scope.label} names no state there`);
		}

		for (const [name, raw] of Object.entries(scope.states)) {
			if (!isRecord(raw)) {
				// Seen in the wild: `"QueryLanguage": "JSONata"` misplaced inside States.
				// A viewer draws what is there rather than refusing the whole file.
				continue;
			}

			if (seen.has(name)) {
				throw new UserError(`state name "${name}" is used twice; state names must be unique in a state machine`);
			}

			seen.add(name);
			const stateType = raw.Type;
			if (!isStateType(stateType)) {
				throw new UserError(`state "${name}" has unknown Type ${JSON.stringify(stateType)}; expected one of ${stateTypes.join(', ')}`);
			}

			const checkTarget = (target: unknown, field: string): string => {
				if (typeof target !== 'string' || !Object.hasOwn(scope.states, target)) {
					throw new UserError(`${field} of state "${name}" names ${JSON.stringify(target)}, which is not a state in ${scope.label}`);
				}

				return target;
			};

			const processor = isRecord(raw.ItemProcessor) ? raw.ItemProcessor : (isRecord(raw.Iterator) ? raw.Iterator : undefined);
			const distributed = stateType === 'Map'
				&& ((isRecord(processor?.ProcessorConfig) && processor.ProcessorConfig.Mode === 'DISTRIBUTED') || 'ItemReader' in raw || 'ResultWriter' in raw);
			const isEnd = raw.End === true || stateType === 'Succeed' || stateType === 'Fail';
			const assigns = assignedNames(raw);
			states.push({
				name,
				type: stateType,
				parent: scope.parent,
				...(scope.branch !== undefined && {branch: scope.branch}),
				depth: scope.depth,
				isStart: name === scope.startAt,
				isEnd,
				...((typeof raw.Resource === 'string') && {resource: raw.Resource}),
				...((typeof raw.Comment === 'string') && {comment: raw.Comment}),
				...(distributed && {distributed: true}),
				...(assigns.length > 0 && {assigns}),
				queryLanguage: raw.QueryLanguage === 'JSONata' || (raw.QueryLanguage === undefined && machineLanguage === 'JSONata') ? 'JSONata' : 'JSONPath',
				definition: raw,
			});

			if (stateType === 'Choice') {
				const choices = Array.isArray(raw.Choices) ? raw.Choices : [];
				if (choices.length === 0) {
					throw new UserError(`Choice state "${name}" has no Choices`);
				}

				for (const [index, rule] of choices.entries()) {
					if (!isRecord(rule)) {
						throw new UserError(`rule ${index + 1} of Choice state "${name}" is not an object`);
					}

					edges.push({from: name, to: checkTarget(rule.Next, `Choices[${index}].Next`), kind: 'choice', label: describeChoiceRule(rule)});
				}

				if (raw.Default !== undefined) {
					edges.push({from: name, to: checkTarget(raw.Default, 'Default'), kind: 'default', label: 'Default'});
				}
			} else if (isEnd) {
				edges.push({from: name, to: null, kind: 'end'});
			} else if (raw.Next === undefined) {
				throw new UserError(`state "${name}" has neither "Next" nor "End": true`);
			} else {
				edges.push({from: name, to: checkTarget(raw.Next, 'Next'), kind: 'next'});
			}

			if (Array.isArray(raw.Catch)) {
				for (const [index, catcher] of raw.Catch.entries()) {
					if (!isRecord(catcher)) {
						continue;
					}

					const errors = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals.join(', ') : 'States.ALL';
					edges.push({from: name, to: checkTarget(catcher.Next, `Catch[${index}].Next`), kind: 'catch', label: errors});
				}
			}

			if (stateType === 'Parallel') {
				const branches = Array.isArray(raw.Branches) ? raw.Branches : [];
				if (branches.length === 0) {
					throw new UserError(`Parallel state "${name}" has no Branches`);
				}

				for (const [index, branch] of branches.entries()) {
					visitScope(scopeOf(branch, name, `branch ${index + 1} of "${name}"`, scope.depth + 1, index));
				}
			}

			if (stateType !== 'Map') {
				continue;
			}

			if (!processor) {
				throw new UserError(`Map state "${name}" has no ItemProcessor (or Iterator)`);
			}

			visitScope(scopeOf(processor, name, `the item processor of "${name}"`, scope.depth + 1));
		}
	};

	visitScope(scopeOf(definition, null, 'the state machine', 0));
	const queryLanguage = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
	return {
		startAt: String(definition.StartAt),
		queryLanguage,
		...((typeof definition.Comment === 'string') && {comment: definition.Comment}),
		states,
		edges,
	};
}

/** Variable names a state's Assign blocks set (the state's own, each Choice rule's, each Catch's); JSONPath's `name.$` is `name`. */
export function assignedNames(state: Record<string, unknown>): string[] {
	const blocks = [state.Assign];
	for (const list of [state.Choices, state.Catch]) {
		if (Array.isArray(list)) {
			blocks.push(...list.map(item => (isRecord(item) ? item.Assign : undefined)));
		}
	}

	const names = new Set<string>();
	for (const block of blocks) {
		if (isRecord(block)) {
			for (const key of Object.keys(block)) {
				names.add(key.endsWith('.$') ? key.slice(0, -2) : key);
			}
		}
	}

	return [...names];
}

function scopeOf(value: unknown, parent: string | null, label: string, depth: number, branch?: number): Scope {
	if (!isRecord(value) || !isRecord(value.States)) {
		throw new UserError(`${label} has no "States" object`);
	}

	if (typeof value.StartAt !== 'string') {
		throw new UserError(`${label} has no "StartAt"`);
	}

	return {states: value.States, startAt: value.StartAt, parent, depth, label, ...(branch !== undefined && {branch})};
}

/** Children of a container state, grouped by branch (Map: one group), in definition order. */
export function childrenByBranch(graph: MachineGraph, parent: string): MachineState[][] {
	const groups: MachineState[][] = [];
	for (const state of graph.states) {
		if (state.parent !== parent) {
			continue;
		}

		const index = state.branch ?? 0;
		(groups[index] ??= []).push(state);
	}

	return groups.filter(Boolean);
}
