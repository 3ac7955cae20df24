import {Buffer} from 'node:buffer';
import {closeSync, fsyncSync, openSync, rmSync, writeSync} from 'node:fs';
import {frameRecord} from './frame.js';
import {journalVersion} from './records.js';
import type {Place} from './scan.js';

/** A line to write: a record's JSON, and the execution ARN when it is a history record (its place is reported). */
export type JournalLine = {json: string; history?: string};

export const fileMode = 0o600;
const flushBytes = 1024 * 1024;

export function syncFolder(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/** The journal being written by a rewrite: its own sequence, offsets and history places. */
export class NextFile {
	readonly fd: number;
	readonly places = new Map<string, Place>();
	seq = 0;
	size = 0;
	records = -1;
	private chunks: Buffer[] = [];
	private chunkBytes = 0;

	constructor(readonly file: string) {
		this.fd = openSync(file, 'w+', fileMode);
		this.add({json: JSON.stringify({t: 'journal', version: journalVersion})});
	}

	/** True when a megabyte went to the file (a good moment to yield). */
	add(line: JournalLine): boolean {
		const framed = frameRecord(++this.seq, line.json);
		if (line.history) {
			this.places.set(line.history, {offset: this.size, length: framed.length});
		}

		this.size += framed.length;
		this.records++;
		this.chunks.push(framed);
		this.chunkBytes += framed.length;
		if (this.chunkBytes < flushBytes) {
			return false;
		}

		this.flush();
		return true;
	}

	finish(): void {
		this.flush();
		fsyncSync(this.fd);
	}

	abandon(): void {
		closeSync(this.fd);
		rmSync(this.file, {force: true});
	}

	private flush(): void {
		writeSync(this.fd, Buffer.concat(this.chunks));
		this.chunks = [];
		this.chunkBytes = 0;
	}
}
