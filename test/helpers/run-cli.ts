import process from 'node:process';
import {spawn} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = path.join(repoRoot, 'bin', 'sfntop.cjs');

export type CliResult = {code: number | null; stdout: string; stderr: string};

/**
 * Runs the built CLI (npm run build first; `npm test` does) with the same Node
 * that runs the tests, never the system's. CI is removed from the environment
 * so the child behaves as in a user's shell.
 */
export async function runCli(args: string[], options: {
	input?: string;
	env?: Record<string, string | undefined>;
	cwd?: string;
	timeoutMs?: number;
	/** Close the reading end of stdout before the CLI writes anything, as `sfntop … | true` does (its output is then empty). */
	closeStdout?: boolean;
} = {}): Promise<CliResult> {
	// Tests never let the SDK's credential chain ask the instance-metadata address, and run in
	// the AWS CLI user's environment: AWS_REGION from the developer's shell is dropped (see aws-environment.ts).
	const given: Record<string, string | undefined> = {...process.env, CI: undefined, FORCE_COLOR: undefined, AWS_REGION: undefined, AWS_EC2_METADATA_DISABLED: 'true', ...options.env};
	const environment = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));

	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...args], {cwd: options.cwd ?? repoRoot, env: environment});
		let stdout = '';
		let stderr = '';
		if (options.closeStdout) {
			child.stdout.destroy();
		}

		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.on('data', (chunk: string) => {
			stderr += chunk;
		});
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`sfntop ${args.join(' ')} did not exit within ${options.timeoutMs ?? 20_000} ms`));
		}, options.timeoutMs ?? 20_000);
		child.on('error', reject);
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
		child.stdin.end(options.input ?? '');
	});
}
