import {CreateStateMachineCommand, DescribeStateMachineCommand, UpdateStateMachineCommand, ValidateStateMachineDefinitionCommand, type SFNClient} from '@aws-sdk/client-sfn';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {RunningServer} from '../../source/local/server.js';
import {localEndpoint} from '../helpers/local-endpoint.js';

/*
 * Issue 12 item 3: definitions AWS refuses were accepted (and their
 * executions never ended). Create, Update and ValidateStateMachineDefinition
 * now use the asl validator (its rules are tested in test/local/asl/); these
 * tests hold the endpoint's wiring: the error, its wording, the diagnostics.
 */

const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';
const json = (value: unknown) => JSON.stringify(value);

const refused: Array<[string, unknown, string]> = [
	['an unreachable state', {StartAt: 'A', States: {A: {Type: 'Pass', End: true}, Orphan: {Type: 'Pass', End: true}}}, 'MISSING_TRANSITION_TARGET'],
	['End together with Next', {StartAt: 'A', States: {A: {Type: 'Pass', End: true, Next: 'B'}, B: {Type: 'Pass', End: true}}}, 'SCHEMA_VALIDATION_FAILED'],
	['a state that is null', {StartAt: 'A', States: {A: null}}, 'SCHEMA_VALIDATION_FAILED'],
	['a state name over 80 characters', {StartAt: 'x'.repeat(81), States: {['x'.repeat(81)]: {Type: 'Pass', End: true}}}, 'INVALID_STATE_NAME'],
	['duplicate state names across branches', {StartAt: 'P', States: {P: {Type: 'Parallel', End: true, Branches: [{StartAt: 'Same', States: {Same: {Type: 'Pass', End: true}}}, {StartAt: 'Same', States: {Same: {Type: 'Pass', End: true}}}]}}}, 'DUPLICATE_STATE_NAME'],
];

let server: RunningServer;
let sfn: SFNClient;

beforeAll(async () => {
	({server, sfn} = await localEndpoint());
});

afterAll(async () => {
	await server.close();
});

describe('definitions are validated as AWS validates them', () => {
	test.each(refused)('%s: CreateStateMachine refuses it with InvalidDefinition, ValidateStateMachineDefinition says FAIL', async (_, definition, code) => {
		const created = sfn.send(new CreateStateMachineCommand({name: 'Refused', definition: json(definition), roleArn}));
		await expect(created).rejects.toMatchObject({name: 'InvalidDefinition', message: expect.stringContaining('Invalid State Machine Definition: \'') as string});
		await expect(created).rejects.toMatchObject({message: expect.stringContaining(code) as string});
		const validated = await sfn.send(new ValidateStateMachineDefinitionCommand({definition: json(definition)}));
		expect(validated.result).toBe('FAIL');
		expect(validated.diagnostics!.map(diagnostic => diagnostic.code)).toContain(code);
		expect(validated.diagnostics!.every(diagnostic => diagnostic.severity === 'ERROR')).toBe(true);
	});

	test('UpdateStateMachine refuses a broken definition and keeps the old one', async () => {
		const good = json({StartAt: 'A', States: {A: {Type: 'Pass', End: true}}});
		const {stateMachineArn} = await sfn.send(new CreateStateMachineCommand({name: 'Kept', definition: good, roleArn}));
		await expect(sfn.send(new UpdateStateMachineCommand({stateMachineArn, definition: json(refused[0][1])}))).rejects.toMatchObject({name: 'InvalidDefinition'});
		expect((await sfn.send(new DescribeStateMachineCommand({stateMachineArn}))).definition).toBe(good);
	});

	test('text that is not JSON is INVALID_JSON_DESCRIPTION', async () => {
		const validated = await sfn.send(new ValidateStateMachineDefinitionCommand({definition: '{"StartAt": '}));
		expect(validated).toMatchObject({result: 'FAIL', truncated: false});
		expect(validated.diagnostics![0].code).toBe('INVALID_JSON_DESCRIPTION');
	});

	test('ValidateStateMachineDefinition: maxResults truncates, severity WARNING adds warnings', async () => {
		const many = {StartAt: 'A', States: Object.fromEntries(['A', 'B', 'C', 'D'].map(name => [name, {Type: 'Pass', Next: 'Nowhere'}]))};
		const all = await sfn.send(new ValidateStateMachineDefinitionCommand({definition: json(many)}));
		expect(all.diagnostics!.length).toBeGreaterThan(2);
		const two = await sfn.send(new ValidateStateMachineDefinitionCommand({definition: json(many), maxResults: 2}));
		expect(two).toMatchObject({result: 'FAIL', truncated: true});
		expect(two.diagnostics).toHaveLength(2);
		const ok = await sfn.send(new ValidateStateMachineDefinitionCommand({definition: json({StartAt: 'A', States: {A: {Type: 'Pass', End: true}}}), severity: 'WARNING'}));
		expect(ok).toMatchObject({result: 'OK', diagnostics: [], truncated: false});
	});
});
