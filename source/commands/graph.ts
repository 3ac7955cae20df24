import {terminalSafeJson} from '../model/text/sanitize.js';
import {buildMachineGraph} from '../model/graph/asl-graph.js';
import {parseDefinitionText} from '../model/graph/definition-input.js';
import {layoutGraph} from '../model/graph/graph-layout.js';
import {renderGraph} from '../model/graph/graph-render.js';
import {variableMarks} from '../model/graph/variable-marks.js';
import {lineToAnsi, pickTheme} from '../model/text/theme.js';
import type {MachineGraph} from '../model/types.js';
import {defineCommand} from './command.js';
import {displayFlagHelp, displayFlags} from './global-flags.js';
import {readInputFile} from './read-input.js';

/** The --json shape: the model, every state (nested ones too) and every edge. */
export function graphJson(graph: MachineGraph): unknown {
	return {
		startAt: graph.startAt,
		queryLanguage: graph.queryLanguage,
		states: graph.states.map(state => ({
			name: state.name,
			type: state.type,
			parent: state.parent,
			...(state.branch !== undefined && {branch: state.branch}),
			depth: state.depth,
			isStart: state.isStart,
			isEnd: state.isEnd,
			...(state.resource && {resource: state.resource}),
			...(state.distributed && {distributed: true}),
			...(state.queryLanguage === 'JSONata' && {queryLanguage: 'JSONata'}),
			...(state.assigns && {assigns: state.assigns}),
		})),
		edges: graph.edges.map(edge => ({from: edge.from, to: edge.to, kind: edge.kind, ...(edge.label && {label: edge.label})})),
	};
}

export const graphCommand = defineCommand({
	name: 'graph',
	summary: 'Draw a state machine definition as a graph',
	words: 1,
	usage: 'sfntop graph FILE|- [--width N] [--ascii] [--no-color] [--json]',
	description: [
		'Reads an Amazon States Language definition (plain ASL JSON, the output of',
		'`aws stepfunctions describe-state-machine`, or a CloudFormation/SAM template)',
		'and draws it top to bottom. Parallel branches and Map item processors are',
		'nested boxes; Catch edges are dashed. When the graph is wider than --width it',
		'falls back to a compact one-column view of the same graph.',
	].join('\n'),
	flags: {
		...displayFlags,
		json: {type: 'boolean', default: false},
	},
	flagHelp: [
		...displayFlagHelp,
		'--json              Print the model: {"states": [...], "edges": [...]}',
	],
	examples: [
		'sfntop graph examples/order-processing.json',
		'aws stepfunctions describe-state-machine --state-machine-arn ARN | sfntop graph -',
	],
	async run({input, flags, options, stdout, stdin}) {
		const {text, name} = await readInputFile(input[0], stdin, 'a state machine definition');
		const graph = buildMachineGraph(parseDefinitionText(text, name));
		if (flags.json) {
			stdout.write(`${terminalSafeJson(graphJson(graph), 2)}\n`);
			return 0;
		}

		const layout = layoutGraph(graph, {maxWidth: options.display.width, ascii: options.display.ascii});
		const theme = pickTheme({color: options.display.color});
		const lines = renderGraph(layout, variableMarks(graph)).map(line => lineToAnsi(line, theme));
		stdout.write(`${lines.join('\n')}\n`);
		return 0;
	},
});
