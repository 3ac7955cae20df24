import {isRecord} from '../../model/text/json-text.js';

/**
 * The number of items a Map iterates, for MapStateStarted. Handles the
 * common JSONPath forms (`$`, `$.a.b`, `$.a[0].b`) and inline `Items` arrays;
 * anything else reads as 0 (the iteration events still count correctly).
 */
export function mapLength(definition: Record<string, unknown> | undefined, input: unknown): number {
	if (!definition) {
		return 0;
	}

	if (Array.isArray(definition.Items)) {
		return definition.Items.length;
	}

	const path = typeof definition.ItemsPath === 'string' ? definition.ItemsPath : '$';
	if (!path.startsWith('$')) {
		return 0;
	}

	let value: unknown = input;
	for (const part of path.slice(1).split(/\.|\[(\d+)\]/)) {
		if (!part) {
			continue;
		}

		if (Array.isArray(value) && /^\d+$/.test(part)) {
			value = value[Number(part)];
		} else if (isRecord(value)) {
			value = value[part];
		} else {
			return 0;
		}
	}

	return Array.isArray(value) ? value.length : 0;
}
