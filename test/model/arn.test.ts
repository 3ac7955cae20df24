import {describe, expect, test} from 'vitest';
import {executionArnFor, executionNameOf, isExpressExecution, machineArnOfExecution, machineNameOf, machineOfExecution, mapRunNameOf, parseStatesArn, parseTarget, qualifiedMachineArn, qualifierLabel, ranUnderLabel} from '../../source/model/arn.js';

const machine = 'arn:aws:states:eu-west-1:123456789012:stateMachine:Orders';
const standard = 'arn:aws:states:eu-west-1:123456789012:execution:Orders:run-7';
const express = 'arn:aws:states:eu-west-1:123456789012:express:Orders:run-7:4f1c6a0e-1b2c-4d5e-8f90-123456789abc';

describe('ARNs the API hands back', () => {
	test('an execution\'s name is NAME, also for Express ARNs whose last part is an id', () => {
		expect(executionNameOf(standard)).toBe('run-7');
		expect(executionNameOf(express)).toBe('run-7');
	});

	test('the machine of an execution, standard or Express, keeps partition, region and account', () => {
		expect(machineOfExecution(standard)).toEqual({arn: machine, name: 'Orders'});
		expect(machineOfExecution(express)).toEqual({arn: machine, name: 'Orders'});
		expect(machineOfExecution('arn:aws-cn:states:cn-north-1:123456789012:execution:Orders:x')?.arn).toBe('arn:aws-cn:states:cn-north-1:123456789012:stateMachine:Orders');
		expect(machineOfExecution(machine)).toBeUndefined();
		expect(() => machineArnOfExecution(machine)).toThrow('is not an execution ARN');
	});

	test('a machine\'s name, with or without a version or alias', () => {
		expect(machineNameOf(machine)).toBe('Orders');
		expect(machineNameOf(`${machine}:prod`)).toBe('Orders');
		expect(parseStatesArn(`${machine}:3`)).toMatchObject({kind: 'stateMachine', machine: 'Orders', qualifier: '3'});
	});

	test('Express is read from the ARN', () => {
		expect(isExpressExecution(express)).toBe(true);
		expect(isExpressExecution(standard)).toBe(false);
	});

	test('an execution ARN is built from the machine, without its qualifier', () => {
		expect(executionArnFor(machine, 'run-8')).toBe('arn:aws:states:eu-west-1:123456789012:execution:Orders:run-8');
		expect(executionArnFor(`${machine}:prod`, 'run-8')).toBe('arn:aws:states:eu-west-1:123456789012:execution:Orders:run-8');
	});

	test('anything else is not a Step Functions ARN', () => {
		expect(parseStatesArn('arn:aws:lambda:eu-west-1:123456789012:function:f')).toBeUndefined();
		expect(parseStatesArn('Orders')).toBeUndefined();
		expect(executionNameOf('Orders')).toBe('Orders');
	});
});

describe('versions, aliases and map runs (issue 13)', () => {
	test('MACHINE:ALIAS and MACHINE:VERSION name a qualified machine; MACHINE/NAME stays an execution', () => {
		expect(parseTarget('Orders:prod')).toEqual({kind: 'machine-name', name: 'Orders', qualifier: 'prod'});
		expect(parseTarget('Orders:3')).toEqual({kind: 'machine-name', name: 'Orders', qualifier: '3'});
		expect(parseTarget('Orders/run-7')).toEqual({kind: 'execution-name', machine: 'Orders', name: 'run-7'});
		expect(() => parseTarget('Orders:prod:x')).toThrow('MACHINE:VERSION or MACHINE:ALIAS');
		expect(qualifiedMachineArn(machine, 'prod')).toBe(`${machine}:prod`);
		expect(qualifiedMachineArn(`${machine}:3`, 'prod')).toBe(`${machine}:prod`);
	});

	test('what an execution ran under, in people\'s words', () => {
		expect(qualifierLabel(`${machine}:3`)).toBe('v3');
		expect(qualifierLabel(`${machine}:prod`)).toBe('prod');
		expect(ranUnderLabel({versionArn: `${machine}:3`, aliasArn: `${machine}:prod`})).toBe('prod (v3)');
		expect(ranUnderLabel({versionArn: `${machine}:3`})).toBe('v3');
		expect(ranUnderLabel({})).toBe('');
	});

	test('a map run\'s children are executions of MACHINE/LABEL, and can be named by ARN', () => {
		const child = 'arn:aws:states:eu-west-1:123456789012:execution:Orders/ProcessBatch:2c7a1b9e-6b6f-3c53-b2a5-5d1f1f1a0a01';
		expect(parseTarget(child)).toEqual({kind: 'execution-arn', arn: child});
		expect(executionNameOf(child)).toBe('2c7a1b9e-6b6f-3c53-b2a5-5d1f1f1a0a01');
		expect(machineOfExecution(child)).toEqual({arn: `${machine}/ProcessBatch`, name: 'Orders/ProcessBatch'});
		expect(mapRunNameOf('arn:aws:states:eu-west-1:123456789012:mapRun:Orders/ProcessBatch:4f6c')).toBe('Orders/ProcessBatch:4f6c');
	});
});
