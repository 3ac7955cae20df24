// For e2e tests: runs the CLI on this (pseudo-)terminal with stderr sent to a
// file, as `sfntop ... 2>errors.log` does, so a test can read what went to stderr.
// Usage: node stderr-to-file.js FILE ARGS...
import process from 'node:process';
import {spawn} from 'node:child_process';
import {openSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const cliPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'sfntop.cjs');

const [file, ...args] = process.argv.slice(2);
const child = spawn(process.execPath, [cliPath, ...args], {stdio: ['inherit', 'inherit', openSync(file, 'w')]});
child.on('exit', (code, signal) => {
	process.exitCode = code ?? (signal ? 128 : 1);
});
