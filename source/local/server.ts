import {Buffer} from 'node:buffer';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {builtInHandlers} from './handlers/built-in.js';
import type {HandlerRegistry} from './handlers/types.js';
import {readRequest} from './api-model/check-request.js';
import {logsModel} from './api-model/logs.generated.js';
import type {ServiceModel} from './api-model/shape-types.js';
import {sfnModel} from './api-model/sfn.generated.js';
import {regionOfRequest} from './arns.js';
import {AwsError} from './aws-error.js';
import {startDemo} from './demo/trickle.js';
import {ExecutionRunner} from './execution-runner.js';
import {faultInjector, parseFaults} from './faults.js';
import {logsOperations} from './logs-api.js';
import {sfnOperations} from './api/index.js';
import {finishDeletions} from './api/machine-deletion.js';
import {RequestLog, type ServedRequest} from './request-log.js';
import {Store} from './store.js';

export type ServerOptions = {
	/** 0 picks a free port. */
	port?: number;
	host?: string;
	dataDir?: string;
	/** --repair: start from a damaged journal, keeping its good records. */
	repair?: boolean;
	/** Requests kept in `requests` (default 10,000). */
	requestLogSize?: number;
	/** One-line notes for the operator: a cut torn record, what --repair did (default: nowhere). */
	notice?: (line: string) => void;
	demo?: boolean;
	/** Extra handlers (and overrides of the built-in ones), keyed by function name. */
	handlers?: HandlerRegistry;
	faults?: string;
	/** Where the demo's and the server's own notes go (default: nowhere). */
	log?: (line: string) => void;
};

export type {ServedRequest} from './request-log.js';

export type RunningServer = {
	url: string;
	port: number;
	/** The API requests served, in order (the newest 10,000 kept); tests count calls with it. */
	requests: RequestLog;
	close(): Promise<void>;
};

/** Request bodies above this get an AWS-style error, never a crash (the largest real request, StartExecution with 256 KiB input, fits). */
export const maxBodyBytes = 1024 * 1024;

