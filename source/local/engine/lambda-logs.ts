import {randomBytes} from 'node:crypto';
import type {LogRecord} from './wire-event.js';

/**
 * Lambda-style log lines for one invocation, in the stream of a simulated
 * container that is reused while warm, as Lambda does:
 * START / the handler's lines / END / REPORT.
 */
const streams = new Map<string, string>();

export function logStreamFor(functionName: string, now: number): string {
	let stream = streams.get(functionName);
	if (!stream) {
		const day = new Date(now).toISOString().slice(0, 10).replaceAll('-', '/');
		stream = `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
		streams.set(functionName, stream);
	}

	return stream;
}

export function invocationLogger(functionName: string, requestId: string, onLog: (record: LogRecord) => void) {
	const logGroup = `/aws/lambda/${functionName}`;
	const started = Date.now();
	const logStream = logStreamFor(functionName, started);
	const write = (message: string) => {
		onLog({logGroup, logStream, timestamp: Date.now(), message});
	};

	return {
		start() {
			write(`START RequestId: ${requestId} Version: $LATEST`);
		},
		line(text: string, level = 'INFO') {
			write(`${new Date().toISOString()}\t${requestId}\t${level}\t${text}`);
		},
		/** A line the function wrote to stdout/stderr itself: Lambda keeps it as written. */
		raw(text: string) {
			write(text);
		},
		end() {
			const duration = Date.now() - started;
			write(`END RequestId: ${requestId}`);
			write(`REPORT RequestId: ${requestId}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\tMemory Size: 128 MB\tMax Memory Used: ${64 + (duration % 17)} MB`);
		},
	};
}
