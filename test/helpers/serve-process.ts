import process from 'node:process';
import {spawn, type ChildProcess} from 'node:child_process';
import type {Buffer} from 'node:buffer';
import {cliPath, repoRoot} from './run-cli.js';

/** Starts `sfntop serve ARGS` as a user would (CI unset) and resolves once it prints its listening line. */
export async function serveProcess(args: string[], timeoutMs = 15_000): Promise<{child: ChildProcess; url: string}> {
	const child = spawn(process.execPath, [cliPath, 'serve', ...args], {cwd: repoRoot, env: {...process.env, CI: ''}});
	const url = await new Promise<string>((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => {
			reject(new Error(`no listening line from sfntop serve: ${output}`));
		}, timeoutMs);
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /^sfntop serve listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
		child.on('exit', code => {
			clearTimeout(timer);
			reject(new Error(`sfntop serve exited ${code}: ${output}`));
		});
	});
	return {child, url};
}
