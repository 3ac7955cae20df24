/** Human durations: 850 ms, 12.3 s, 4m 05s, 2h 03m. Undefined → '-'. */
export function formatDuration(ms: number | undefined): string {
	if (ms === undefined || !Number.isFinite(ms)) {
		return '-';
	}

	if (ms < 1000) {
		return `${Math.max(0, Math.round(ms))} ms`;
	}

	if (ms < 60_000) {
		return `${(ms / 1000).toFixed(1)} s`;
	}

	const seconds = Math.floor(ms / 1000);
	return seconds < 3600 ? `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s` : `${Math.floor(seconds / 3600)}h ${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}m`;
}

/** ISO-8601 in UTC to the second, or '-' when unknown. */
export function formatTime(ms: number | undefined): string {
	return ms === undefined || !Number.isFinite(ms) ? '-' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoOrNull(ms: number | undefined): string | null {
	return ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}
