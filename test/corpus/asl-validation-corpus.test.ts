/*
 * Validation must accept every definition AWS accepts: the project's own
 * definitions, and — when SFNTOP_CORPUS_DIR names a folder of real ones (CI:
 * the 258 definitions of aws-samples repositories) — those, as deployed
 * (placeholders filled, see deployed-form.ts), get no ERROR — except the ones
 * listed here, which AWS refuses too.
 */
import {describe, expect, test} from 'vitest';
import {validateDefinition} from '../../source/local/asl/index.js';
import {corpusDirectory, corpusFiles, corpusSkipNote, fixtureDefinitions} from '../helpers/corpus.js';
import {deployedForm} from './deployed-form.js';

const files = [...fixtureDefinitions(), ...corpusFiles()];

/** Definitions AWS refuses as they are stored, and why. */
const refusedByAws: Record<string, string> = {
	// "QueryLanguage": "JSONata" sits inside States, so it is a state whose value is a string;
	// the states are JSONata-only (Output, Arguments) under a JSONPath machine.
	'shared-fallback-state-jsonata__statemachine.json': 'SCHEMA_VALIDATION_FAILED',
};

describe('validation accepts every definition AWS accepts', () => {
	test.skipIf(!corpusDirectory)(corpusDirectory ? `the sweep over ${corpusDirectory}` : corpusSkipNote, () => {
		expect(corpusFiles().length).toBeGreaterThan(0);
	});

	test.each(files.map(({file, text}) => [file, text]))('%s', async (file, text) => {
		const errors = (await validateDefinition(deployedForm(text))).diagnostics.filter(diagnostic => diagnostic.severity === 'ERROR');
		if (Object.hasOwn(refusedByAws, file)) {
			expect(errors.map(error => error.code)).toContain(refusedByAws[file]);
		} else {
			expect(errors).toEqual([]);
		}
	});
});
