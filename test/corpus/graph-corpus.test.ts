import {describe, expect, test} from 'vitest';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import {parseDefinitionText} from '../../source/model/graph/definition-input.js';
import {layoutGraph} from '../../source/model/graph/graph-layout.js';
import {renderGraph} from '../../source/model/graph/graph-render.js';
import {lineToPlain} from '../../source/model/text/theme.js';
import {displayWidth} from '../../source/model/text/width.js';
import {corpusDirectory, corpusFiles, corpusSkipNote, fixtureDefinitions} from '../helpers/corpus.js';

// The project's own definitions always; a folder of real ones too when SFNTOP_CORPUS_DIR names it.
const files = [...fixtureDefinitions(), ...corpusFiles().map(({file, text}) => ({file: `corpus/${file}`, text}))];

describe(`every definition (the project's own${corpusDirectory ? ` and ${corpusDirectory}` : ''})`, () => {
	test('the definitions are there', () => {
		expect(fixtureDefinitions().length).toBeGreaterThanOrEqual(9);
	});

	test.skipIf(!corpusDirectory)(corpusDirectory ? `the sweep over ${corpusDirectory}` : corpusSkipNote, () => {
		expect(corpusFiles().length, `SFNTOP_CORPUS_DIR=${corpusDirectory} holds no .json definitions`).toBeGreaterThan(0);
	});

	test.each(files.map(({file, text}) => [file, text]))('%s draws at 80 and 120 columns', (file, text) => {
		const graph = buildMachineGraph(parseDefinitionText(text, file));
		const definitionStates = new Set<string>();
		const walk = (scope: {States: Record<string, {Branches?: unknown[]; ItemProcessor?: unknown; Iterator?: unknown}>}) => {
			for (const [name, state] of Object.entries(scope.States)) {
				if (typeof state !== 'object' || state === null) {
					continue; // Not a state (one corpus file has QueryLanguage misplaced in States).
				}

				definitionStates.add(name);
				for (const branch of state.Branches ?? []) {
					walk(branch as typeof scope);
				}

				const processor = state.ItemProcessor ?? state.Iterator;
				if (processor) {
					walk(processor as typeof scope);
				}
			}
		};

		walk(JSON.parse(text) as Parameters<typeof walk>[0]);
		expect(new Set(graph.states.map(state => state.name))).toEqual(definitionStates);

		for (const width of [80, 120]) {
			const lines = renderGraph(layoutGraph(graph, {maxWidth: width, ascii: false})).map(line => lineToPlain(line));
			for (const line of lines) {
				expect(displayWidth(line)).toBeLessThanOrEqual(width);
			}

			if (width === 120) {
				const textOut = lines.join('\n');
				for (const name of definitionStates) {
					if (name.length <= 30 && !/[\u0000-\u001F]/.test(name)) {
						expect(textOut, `state "${name}" at width 120`).toContain(name);
					}
				}
			}
		}
	});
});
