// Definition validation (issue 12: the old validator froze serve for 16 s on a
// Parallel nested 22 deep). For each shape: the longest time the event loop was
// held while validating, beside JSON.parse of the same text (the one piece that
// cannot be sliced) measured in the same run. Target: no hold over ~50 ms.
import {validateDefinition} from '../../dist/local/asl/index.js';

function nestedParallel(depth) {
	let branch = {StartAt: 'Leaf', States: {Leaf: {Type: 'Pass', End: true}}};
	for (let level = depth; level > 0; level--) {
		branch = {StartAt: `P${level}`, States: {[`P${level}`]: {Type: 'Parallel', End: true, Branches: [branch, {StartAt: `Q${level}`, States: {[`Q${level}`]: {Type: 'Pass', End: true}}}]}}};
	}

	return branch;
}

function megabyteOfStates() {
	const states = {};
	for (let index = 0; index < 3600; index++) {
		states[`S${index}`] = {Type: 'Pass', Parameters: {'value.$': '$.a.b[0]', 'text.$': `States.Format('{} {}', $.x, ${index})`, pad: 'x'.repeat(150)}, ...(index === 3599 ? {End: true} : {Next: `S${index + 1}`})};
	}

	return {StartAt: 'S0', States: states};
}

function manyExpressions() {
	const output = {};
	for (let index = 0; index < 8000; index++) {
		output[`K${index}`] = `{% $states.input.v${index} + ${index} %}`;
	}

	return {QueryLanguage: 'JSONata', StartAt: 'A', States: {A: {Type: 'Pass', Output: output, End: true}}};
}

/**
 * Validates once while a setImmediate ticker measures the longest gap between turns.
 * @param text the definition
 */
async function longestHold(text) {
	let longest = 0;
	let last = performance.now();
	let running = true;
	const tick = () => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
		if (running) {
			setImmediate(tick);
		}
	};

	setImmediate(tick);
	await validateDefinition(text);
	running = false;
	return Math.max(longest, performance.now() - last);
}

function parseTime(text) {
	const start = performance.now();
	JSON.parse(text);
	return performance.now() - start;
}

export default async function validationBench() {
	const shapes = [
		['Parallel nested 22 deep', nestedParallel(22)],
		['Parallel nested 200 deep', nestedParallel(200)],
		['1 MB definition, 3,600 states', megabyteOfStates()],
		['8,000 JSONata expressions', manyExpressions()],
	];
	const rows = [];
	for (const [label, definition] of shapes) {
		const text = JSON.stringify(definition);
		await validateDefinition(text); // Warm up (module load, JIT).
		const holds = [];
		const parses = [];
		for (let run = 0; run < 5; run++) {
			holds.push(await longestHold(text));
			parses.push(parseTime(text));
		}

		const value = holds.toSorted((a, b) => a - b)[2];
		rows.push({name: `validate: ${label} — longest event-loop hold`, value, unit: 'ms', baseline: parses.toSorted((a, b) => a - b)[2], target: '< 50 ms', met: value < 50});
	}

	return rows;
}
