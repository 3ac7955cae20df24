/*
 * ItemBatcher (Distributed Map): the iteration inputs grouped into batches,
 * each child getting `{"Items": [...], "BatchInput": …}` (BatchInput only when
 * the definition has one). A batch holds at most MaxItemsPerBatch items and
 * MaxInputBytesPerBatch bytes of JSON (AWS: at most 256 KiB, the default);
 * either may come from a `…Path` (JSONPath) or a JSONata expression.
 */
import {Buffer} from 'node:buffer';
import {filterByPath} from './json-path/jsonpath-steps.js';
import {scopeOf} from './json-path/jsonpath-state.js';
import {resolvePayload} from './json-path/payload-template.js';
import {jsonataBindings} from './jsonata/jsonata-state.js';
import {resolveJsonataTemplate} from './jsonata/jsonata-template.js';
import type {StateEnv} from './state-env.js';
import {withinState} from './state-failure.js';
import {runtimeError} from './states-error.js';
import type {AslState} from './types.js';

const maxBatchBytes = 262_144;

type Batcher = {
	MaxItemsPerBatch?: unknown;
	MaxItemsPerBatchPath?: string;
	MaxInputBytesPerBatch?: unknown;
	MaxInputBytesPerBatchPath?: string;
	BatchInput?: unknown;
};

/** The inputs of a Map's children: one per item without ItemBatcher, one per batch with it. */
export async function mapBatches(state: AslState, itemInputs: unknown[], stateInput: unknown, env: StateEnv): Promise<unknown[]> {
	const batcher = state.ItemBatcher as Batcher | undefined;
	if (!batcher) {
		return itemInputs;
	}

	return withinState(env, async () => {
		const maxItems = await batchLimit(batcher, 'MaxItemsPerBatch', stateInput, env) ?? Infinity;
		const maxBytes = Math.min(await batchLimit(batcher, 'MaxInputBytesPerBatch', stateInput, env) ?? maxBatchBytes, maxBatchBytes);
		const batchInput = batcher.BatchInput === undefined ? undefined : await resolveBatchInput(batcher.BatchInput, stateInput, env);
		const envelopeBytes = Buffer.byteLength(JSON.stringify(batchInput === undefined ? {Items: []} : {Items: [], BatchInput: batchInput}));
		const batches: unknown[][] = [];
		let current: unknown[] = [];
		let currentBytes = envelopeBytes;
		for (const item of itemInputs) {
			const itemBytes = Buffer.byteLength(JSON.stringify(item)) + (current.length > 0 ? 1 : 0);
			if (current.length > 0 && (current.length >= maxItems || currentBytes + itemBytes > maxBytes)) {
				batches.push(current);
				current = [];
				currentBytes = envelopeBytes;
			}

			current.push(item);
			currentBytes += Buffer.byteLength(JSON.stringify(item)) + (current.length > 1 ? 1 : 0);
		}

		if (current.length > 0) {
			batches.push(current);
		}

		return batches.map(items => (batchInput === undefined ? {Items: items} : {Items: items, BatchInput: batchInput}));
	});
}

async function batchLimit(batcher: Batcher, field: 'MaxItemsPerBatch' | 'MaxInputBytesPerBatch', stateInput: unknown, env: StateEnv): Promise<number | undefined> {
	let value: unknown = batcher[field];
	const path = batcher[`${field}Path`];
	if (typeof path === 'string') {
		value = filterByPath(path, scopeOf(stateInput, env));
	} else if (typeof value === 'string' && env.language === 'JSONata') {
		value = await resolveJsonataTemplate(value, `ItemBatcher/${field}`, jsonataBindings(env, {input: stateInput}));
	}

	if (value === undefined) {
		return undefined;
	}

	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw runtimeError(`The ${field}${typeof path === 'string' ? 'Path' : ''} field refers to value "${typeof value === 'string' ? value : JSON.stringify(value)}" which is not a valid integer${typeof path === 'string' ? `: ${path}` : ''}`);
	}

	return value;
}

async function resolveBatchInput(template: unknown, stateInput: unknown, env: StateEnv): Promise<unknown> {
	return env.language === 'JSONata' ? resolveJsonataTemplate(template, 'ItemBatcher/BatchInput', jsonataBindings(env, {input: stateInput})) : resolvePayload(template, scopeOf(stateInput, env));
}
