import type {Segment, StyleRole, StyledLine} from '../types.js';

/** What a role looks like. Colours are Ink/chalk colour names. */
export type RoleStyle = {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dim?: boolean;
	inverse?: boolean;
	underline?: boolean;
};

export type Theme = {
	name: string;
	color: boolean;
	roles: Partial<Record<StyleRole, RoleStyle>>;
};

const statusRoles: Partial<Record<StyleRole, RoleStyle>> = {
	'status.NOT_STARTED': {dim: true},
	'status.RUNNING': {color: 'cyan', bold: true},
	'status.RETRYING': {color: 'yellow', bold: true},
	'status.SUCCEEDED': {color: 'green'},
	'status.FAILED': {color: 'red', bold: true},
	'status.CAUGHT': {color: 'yellow'},
	'status.ABORTED': {color: 'magenta'},
	'status.TIMED_OUT': {color: 'red'},
	'execution.RUNNING': {color: 'cyan', bold: true},
	'execution.SUCCEEDED': {color: 'green', bold: true},
	'execution.FAILED': {color: 'red', bold: true},
	'execution.TIMED_OUT': {color: 'red', bold: true},
	'execution.ABORTED': {color: 'magenta', bold: true},
	'execution.PENDING_REDRIVE': {color: 'yellow', bold: true},
};

export const colorTheme: Theme = {
	name: 'color',
	color: true,
	roles: {
		muted: {dim: true},
		heading: {bold: true},
		edge: {color: 'gray'},
		'edge.catch': {color: 'yellow'},
		'edge.label': {dim: true},
		container: {color: 'blue'},
		selected: {inverse: true},
		// The active state must be obvious from across the room.
		active: {color: 'black', backgroundColor: 'cyan', bold: true},
		// The state an execution failed in: as loud as the active one, in red.
		alert: {color: 'white', backgroundColor: 'red', bold: true},
		error: {color: 'red', bold: true},
		warning: {color: 'yellow'},
		success: {color: 'green'},
		'type.Task': {color: 'white'},
		'type.Pass': {color: 'gray'},
		'type.Choice': {color: 'yellow'},
		'type.Wait': {color: 'magenta'},
		'type.Succeed': {color: 'green'},
		'type.Fail': {color: 'red'},
		'type.Parallel': {color: 'blue'},
		'type.Map': {color: 'blue'},
		...statusRoles,
	},
};

/**
 * Without colour, status must still be readable: the selected and active
 * states use inverse/bold, which NO_COLOR permits (it forbids colour, not emphasis).
 */
export const plainTheme: Theme = {
	name: 'plain',
	color: false,
	roles: {
		heading: {bold: true},
		selected: {inverse: true},
		active: {bold: true, inverse: true},
		alert: {bold: true, inverse: true},
		error: {bold: true},
		'status.RUNNING': {bold: true},
		'status.FAILED': {bold: true},
	},
};

/** Plain text only: no escape sequence at all (for --no-color output to files, golden tests). */
export const noStyleTheme: Theme = {name: 'none', color: false, roles: {}};

const colorCodes: Record<string, [number, number]> = {
	black: [30, 40],
	red: [31, 41],
	green: [32, 42],
	yellow: [33, 43],
	blue: [34, 44],
	magenta: [35, 45],
	cyan: [36, 46],
	white: [37, 47],
	gray: [90, 100],
	grey: [90, 100],
};

/** SGR parameters for a style; empty when the style changes nothing. */
export function sgrCodes(style: RoleStyle | undefined, theme: Theme): number[] {
	if (!style) {
		return [];
	}

	const codes: number[] = [];
	if (style.bold) {
		codes.push(1);
	}

	if (style.dim) {
		codes.push(2);
	}

	if (style.underline) {
		codes.push(4);
	}

	if (style.inverse) {
		codes.push(7);
	}

	if (theme.color && style.color && Object.hasOwn(colorCodes, style.color)) {
		codes.push(colorCodes[style.color][0]);
	}

	if (theme.color && style.backgroundColor && Object.hasOwn(colorCodes, style.backgroundColor)) {
		codes.push(colorCodes[style.backgroundColor][1]);
	}

	return codes;
}

export function styleOf(role: StyleRole | undefined, theme: Theme): RoleStyle | undefined {
	return role ? theme.roles[role] : undefined;
}

/** One segment as text with its own SGR codes; the text must already be sanitised. */
export function segmentToAnsi(segment: Segment, theme: Theme): string {
	const codes = sgrCodes(styleOf(segment.role, theme), theme);
	return codes.length === 0 ? segment.text : `\u001B[${codes.join(';')}m${segment.text}\u001B[0m`;
}

export function lineToAnsi(line: StyledLine, theme: Theme): string {
	return line.map(segment => segmentToAnsi(segment, theme)).join('');
}

export function lineToPlain(line: StyledLine): string {
	return line.map(segment => segment.text).join('');
}

export function pickTheme(options: {color: boolean}): Theme {
	return options.color ? colorTheme : noStyleTheme;
}
