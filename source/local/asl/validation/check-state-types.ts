/*
 * The checks particular to each state type. Messages measured against AWS
 * where named: Express limits and Credentials (LocalStack
 * v2/test_sfn_api_express.snapshot.json, v2/credentials/test_credentials_base.snapshot.json),
 * Timestamp (v2/scenarios/test_base_scenarios.snapshot.json test_wait_timestamp_invalid),
 * empty Branches (v2/test_state/test_state_mock_validation.snapshot.json),
 * Resource (v2/services/test_dynamodb_task_service.snapshot.json).
 */
import {jsonataExpressionText} from '../jsonata/jsonata-expression.js';
import {parseTimestamp} from '../timestamp.js';
import {checkChoices} from './check-choice.js';
import {checkJsonataValue} from './check-jsonata.js';
import {checkPayloadTemplate} from './check-jsonpath.js';
import {expectNumber, expectOneOf, expectString} from './check-values.js';
import {childLocation} from './diagnostics.js';
import type {StateCheck} from './validation-context.js';

const resourceArn = /^arn:[\w-]+:[\w-]+:[^\s:]*:[^\s:]*:\S+$/;
const maxSeconds = 99_999_999;

export function checkTask(check: StateCheck): void {
	const {state, context, location} = check;
	const resource = state.Resource;
	const where = childLocation(location, 'Resource');
	if (resource === undefined) {
		context.diagnostics.schema('These fields are required: [Resource]', location);
	} else if (typeof resource !== 'string') {
		context.diagnostics.schema('The field \'Resource\' must be a STRING', where);
	} else if (!resourceArn.test(resource)) {
		context.diagnostics.schema(`The resource provided ${resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`, where);
	} else if (context.type === 'EXPRESS') {
		if (/\.sync(?::\d+)?$/.test(resource)) {
			context.diagnostics.schema('Express state machine does not support \'.sync\' service integration', where);
		} else if (resource.endsWith('.waitForTaskToken')) {
			context.diagnostics.schema('Express state machine does not support \'.waitForTaskToken\' service integration ', where);
		} else if (/^arn:[\w-]+:states:[^:]+:[^:]+:activity:/.test(resource)) {
			context.diagnostics.schema('Express state machine does not support Activity ARN', where);
		}
	}

	expectNumber(check, 'TimeoutSeconds', {min: 1, max: maxSeconds, integer: true});
	expectNumber(check, 'HeartbeatSeconds', {min: 1, max: maxSeconds, integer: true});
	const credentials = state.Credentials;
	if (credentials !== undefined) {
		const credentialsWhere = childLocation(location, 'Credentials');
		if (typeof credentials !== 'object' || credentials === null || Array.isArray(credentials)) {
			if (jsonataExpressionText(credentials) === undefined) {
				context.diagnostics.schema('The field \'Credentials\' must be an OBJECT', credentialsWhere);
			}
		} else if (!('RoleArn' in credentials) && !('RoleArn.$' in credentials)) {
			context.diagnostics.schema('The field \'RoleArn\' is required but was missing', credentialsWhere);
		} else if (check.language === 'JSONPath') {
			checkPayloadTemplate(credentials, credentialsWhere, context.diagnostics, check.variables);
		}
	}
}

export function checkWait(check: StateCheck): void {
	expectOneOf(check, ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'], true);
	expectNumber(check, 'Seconds', {min: 0, max: maxSeconds, integer: true});
	const timestamp = check.state.Timestamp;
	if (timestamp === undefined) {
		return;
	}

	const where = childLocation(check.location, 'Timestamp');
	if (typeof timestamp !== 'string') {
		check.context.diagnostics.schema('The field \'Timestamp\' must be a STRING', where);
	} else if ((check.language !== 'JSONata' || jsonataExpressionText(timestamp) === undefined) && parseTimestamp(timestamp) === undefined) {
		check.context.diagnostics.schema('String does not match RFC3339 timestamp', where);
	}
}

export function checkFail(check: StateCheck): void {
	for (const field of ['Error', 'Cause']) {
		expectString(check, field);
	}
}

export function checkChoice(check: StateCheck): void {
	const {state, context, location} = check;
	if (state.Choices === undefined) {
		context.diagnostics.schema('These fields are required: [Choices]', location);
	} else {
		checkChoices(state.Choices, childLocation(location, 'Choices'), {diagnostics: context.diagnostics, variables: check.variables, language: check.language});
		if (Array.isArray(state.Choices)) {
			for (const [index, rule] of state.Choices.entries()) {
				const next = (rule as {Next?: unknown} | null)?.Next;
				if (typeof next === 'string') {
					check.summary.targets.push({next, location: childLocation(childLocation(childLocation(location, 'Choices'), index), 'Next')});
				}
			}
		}
	}

	if (typeof state.Default === 'string') {
		check.summary.targets.push({next: state.Default, location: childLocation(location, 'Default')});
	} else {
		expectString(check, 'Default');
	}
}

export function checkParallel(check: StateCheck): void {
	const {state, context, location} = check;
	const branches = state.Branches;
	const where = childLocation(location, 'Branches');
	if (branches === undefined) {
		context.diagnostics.schema('These fields are required: [Branches]', location);
	} else if (!Array.isArray(branches)) {
		context.diagnostics.schema('The field \'Branches\' must be an ARRAY', where);
	} else if (branches.length === 0) {
		context.diagnostics.schema('Value cannot be empty', where);
	} else {
		for (const [index, branch] of branches.entries()) {
			check.summary.scopes.push({scope: branch, location: childLocation(where, index), kind: 'branch'});
		}
	}
}

const labelForbidden = /[\s\u{0}-\u{1F}"#$%&*,:;<>?[\\\]^`{|}~\u{7F}-\u{9F}]/u;

export function checkMap(check: StateCheck): void {
	const {state, context, location} = check;
	expectOneOf(check, ['ItemProcessor', 'Iterator'], true);
	const processorField = state.ItemProcessor === undefined ? 'Iterator' : 'ItemProcessor';
	if (state[processorField] !== undefined) {
		check.summary.scopes.push({scope: state[processorField], location: childLocation(location, processorField), kind: 'processor'});
	}

	expectNumber(check, 'MaxConcurrency', {min: 0, integer: true});
	expectNumber(check, 'ToleratedFailureCount', {min: 0, integer: true});
	expectNumber(check, 'ToleratedFailurePercentage', {min: 0, max: 100, integer: false});
	if (typeof state.Label === 'string') {
		const bad = labelForbidden.exec(state.Label);
		if (bad) {
			context.diagnostics.schema(`Label contains invalid character: '${bad[0]}'`, childLocation(location, 'Label'));
		} else if (state.Label.length === 0 || state.Label.length > 40) {
			context.diagnostics.schema('Label must be between 1 and 40 characters long', childLocation(location, 'Label'));
		}
	} else {
		expectString(check, 'Label');
	}

	for (const field of ['ItemReader', 'ItemBatcher', 'ResultWriter']) {
		const value = state[field];
		if (value === undefined) {
			continue;
		}

		const where = childLocation(location, field);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			context.diagnostics.schema(`The field '${field}' must be an OBJECT`, where);
		} else if (check.language === 'JSONata') {
			checkJsonataValue(value, where, context.diagnostics, check.variables);
		} else {
			checkPayloadTemplate(value, where, context.diagnostics, check.variables);
		}
	}
}