type Service = {service: 'sfn' | 'logs'; contentType: string; model: ServiceModel; validationError: string};
/** X-Amz-Target prefixes; a Map so `constructor.X` or `__proto__.X` finds nothing. */
const services = new Map<string, Service>([
	['AWSStepFunctions', {service: 'sfn', contentType: 'application/x-amz-json-1.0', model: sfnModel, validationError: 'ValidationException'}],
	// CloudWatch Logs answers a constraint failure with InvalidParameterException (recorded: limit 10001 on GetLogEvents and FilterLogEvents).
	['Logs_20140328', {service: 'logs', contentType: 'application/x-amz-json-1.1', model: logsModel, validationError: 'InvalidParameterException'}],
]);

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const store = new Store({...(options.dataDir !== undefined && {dataDir: options.dataDir}), repair: options.repair, notice: options.notice});
	let currentRegion = 'us-east-1';
	// Null prototype: a Lambda named `constructor` or `toString` is a function that does not exist, not Object's.
	const handlers: HandlerRegistry = Object.assign(Object.create(null) as HandlerRegistry, builtInHandlers, options.handlers);
	const runner = new ExecutionRunner(store, () => handlers, () => currentRegion);
	runner.failInterrupted();
	finishDeletions(store, runner);
	const operations = {sfn: sfnOperations({store, runner}), logs: logsOperations(store)};
	const nextFault = options.faults ? faultInjector(parseFaults(options.faults)) : undefined;
	const requests = new RequestLog(options.requestLogSize);

	const server = http.createServer((request, response) => {
		let sentBytes = 0;
		const send = (status: number, body: unknown, contentType: string) => {
			const text = JSON.stringify(body);
			sentBytes = Buffer.byteLength(text);
			response.writeHead(status, {'content-type': contentType, 'content-length': Buffer.byteLength(text), ...(status >= 400 && typeof body === 'object' && body !== null && '__type' in body && {'x-amzn-errortype': (body as {__type: string}).__type})});
			response.end(text);
		};

		const target = String(request.headers['x-amz-target'] ?? '');
		const [prefix = '', operation = ''] = target.split('.', 2);
		const service = services.get(prefix);
		const contentType = service?.contentType ?? 'application/x-amz-json-1.0';
		let served: ServedRequest | undefined;
		const record = (status: number) => {
			served = {service: service?.service ?? 'unknown', operation: operation || request.method || '?', status, bytes: 0};
			requests.add(served);
		};

		const fail = (error: AwsError) => {
			record(error.status);
			send(error.status, {__type: error.type, message: error.message}, contentType);
			served!.bytes = sentBytes;
		};

		let size = 0;
		const chunks: Buffer[] = [];
		let tooLarge = false;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBodyBytes) {
				tooLarge = true;
			} else {
				chunks.push(chunk);
			}
		});
		// Answers once the whole body is in; every failure inside becomes an AWS error reply.
		const answer = async (): Promise<void> => {
			if (tooLarge) {
				fail(new AwsError('ValidationException', `Request body is ${size} bytes; the most accepted is ${maxBodyBytes}`, 413));
				return;
			}

			// AWS's JSON protocols are POST / only; anything else is a client pointed at the wrong place, and says so.
			const {pathname} = new URL(request.url ?? '/', 'http://serve');
			if (request.method !== 'POST' || pathname !== '/') {
				fail(new AwsError('UnknownOperationException', `sfntop serve answers AWS JSON requests: POST / with an X-Amz-Target header; got ${request.method ?? '?'} ${pathname}`, request.method === 'POST' ? 404 : 405));
				return;
			}

			if (!service) {
				fail(new AwsError('UnknownOperationException', `sfntop serve speaks Step Functions (AWSStepFunctions.*) and CloudWatch Logs (Logs_20140328.*); got target "${target}"`));
				return;
			}

			const handler = operations[service.service].get(operation);
			if (!handler) {
				fail(new AwsError('UnknownOperationException', `${operation} is not an operation sfntop serve supports`));
				return;
			}

			if (nextFault) {
				const fault = nextFault();
				if (fault.delayMs > 0) {
					await new Promise(resolve => {
						setTimeout(resolve, fault.delayMs);
					});
				}

				if (fault.kind === 'reset') {
					record(0);
					request.socket.destroy();
					return;
				}

				if (fault.kind === 'throttle') {
					fail(new AwsError('ThrottlingException', 'Rate exceeded'));
					return;
				}

				if (fault.kind === 'server-error') {
					fail(fault.status === 503 ? new AwsError('ServiceUnavailable', 'Service is unavailable', 503) : new AwsError('InternalFailure', 'An internal error occurred', 500));
					return;
				}
			}

			let body: unknown;
			try {
				const text = Buffer.concat(chunks).toString('utf8');
				body = text.trim() === '' ? {} : JSON.parse(text);
			} catch {
				fail(new AwsError('SerializationException', 'Request body is not valid JSON'));
				return;
			}

			if (typeof body !== 'object' || body === null || Array.isArray(body)) {
				fail(new AwsError('SerializationException', 'Request body must be a JSON object'));
				return;
			}

			currentRegion = regionOfRequest(request.headers.authorization, currentRegion);
			try {
				const read = readRequest(service.model, operation, body as Record<string, unknown>, service.validationError);
				const result = await handler({region: currentRegion, body: read});
				record(200);
				send(200, result ?? {}, contentType);
				served!.bytes = sentBytes;
			} catch (error: unknown) {
				fail(error instanceof AwsError ? error : new AwsError('InternalFailure', `sfntop serve: ${(error as Error).message}`, 500));
			}
		};

		request.on('end', () => {
			void answer();
		});
		request.on('error', () => {
			request.socket.destroy();
		});
	});

	// Keep-alive connections stay open a minute, as AWS's endpoints keep them: with Node's 5 s, a
	// busy moment let the idle timer close a socket the client was already reusing (ECONNRESET).
	server.keepAliveTimeout = 61_000;
	server.headersTimeout = 65_000;
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', (error: Error) => {
			store.close();
			reject(error);
		});
		server.listen(options.port ?? 8083, host, () => {
			server.removeAllListeners('error');
			resolve();
		});
	});
	const {port} = server.address() as AddressInfo;
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	const demo = options.demo ? await startDemo({store, runner, region: () => currentRegion, log: options.log ?? (() => undefined)}) : undefined;

	return {
		url,
		port,
		requests,
		async close() {
			demo?.stop();
			await runner.stopAll();
			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
				server.closeAllConnections();
			});
			store.close();
		},
	};
}
