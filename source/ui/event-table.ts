import {fitToWidth} from '../model/text/width.js';
import {eventDetail} from '../model/history/event-line.js';
import {EventOwners} from '../model/history/event-owners.js';
import {sanitize} from '../model/text/sanitize.js';
import type {HistoryEvent, MachineGraph, StyleRole, StyledLine} from '../model/types.js';
import {titleLine, visibleWindow} from './screen-lines.js';

// Formatted once per event object (events are append-only and shared).
const formatted = new WeakMap<HistoryEvent, string>();

// Which state each event belongs to, worked out once, in order, as the history grows.
const ownership = new WeakMap<readonly HistoryEvent[], {owners: EventOwners; states: Array<string | undefined>}>();

/** The state of each event of an append-only history (model/event-line's EventOwners, shared with `sfntop tail`). */
export function eventStates(events: readonly HistoryEvent[]): ReadonlyArray<string | undefined> {
	let entry = ownership.get(events);
	if (!entry) {
		entry = {owners: new EventOwners(), states: []};
		ownership.set(events, entry);
	}

	for (let index = entry.states.length; index < events.length; index++) {
		entry.states.push(entry.owners.stateOf(events[index]));
	}

	return entry.states;
}

function eventRole(type: string): StyleRole | undefined {
	if (/Failed|TimedOut|Aborted/.test(type)) {
		return 'error';
	}

	if (type.endsWith('Succeeded')) {
		return 'success';
	}

	return /Entered$|Started$/.test(type) ? undefined : 'muted';
}

/** One event as a line of text: `#15  21:14:05.120  ChargeCustomer  LambdaFunctionFailed  PaymentDeclined: Card declined`. */
export function eventText(event: HistoryEvent, state: string | undefined): string {
	let text = formatted.get(event);
	if (text === undefined) {
		const time = event.timestamp === undefined ? '??:??:??.???' : new Date(event.timestamp).toISOString().slice(11, 23);
		const detail = eventDetail(event);
		text = `#${String(event.id).padEnd(5)} ${time}  ${fitToWidth(sanitize(state ?? '-'), 24)}  ${event.type.padEnd(25)}${detail ? `  ${detail}` : ''}`;
		formatted.set(event, text);
	}

	return text;
}

/** The state the event at `index` belongs to, when it is one of the machine's. */
export function stateOfEvent(events: readonly HistoryEvent[], index: number, graph: MachineGraph): string | undefined {
	const name = eventStates(events)[index];
	return name !== undefined && graph.states.some(state => state.name === name) ? name : undefined;
}

/** Indexes of the events that match the filter (case-insensitive substring). */
export function filterEvents(events: readonly HistoryEvent[], filter: string): number[] {
	const needle = filter.toLowerCase();
	const states = eventStates(events);
	const out: number[] = [];
	for (const [index, event] of events.entries()) {
		if (!needle || eventText(event, states[index]).toLowerCase().includes(needle)) {
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
	const states = eventStates(events);
	for (let index = start; index < end; index++) {
		const event = events[matches[index]];
		const text = eventText(event, states[matches[index]]);
		const role = index === cursor && options.focused ? 'selected' : eventRole(event.type);
		lines.push([role ? {text, role} : {text}]);
	}

	if (total === 0) {
		lines.push([{text: options.filter ? 'no events match the filter' : 'no events yet', role: 'muted'}]);
	}

	return lines;
}
