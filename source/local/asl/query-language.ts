import type {AslState, QueryLanguage} from './types.js';

/** A state's own QueryLanguage wins; otherwise the machine's top-level one; JSONPath by default. */
export function queryLanguageOf(state: Pick<AslState, 'QueryLanguage'>, definition: {QueryLanguage?: QueryLanguage}): QueryLanguage {
	return state.QueryLanguage ?? definition.QueryLanguage ?? 'JSONPath';
}
