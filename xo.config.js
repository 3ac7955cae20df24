// @ts-check
/** @type {import('xo').FlatXoConfig} */
const xoConfig = [
	{
		ignores: ['dist/**', 'media/**', 'examples/**', 'test/fixtures/**', 'coverage/**', 'bin/sfntop.cjs'],
	},
	{
		rules: {
			// AWS wire shapes use PascalCase and camelCase field names we do not choose.
			'@typescript-eslint/naming-convention': 'off',
			// We print to the terminal on purpose; that is the product.
			'no-console': 'off',
			// Ink components are .tsx files named PascalCase by convention (DESIGN.md).
			'unicorn/filename-case': 'off',
			// `null` is part of the wire format (parent: null in --json output).
			'@typescript-eslint/no-restricted-types': 'off',
			'unicorn/no-null': 'off',
			// Explicit loops read better than reduce() in the fold and layout code.
			'no-await-in-loop': 'off',
			'unicorn/no-array-reduce': 'off',
			'unicorn/prefer-top-level-await': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-argument': 'off',
			'@typescript-eslint/no-unsafe-call': 'off',
			'@typescript-eslint/no-unsafe-return': 'off',
			'@typescript-eslint/no-unsafe-type-assertion': 'off',
			complexity: 'off',
			'max-params': 'off',
			'max-depth': 'off',
			'no-control-regex': 'off',
			'unicorn/prefer-string-raw': 'off',
			'unicorn/no-process-exit': 'off',
			'n/prefer-global/process': 'off',
			'unicorn/prevent-abbreviations': 'off',
			'capitalized-comments': 'off',
			'unicorn/single-line-block-comment-style': 'off',
			'jsdoc/require-asterisk-prefix': 'off',
			'@typescript-eslint/strict-boolean-expressions': 'off',
			'unicorn/no-await-expression-member': 'off',
			// Tests run on vitest, not node:test.
			'node-test/no-import-test-files': 'off',
			'require-unicode-regexp': 'off',
			'unicorn/prefer-unicode-code-point-escapes': 'off',
			'regexp/no-control-character': 'off',
			'@typescript-eslint/no-dynamic-delete': 'off',
			'unicorn/consistent-boolean-name': 'off',
			'@stylistic/object-curly-newline': 'off',
			'@stylistic/max-len': 'off',
			'unicorn/no-nested-ternary': 'off',
			'no-bitwise': 'off',
			'unicorn/no-immediate-mutation': 'off',
			'@typescript-eslint/strict-void-return': 'off',
			'unicorn/consistent-class-member-order': 'off',
			'unicorn/no-break-in-nested-loop': 'off',
			'unicorn/max-nested-calls': 'off',
			'regexp/prefer-named-capture-group': 'off',
			'unicorn/prefer-continue': 'off',
			'unicorn/prefer-simple-condition-first': 'off',
			'unicorn/prefer-group-by': 'off',
			'unicorn/prefer-iterator-to-array': 'off',
			'unicorn/no-useless-recursion': 'off',
			'unicorn/prefer-number-is-safe-integer': 'off',
			'jsdoc/require-param-description': 'off',
			'jsdoc/require-param-type': 'off',
			'no-unmodified-loop-condition': 'off',
			'unicorn/require-array-sort-compare': 'off',
			'unicorn/prefer-minimal-ternary': 'off',
			'unicorn/prefer-math-trunc': 'off',
			'operator-assignment': 'off',
			'unicorn/operator-assignment': 'off',
			'unicorn/prefer-includes-over-repeated-comparisons': 'off',
			'@typescript-eslint/switch-exhaustiveness-check': 'off',
			'unicorn/no-computed-property-existence-check': 'off',
		},
	},
];

export default xoConfig;
