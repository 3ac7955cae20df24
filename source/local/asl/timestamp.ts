/*
 * Timestamps as Step Functions reads them (Wait Timestamp, Choice Timestamp*
 * rules): ISO-8601 extended offset date-time, `2016-03-14T01:59:00Z` or with
 * an offset and fractional seconds. A missing zone, a space for `T` or an
 * impossible date or time is not one (recorded: test_wait_timestamp_path and
 * test_wait_timestamppath in LocalStack's v2 snapshots).
 */
const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds (fractions kept), or undefined when the text is not such a timestamp. */
export function parseTimestamp(text: unknown): number | undefined {
	if (typeof text !== 'string') {
		return undefined;
	}

	const match = pattern.exec(text);
	if (!match) {
		return undefined;
	}

	const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
	if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
		return undefined;
	}

	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	if (new Date(utc).getUTCDate() !== day) {
		return undefined;
	}

	const fraction = match[7] ? Number(match[7]) * 1000 : 0;
	const zone = match[8];
	let offsetMinutes = 0;
	if (zone !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const [hours, minutes] = zone.slice(1).split(':').map(Number);
		if (hours > 23 || minutes > 59) {
			return undefined;
		}

		offsetMinutes = sign * ((hours * 60) + minutes);
	}

	return utc + fraction - (offsetMinutes * 60_000);
}
