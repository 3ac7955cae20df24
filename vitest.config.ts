import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// End-to-end tests spawn the built CLI and real servers; give them room on a 2-core machine.
		testTimeout: 30_000,
		hookTimeout: 30_000,
		pool: 'forks',
		// The default reporter for people, plus the plain `N passed, N failed` line CI reads.
		reporters: ['default', './test/helpers/summary-reporter.ts'],
	},
});
