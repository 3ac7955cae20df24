import {formatTime} from '../model/format.js';
import {sanitize} from '../model/sanitize.js';
import type {HistoryEvent, MachineGraph, StyleRole, StyledLine} from '../model/types.js';
import {titleLine, visibleWindow} from './screen-lines.js';

// Formatted once per event object (events are append-only and shared).
const formatted = new WeakMap<HistoryEvent, string>();

function eventRole(type: string): StyleRole | undefined {
	if (/Failed|TimedOut|Aborted/.test(type)) {
		return 'error';
	}

	if (type.endsWith('Succeeded')) {
		return 'success';
	}

	return /Entered$|Started$/.test(type) ? undefined : 'muted';
}

/** One event as a line of text: `#12  21:14:05.120  TaskFailed  ChargeCustomer  PaymentDeclined`. */
export function eventText(event: HistoryEvent): string {
	let text = formatted.get(event);
	if (text === undefined) {
		const {details} = event;
		const parts = [`#${String(event.id).padEnd(4)}`, event.timestamp === undefined ? '-'.padEnd(12) : formatTime(event.timestamp).slice(11, 19) + `.${String(event.timestamp % 1000).padStart(3, '0')}`, event.type.padEnd(26)];
		const name = typeof details.name === 'string' ? details.name : (typeof details.state === 'string' ? details.state : undefined);
		if (name) {
			parts.push(name);
		}

		if (typeof details.index === 'number') {
			parts.push(`[${details.index}]`);
		}

		if (typeof details.error === 'string') {
			parts.push(details.error);
		}

		if (typeof details.cause === 'string') {
			parts.push(details.cause);
		}

		text = sanitize(parts.join('  '));
		formatted.set(event, text);
	}

	return text;
}

/** The state an event names (StateEntered/Exited, Map iterations), when it is one of the machine's. */
export function stateOfEvent(event: HistoryEvent, graph: MachineGraph): string | undefined {
	const name = typeof event.details.name === 'string' ? event.details.name : event.details.state;
	return typeof name === 'string' && graph.states.some(state => state.name === name) ? name : undefined;
}

/** Indexes of the events that match the filter (case-insensitive substring). */
export function filterEvents(events: readonly HistoryEvent[], filter: string): number[] {
	const needle = filter.toLowerCase();
	const out: number[] = [];
	for (const [index, event] of events.entries()) {
		if (!needle || eventText(event).toLowerCase().includes(needle)) {
			out.push(index);
		}
	}

	return out;
}

/**
 * The event history, windowed: only the visible rows are formatted and drawn.
 * `cursor` is a position in the filtered list, or 'end' to follow new events.
 */
export function eventTableLines(options: {
	events: readonly HistoryEvent[];
	matches: readonly number[];
	cursor: number | 'end';
	height: number;
	width: number;
	focused: boolean;
	ascii: boolean;
	filter: string;
}): StyledLine[] {
	const {events, matches, height, width} = options;
	const total = matches.length;
	const cursor = options.cursor === 'end' ? total - 1 : Math.min(options.cursor, total - 1);
	const right = `${total === 0 ? 0 : cursor + 1}/${total}${options.filter ? ` /${sanitize(options.filter)}` : ''}`;
	const lines: StyledLine[] = [titleLine('Event history', width, {focused: options.focused, ascii: options.ascii, right})];
	const rows = height - 1;
	const {start, end} = visibleWindow(total, Math.max(0, cursor), rows);
	for (let index = start; index < end; index++) {
		const event = events[matches[index]];
		const role = index === cursor && options.focused ? 'selected' : eventRole(event.type);
		lines.push([role ? {text: eventText(event), role} : {text: eventText(event)}]);
	}

	if (total === 0) {
		lines.push([{text: options.filter ? 'no events match the filter' : 'no events yet', role: 'muted'}]);
	}

	return lines;
}
