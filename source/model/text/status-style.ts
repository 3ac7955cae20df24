import type {ExecutionStatus, StateStatus, StyleRole} from '../types.js';

/** The colour role of a state's status (theme decides what it looks like). */
export function stateStatusRole(status: StateStatus): StyleRole {
	return `status.${status}`;
}

export function executionStatusRole(status: ExecutionStatus): StyleRole {
	return `execution.${status}`;
}

const unicodeMarkers: Record<StateStatus, string> = {
	NOT_STARTED: '·',
	RUNNING: '▶',
	RETRYING: '↻',
	SUCCEEDED: '✓',
	FAILED: '✗',
	CAUGHT: '⚠',
	ABORTED: '■',
	TIMED_OUT: '◷',
};

const asciiMarkers: Record<StateStatus, string> = {
	NOT_STARTED: '.',
	RUNNING: '>',
	RETRYING: '~',
	SUCCEEDED: '+',
	FAILED: 'x',
	CAUGHT: '!',
	ABORTED: '#',
	TIMED_OUT: 't',
};

/** One-cell glyph for a status, so status reads without colour too (no emoji: terminals disagree on their width). */
export function statusMarker(status: StateStatus, ascii: boolean): string {
	return (ascii ? asciiMarkers : unicodeMarkers)[status];
}

/** Map iteration counts as a short badge: `7/10 ✗1 ▶2`. */
export function iterationBadge(counts: {total: number; succeeded: number; failed: number; running: number; aborted?: number}, ascii: boolean): string {
	const parts = [`${counts.succeeded}/${counts.total}`];
	if (counts.failed > 0) {
		parts.push(`${ascii ? 'x' : '✗'}${counts.failed}`);
	}

	if (counts.running > 0) {
		parts.push(`${ascii ? '>' : '▶'}${counts.running}`);
	}

	return parts.join(' ');
}
