import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {UserError} from '../../model/user-error.js';
import type {Handler, HandlerRegistry} from './types.js';

/**
 * `--handlers FILE`: an ES module whose exports are async functions keyed by
 * function name — named exports (`export async function chargeCustomer`
 * cannot carry a dash, so a default export object `{"charge-customer": fn}`
 * is accepted too).
 */
export async function loadHandlersFile(file: string): Promise<HandlerRegistry> {
	let module: Record<string, unknown>;
	try {
		module = await import(pathToFileURL(path.resolve(file)).href) as Record<string, unknown>;
	} catch (error: unknown) {
		const {code} = (error as NodeJS.ErrnoException);
		const reason = code === 'ERR_MODULE_NOT_FOUND' ? 'no such file' : (error as Error).message.split('\n', 1)[0];
		throw new UserError(`cannot load handlers from ${file}: ${reason}`);
	}

	const registry: HandlerRegistry = {};
	const exported = typeof module.default === 'object' && module.default !== null ? {...module.default as Record<string, unknown>, ...module} : module;
	for (const [name, value] of Object.entries(exported)) {
		if (name !== 'default' && typeof value === 'function') {
			registry[name] = value as Handler;
		}
	}

	if (Object.keys(registry).length === 0) {
		throw new UserError(`${file} exports no functions; export async functions keyed by Lambda function name`);
	}

	return registry;
}
