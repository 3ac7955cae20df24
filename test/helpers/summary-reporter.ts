import process from 'node:process';
import type {Reporter, TestModule} from 'vitest/node';

/**
 * Prints the plain closing line `N passed, N failed, N skipped` that CI
 * reads, after vitest's own summary.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: readonly TestModule[]): void {
		let passed = 0;
		let failed = 0;
		let skipped = 0;
		for (const testModule of testModules) {
			for (const testCase of testModule.children.allTests()) {
				const {state} = testCase.result();
				if (state === 'passed') {
					passed++;
				} else if (state === 'failed') {
					failed++;
				} else {
					skipped++;
				}
			}

			// A file that failed to load has no test cases but must still count as a failure.
			if (testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0) {
				failed++;
			}
		}

		process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
	}
}
