import {Buffer} from 'node:buffer';
import {readSync} from 'node:fs';
import {unframeRecord} from './frame.js';
import {recordProblem, type JournalRecord} from './records.js';

/** Where a record's line sits in the file (the whole framed line, newline included). */
export type Place = {offset: number; length: number};

export type ScannedEntry =
	| {kind: 'record'; record: JournalRecord; line: number}
	/** A finished execution's history: checked by its checksum now, parsed when it is read. */
	| {kind: 'history'; arn: string; place: Place; line: number}
	/** Compacted log events of one stream: checked by their checksum now, parsed when read (`json` is the whole record). */
	| {kind: 'log-chunk'; group: string; stream: string; json: string; line: number};

/** `framing`: the line fails its own checksum or framing, as a write cut short does. */
export type BadLine = {line: number; reason: string; place: Place; framing?: boolean};

export type ScanResult = {
	/** Data records kept (the header not counted). */
	kept: number;
	bad: BadLine[];
	/** A last line with no newline: a write cut short by a crash. */
	torn?: BadLine;
	/** Bytes up to the end of the last good record. */
	goodEnd: number;
	lastSeq: number;
	hasHeader: boolean;
};

const historyPrefix = '{"t":"history","arn":"';
const logChunkPrefix = '{"t":"log-events",';
const logChunkEvents = ',"events":[';

/** A `log-events` record's group and stream, read from its head without parsing the events (they are written last). */
function logChunkHead(body: Buffer): {group: string; stream: string} | undefined {
	if (body.toString('latin1', 0, logChunkPrefix.length) !== logChunkPrefix) {
		return undefined;
	}

	const at = body.indexOf(logChunkEvents);
	if (at === -1) {
		return undefined;
	}

	try {
		const head = JSON.parse(`${body.toString('utf8', 0, at)}}`) as {group?: unknown; stream?: unknown};
		return typeof head.group === 'string' && typeof head.stream === 'string' ? {group: head.group, stream: head.stream} : undefined;
	} catch {
		return undefined;
	}
}

function historyArn(body: Buffer): string | undefined {
	if (body.length < historyPrefix.length + 4 || body.toString('latin1', 0, historyPrefix.length) !== historyPrefix) {
		return undefined;
	}

	const end = body.indexOf(0x22, historyPrefix.length);
	return end > historyPrefix.length && body.toString('latin1', body.length - 2) === ']}' ? body.toString('utf8', historyPrefix.length, end) : undefined;
}

/** Reads a record's JSON back from the file (it is checked again). */
export type ReadBack = (place: Place) => string;
export type ApplyEntry = (entry: ScannedEntry, readBack: ReadBack) => void;

const chunkBytes = 8 * 1024 * 1024;

export function readRecord(fd: number, place: Place): string {
	const line = Buffer.alloc(place.length);
	readSync(fd, line, 0, place.length, place.offset);
	const framed = unframeRecord(line.subarray(0, -1));
	if (!framed.ok) {
		throw new Error(`the record at byte ${place.offset}: ${framed.reason}`);
	}

	return framed.body.toString('utf8');
}

/**
 * Reads every line of a journal (a few megabytes at a time), hands each good
 * record to `apply` (which throws when a record does not fit what came
 * before), and reports the bad ones. `lenient` (for --repair) accepts a
 * sequence gap left by a bad record.
 */
export function scanJournal(fd: number, lenient: boolean, apply: ApplyEntry): ScanResult {
	const readBack: ReadBack = place => readRecord(fd, place);
	const result: ScanResult = {kept: 0, bad: [], goodEnd: 0, lastSeq: 0, hasHeader: false};
	let line = 0;
	let pending = Buffer.alloc(0);
	let pendingStart = 0;
	for (;;) {
		const chunk = Buffer.allocUnsafe(chunkBytes);
		const read = readSync(fd, chunk, 0, chunkBytes, pendingStart + pending.length);
		if (read === 0) {
			break;
		}

		const buffer = pending.length === 0 ? chunk.subarray(0, read) : Buffer.concat([pending, chunk.subarray(0, read)]);
		let position = 0;
		for (let newline = buffer.indexOf(0x0A); newline !== -1; newline = buffer.indexOf(0x0A, position)) {
			line++;
			const place = {offset: pendingStart + position, length: newline + 1 - position};
			const problem = checkLine(buffer.subarray(position, newline), place, line, result, lenient, entry => {
				apply(entry, readBack);
			});
			position = newline + 1;
			if (problem) {
				result.bad.push({line, ...problem, place});
			} else {
				result.goodEnd = place.offset + place.length;
			}
		}

		pending = Buffer.from(buffer.subarray(position));
		pendingStart += position;
	}

	if (pending.length > 0) {
		result.torn = {line: line + 1, reason: 'a torn last record', place: {offset: pendingStart, length: pending.length}};
	}

	return result;
}

type LineProblem = {reason: string; framing?: boolean};

function checkLine(text: Buffer, place: Place, line: number, result: ScanResult, lenient: boolean, apply: (entry: ScannedEntry) => void): LineProblem | undefined {
	const framed = unframeRecord(text);
	if (!framed.ok) {
		return {reason: framed.reason, framing: true};
	}

	const problem = checkRecord(framed, place, line, result, lenient, apply);
	return problem === undefined ? undefined : {reason: problem};
}

function checkRecord(framed: {seq: number; body: Buffer}, place: Place, line: number, result: ScanResult, lenient: boolean, apply: (entry: ScannedEntry) => void): string | undefined {
	if (lenient ? framed.seq <= result.lastSeq : framed.seq !== result.lastSeq + 1) {
		return `record ${framed.seq} follows record ${result.lastSeq} (a record is missing or out of place)`;
	}

	const arn = historyArn(framed.body);
	const logChunk = arn === undefined ? logChunkHead(framed.body) : undefined;
	let entry: ScannedEntry;
	if (logChunk) {
		entry = {kind: 'log-chunk', ...logChunk, json: framed.body.toString('utf8'), line};
	} else if (arn === undefined) {
		let value: unknown;
		try {
			value = JSON.parse(framed.body.toString('utf8'));
		} catch {
			return 'not JSON';
		}

		const problem = recordProblem(value);
		if (problem) {
			return problem;
		}

		entry = {kind: 'record', record: value as JournalRecord, line};
	} else {
		entry = {kind: 'history', arn, place, line};
	}

	const isHeader = entry.kind === 'record' && entry.record.t === 'journal';
	if (isHeader && result.lastSeq > 0) {
		return 'a second journal header';
	}

	// --repair keeps the records after a damaged header; a plain start does not trust a file that does not begin as a journal.
	if (!isHeader && result.lastSeq === 0 && !lenient) {
		return 'not a sfntop journal (no header record first)';
	}

	try {
		apply(entry);
	} catch (error: unknown) {
		return (error as Error).message;
	}

	result.lastSeq = framed.seq;
	if (isHeader) {
		result.hasHeader = true;
	} else {
		result.kept++;
	}

	return undefined;
}
