import type {VariableScope} from '../variable-scope.js';
import type {ParsedPath} from './path-syntax.js';
import {selectPath, type Selection} from './select-path.js';

/** What the roots of a JSONPath point at: `$` the input, `$$` the context object, `$name` a variable. */
export type PathScope = {input: unknown; context: unknown; variables: VariableScope};

export function selectInScope(path: ParsedPath, scope: PathScope): Selection {
	switch (path.root.kind) {
		case 'input': {
			return selectPath(path, scope.input);
		}

		case 'context': {
			return selectPath(path, scope.context);
		}

		case 'variable': {
			const {name} = path.root;
			return scope.variables.has(name) ? selectPath(path, scope.variables.read(name)) : {found: false, reason: `The variable '${name}' is not defined`};
		}
	}
}
