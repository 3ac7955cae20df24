/*
 * JSONata templates: any JSON value whose strings may be `{% … %}`
 * expressions (Arguments, Output, Assign, ItemSelector, Parameters of
 * integrations). The field named in an error is the path inside the state:
 * `Output/result`, `Arguments/list[0]`.
 */
import {evaluateJsonata, jsonataExpressionText, type JsonataBindings} from './jsonata-expression.js';

export async function resolveJsonataTemplate(template: unknown, field: string, bindings: JsonataBindings): Promise<unknown> {
	const expression = jsonataExpressionText(template);
	if (expression !== undefined) {
		return evaluateJsonata(expression, field, bindings);
	}

	if (Array.isArray(template)) {
		const items: unknown[] = [];
		for (const [index, item] of template.entries()) {
			items.push(await resolveJsonataTemplate(item, `${field}[${index}]`, bindings));
		}

		return items;
	}

	if (typeof template === 'object' && template !== null) {
		const resolved: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(template)) {
			resolved[key] = await resolveJsonataTemplate(value, `${field}/${key}`, bindings);
		}

		return resolved;
	}

	return template;
}
