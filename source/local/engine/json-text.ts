/**
 * JSON text of a value, as JSON.stringify writes it, at any depth. V8's
 * JSON.stringify recurses and overflows the stack on input nested a few
 * thousand deep, which JSON.parse reads fine (AWS runs such input); then an
 * explicit stack writes it instead.
 */
export function jsonText(value: unknown): string | undefined {
	try {
		return JSON.stringify(value);
	} catch (error) {
		if (!(error instanceof RangeError)) {
			throw error;
		}

		return deepJsonText(value);
	}
}

type Frame = {kind: 'array'; items: unknown[]; index: number} | {kind: 'object'; entries: Array<[string, unknown]>; index: number; wrote: boolean};

const prepared = (value: unknown): unknown => (value !== null && typeof value === 'object' && typeof (value as {toJSON?: unknown}).toJSON === 'function' ? (value as {toJSON: () => unknown}).toJSON() : value);

/** JSON.stringify's rules for one value that is not an array or object (undefined: leave it out). */
function scalarText(value: unknown): string | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? String(value) : 'null';
	}

	if (typeof value === 'string' || typeof value === 'boolean' || value === null) {
		return JSON.stringify(value);
	}

	return typeof value === 'bigint' ? JSON.stringify(value) : undefined;
}

function deepJsonText(root: unknown): string | undefined {
	const out: string[] = [];
	const stack: Frame[] = [];
	const open = (value: unknown): boolean => {
		const ready = prepared(value);
		if (Array.isArray(ready)) {
			out.push('[');
			stack.push({kind: 'array', items: ready, index: 0});
			return true;
		}

		if (ready !== null && typeof ready === 'object') {
			out.push('{');
			stack.push({kind: 'object', entries: Object.entries(ready), index: 0, wrote: false});
			return true;
		}

		const text = scalarText(ready);
		if (text !== undefined) {
			out.push(text);
		}

		return text !== undefined;
	};

	if (!open(root)) {
		return undefined;
	}

	while (stack.length > 0) {
		const frame = stack.at(-1)!;
		if (frame.kind === 'array') {
			if (frame.index >= frame.items.length) {
				out.push(']');
				stack.pop();
				continue;
			}

			if (frame.index > 0) {
				out.push(',');
			}

			const item = frame.items[frame.index++];
			if (!open(item)) {
				out.push('null');
			}

			continue;
		}

		if (frame.index >= frame.entries.length) {
			out.push('}');
			stack.pop();
			continue;
		}

		const [key, raw] = frame.entries[frame.index++];
		const value = prepared(raw);
		if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
			continue;
		}

		out.push(`${frame.wrote ? ',' : ''}${JSON.stringify(key)}:`);
		frame.wrote = true;
		open(value);
	}

	return out.join('');
}
