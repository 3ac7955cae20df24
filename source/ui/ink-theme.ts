// Theme → Ink: a role becomes <Text> props. Components never name a colour.
import type {TextProps} from 'ink';
import {styleOf, type Theme} from '../model/text/theme.js';
import type {StyleRole} from '../model/types.js';

const cache = new WeakMap<Theme, Map<string, TextProps>>();

export function textProps(role: StyleRole | undefined, theme: Theme): TextProps {
	if (!role) {
		return {};
	}

	let perTheme = cache.get(theme);
	if (!perTheme) {
		perTheme = new Map();
		cache.set(theme, perTheme);
	}

	const cached = perTheme.get(role);
	if (cached) {
		return cached;
	}

	const style = styleOf(role, theme);
	const props: {-readonly [K in keyof TextProps]: TextProps[K]} = {};
	if (style) {
		if (style.bold) {
			props.bold = true;
		}

		if (style.dim) {
			props.dimColor = true;
		}

		if (style.underline) {
			props.underline = true;
		}

		if (style.inverse) {
			props.inverse = true;
		}

		if (theme.color && style.color) {
			props.color = style.color;
		}

		if (theme.color && style.backgroundColor) {
			props.backgroundColor = style.backgroundColor;
		}
	}

	perTheme.set(role, props);
	return props;
}
