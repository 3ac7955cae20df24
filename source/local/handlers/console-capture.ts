import {AsyncLocalStorage} from 'node:async_hooks';
import {format} from 'node:util';

/** Where a handler's console lines go while it runs: its invocation's log stream, with Lambda's level. */
export type ConsoleSink = (level: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG', line: string) => void;

const current = new AsyncLocalStorage<ConsoleSink>();
const levels = {log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'DEBUG'} as const;
const wrapped = Symbol('sfntop console capture');

/**
 * Runs a handler with console.log / info / warn / error / debug going to its
 * invocation's log stream, as Lambda's Node runtime does — not to serve's
 * stdout. Outside an invocation the console is untouched. The console methods
 * are wrapped on the first invocation (again if someone replaced them since).
 */
export async function withConsoleCapture<T>(sink: ConsoleSink, work: () => Promise<T>): Promise<T> {
	install();
	return current.run(sink, work);
}

function install(): void {
	for (const [method, level] of Object.entries(levels) as Array<[keyof typeof levels, Parameters<ConsoleSink>[0]]>) {
		if (Object.hasOwn(console[method], wrapped)) {
			continue;
		}

		const original = console[method].bind(console) as (...arguments_: unknown[]) => void;
		console[method] = Object.assign((...arguments_: unknown[]) => {
			const sink = current.getStore();
			if (sink) {
				sink(level, format(...arguments_));
			} else {
				original(...arguments_);
			}
		}, {[wrapped]: true});
	}
}
