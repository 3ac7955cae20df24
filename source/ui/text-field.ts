import type {Key} from 'ink';

export type TextField = {value: string; cursor: number};

export const emptyField = (value = ''): TextField => ({value, cursor: value.length});

/** One key press applied to a single-line text field; undefined when the key is not for the field. */
export function editField(field: TextField, input: string, key: Key): TextField | undefined {
	const {value, cursor} = field;
	if (key.leftArrow) {
		return {value, cursor: Math.max(0, cursor - 1)};
	}

	if (key.rightArrow) {
		return {value, cursor: Math.min(value.length, cursor + 1)};
	}

	if (key.home || (key.ctrl && input === 'a')) {
		return {value, cursor: 0};
	}

	if (key.end || (key.ctrl && input === 'e')) {
		return {value, cursor: value.length};
	}

	if (key.backspace || key.delete) {
		return cursor === 0 ? field : {value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1};
	}

	if (key.ctrl && input === 'u') {
		return {value: value.slice(cursor), cursor: 0};
	}

	if (key.ctrl || key.meta || key.return || key.escape || key.tab || key.upArrow || key.downArrow || !input) {
		return undefined;
	}

	// Pasted text arrives as one input; keep it on one line.
	const typed = input.replaceAll(/[\n\r]+/g, ' ');
	return {value: value.slice(0, cursor) + typed + value.slice(cursor), cursor: cursor + typed.length};
}

/** The field as segments with a visible cursor cell. */
export function fieldSegments(field: TextField, focused: boolean): Array<{text: string; role?: 'selected' | 'muted'}> {
	if (!focused) {
		return [{text: field.value || ' '}];
	}

	const before = field.value.slice(0, field.cursor);
	const at = field.value.slice(field.cursor, field.cursor + 1) || ' ';
	const after = field.value.slice(field.cursor + 1);
	return [{text: before}, {text: at, role: 'selected'}, {text: after}];
}
