#!/usr/bin/env node
// Writes source/local/api-model/*.generated.ts: the request shapes of the Step
// Functions and CloudWatch Logs operations (each field's type, length or value
// range, enum and pattern, and which fields are required), taken from AWS's
// published service models as botocore ships them. sfntop serve checks every
// request against these tables the way AWS's front end does.
//
//   node scripts/generate-api-model.mjs [BOTOCORE_DATA_DIR]
//
// BOTOCORE_DATA_DIR defaults to the data folder of the botocore that the AWS
// CLI on this machine uses (python3 -c 'import botocore, os; print(os.path.dirname(botocore.__file__))').
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {gunzipSync} from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function botocoreData() {
	if (process.argv[2]) {
		return process.argv[2];
	}

	const module = execFileSync('python3', ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'], {encoding: 'utf8'}).trim();
	return path.join(module, 'data');
}

const services = [
	{name: 'sfn', folder: 'stepfunctions/2016-11-23', operations: 'all'},
	// The Logs model has ~100 operations; only those serve answers are tabled.
	{name: 'logs', folder: 'logs/2014-03-28', operations: ['CreateLogGroup', 'CreateLogStream', 'DescribeLogGroups', 'DescribeLogStreams', 'PutLogEvents', 'GetLogEvents', 'FilterLogEvents', 'StartLiveTail']},
];

/**
 * The parts of a shape a request check needs, in a compact form.
 * @param {Record<string, unknown> & {type: string, members?: Record<string, {shape: string}>, member?: {shape: string}, key?: {shape: string}, value?: {shape: string}, required?: string[]}} shape A shape of the botocore model.
 */
function compactShape(shape) {
	const out = {type: shape.type};
	for (const key of ['min', 'max', 'enum', 'pattern']) {
		if (shape[key] !== undefined) {
			out[key] = shape[key];
		}
	}

	switch (shape.type) {
		case 'structure': {
			out.members = Object.fromEntries(Object.entries(shape.members).map(([member, {shape: target}]) => [member, target]));
			if (shape.required?.length) {
				out.required = shape.required;
			}

			break;
		}

		case 'list': {
			out.member = shape.member.shape;
			break;
		}

		case 'map': {
			out.key = shape.key.shape;
			out.value = shape.value.shape;
			break;
		}

		default: {
			break;
		}
	}

	return out;
}

/**
 * A JavaScript literal in the repository's style (tabs, single quotes, bare keys), so the generated file lints clean.
 * @param {unknown} value What to write.
 * @param {number} depth Its nesting depth.
 */
function literal(value, depth = 0) {
	const indent = '\t'.repeat(depth + 1);
	const closing = '\t'.repeat(depth);
	if (typeof value === 'string') {
		return `'${JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"').replaceAll('\'', String.raw`\'`)}'`;
	}

	if (Array.isArray(value)) {
		return value.every(item => typeof item !== 'object') ? `[${value.map(item => literal(item)).join(', ')}]` : `[\n${value.map(item => `${indent}${literal(item, depth + 1)},`).join('\n')}\n${closing}]`;
	}

	if (value && typeof value === 'object') {
		const entries = Object.entries(value);
		if (entries.length === 0) {
			return '{}';
		}

		const key = name => (/^[$a-z_][\w$]*$/i.test(name) ? name : literal(name));
		return `{\n${entries.map(([name, item]) => `${indent}${key(name)}: ${literal(item, depth + 1)},`).join('\n')}\n${closing}}`;
	}

	// Numbers with digit group separators, as the linter asks (1_048_576).
	if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 10_000) {
		const digits = String(Math.abs(value));
		const groups = [];
		for (let end = digits.length; end > 0; end -= 3) {
			groups.unshift(digits.slice(Math.max(0, end - 3), end));
		}

		return `${value < 0 ? '-' : ''}${groups.join('_')}`;
	}

	return String(value);
}

function generate({name, folder, operations}, dataDir) {
	const file = path.join(dataDir, folder, 'service-2.json.gz');
	const model = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
	const chosen = operations === 'all' ? Object.keys(model.operations) : operations;
	const shapes = {};
	const visit = shapeName => {
		if (Object.hasOwn(shapes, shapeName)) {
			return;
		}

		const shape = compactShape(model.shapes[shapeName]);
		shapes[shapeName] = shape;
		for (const target of [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value]) {
			if (target) {
				visit(target);
			}
		}
	};

	const inputs = {};
	for (const operation of chosen.toSorted((a, b) => a.localeCompare(b))) {
		const input = model.operations[operation].input?.shape;
		inputs[operation] = input ?? null;
		if (input) {
			visit(input);
		}
	}

	const sortedShapes = Object.fromEntries(Object.keys(shapes).toSorted((a, b) => a.localeCompare(b)).map(key => [key, shapes[key]]));
	const text = [
		'// GENERATED by scripts/generate-api-model.mjs from AWS\'s published service model',
		`// (botocore ${folder}/service-2.json.gz, apiVersion ${model.metadata.apiVersion}). Do not edit: run the script.`,
		'import type {ServiceModel} from \'./shape-types.js\';',
		'',
		`export const ${name}Model: ServiceModel = ${literal({targetPrefix: model.metadata.targetPrefix, operations: inputs, shapes: sortedShapes})};`,
		'',
	].join('\n');
	const out = path.join(repoRoot, 'source', 'local', 'api-model', `${name}.generated.ts`);
	writeFileSync(out, text);
	process.stdout.write(`${path.relative(repoRoot, out)}: ${chosen.length} operations, ${Object.keys(shapes).length} shapes\n`);
}

const dataDir = botocoreData();
for (const service of services) {
	generate(service, dataDir);
}
