import {Buffer} from 'node:buffer';
import process from 'node:process';
import {format} from 'node:util';
import {currentScope, outsideScopes, type LogLevel} from './invocation-scope.js';

const levels = {log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'DEBUG'} as const;
const wrapped = Symbol('sfntop output capture');

type Write = (chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => boolean;

/**
 * Inside an invocation that has a log stream, console.log / info / warn /
 * error / debug and process.stdout.write / process.stderr.write go to the
 * function's log group, as Lambda's Node.js runtime sends both streams
 * there — not to serve's stdout. Outside one (serve's own output, a service
 * handler) they are untouched. Idempotent; wraps again whatever someone put
 * in their place since.
 */
export function captureOutput(): void {
	for (const [method, level] of Object.entries(levels) as Array<[keyof typeof levels, LogLevel]>) {
		if (Object.hasOwn(console[method], wrapped)) {
			continue;
		}

		const original = console[method].bind(console) as (...arguments_: unknown[]) => void;
		console[method] = Object.assign((...arguments_: unknown[]) => {
			const output = currentScope()?.output;
			if (output) {
				outsideScopes(() => {
					output.line(level, format(...arguments_));
				});
			} else {
				original(...arguments_);
			}
		}, {[wrapped]: true});
	}

	for (const name of ['stdout', 'stderr'] as const) {
		const stream = process[name];
		if (Object.hasOwn(stream.write, wrapped)) {
			continue;
		}

		const original = stream.write.bind(stream) as Write;
		stream.write = Object.assign((chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
			const scope = currentScope();
			if (!scope?.output) {
				return original(chunk, encodingOrCallback, callback);
			}

			const encoding = typeof encodingOrCallback === 'string' && Buffer.isEncoding(encodingOrCallback) ? encodingOrCallback : 'utf8';
			const text = typeof chunk === 'string' ? Buffer.from(chunk, encoding).toString('utf8') : Buffer.from(chunk as Uint8Array).toString('utf8');
			outsideScopes(() => {
				scope.write(name, text);
			});
			const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
			if (typeof done === 'function') {
				queueMicrotask(() => {
					(done as () => void)();
				});
			}

			return true;
		}, {[wrapped]: true});
	}
}
