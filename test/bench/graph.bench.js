// Layout + render of the largest definitions (SFNTOP_CORPUS_DIR when set, else the
// project's own test/fixtures/definitions) and a synthetic 100-state
// machine. Baseline: re-colouring by laying out again (what the dashboard must
// not do) versus re-colouring with renderGraph on the existing layout.
import process from 'node:process';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {buildMachineGraph} from '../../dist/model/graph/asl-graph.js';
import {layoutGraph} from '../../dist/model/graph/graph-layout.js';
import {renderGraph} from '../../dist/model/graph/graph-render.js';

const corpus = process.env.SFNTOP_CORPUS_DIR ? path.resolve(process.env.SFNTOP_CORPUS_DIR) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'definitions');

export function median(samples) {
	const sorted = samples.toSorted((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

export function time(fn, runs) {
	const samples = [];
	for (let index = 0; index < runs; index++) {
		const start = performance.now();
		fn();
		samples.push(performance.now() - start);
	}

	return median(samples);
}

/**
 * A 100-state machine: a chain with a Choice every 10 states, a Parallel and a Map.
 * @param count
 */
export function syntheticDefinition(count = 100) {
	const states = {};
	for (let index = 0; index < count; index++) {
		const name = `Step${String(index).padStart(3, '0')}`;
		const next = index + 1 < count ? `Step${String(index + 1).padStart(3, '0')}` : undefined;
		states[name] = index % 10 === 5 && next
			? {Type: 'Choice', Choices: [{Variable: '$.x', NumericEquals: index, Next: next}], Default: next}
			: {Type: index % 3 === 0 ? 'Pass' : 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', ...(next ? {Next: next} : {End: true})};
	}

	return {StartAt: 'Step000', States: states};
}

export default async function bench() {
	const rows = [];
	const largest = readdirSync(corpus).filter(file => file.endsWith('.json'))
		.map(file => ({file, text: readFileSync(path.join(corpus, file), 'utf8')}))
		.toSorted((a, b) => b.text.length - a.text.length)
		.slice(0, 3);
	const cases = [
		...largest.map(({file, text}) => ({name: file.replace(/\.json$/, '').slice(0, 40), definition: JSON.parse(text)})),
		{name: 'synthetic 100 states', definition: syntheticDefinition(100)},
	];
	for (const {name, definition} of cases) {
		const graph = buildMachineGraph(definition);
		const layoutMs = time(() => renderGraph(layoutGraph(graph, {maxWidth: 120, ascii: false})), 5);
		rows.push({name: `graph layout+render: ${name} (${graph.states.length} states)`, value: layoutMs, unit: 'ms', baseline: null, target: '< 50 ms', met: layoutMs < 50});
		const layout = layoutGraph(graph, {maxWidth: 120, ascii: false});
		const names = graph.states.map(state => state.name);
		let tick = 0;
		const recolour = () => {
			tick++;
			return renderGraph(layout, stateName => (stateName === names[tick % names.length] ? {role: 'status.RUNNING', emphasis: 'active'} : {role: 'status.SUCCEEDED', marker: '✓'}));
		};

		const recolourMs = time(recolour, 20);
		const relayoutMs = time(() => renderGraph(layoutGraph(graph, {maxWidth: 120, ascii: false}), () => ({role: 'status.SUCCEEDED'})), 5);
		rows.push({name: `graph re-colour (render only): ${name}`, value: recolourMs, unit: 'ms', baseline: relayoutMs, target: '< 5 ms, well under re-layout', met: recolourMs < 5 && recolourMs < relayoutMs});
	}

	return rows;
}
