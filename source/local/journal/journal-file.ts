import {closeSync, fchmodSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, rmSync, writeSync} from 'node:fs';
import {Buffer} from 'node:buffer';
import path from 'node:path';
import {setImmediate} from 'node:timers/promises';
import {UserError} from '../../model/user-error.js';
import {frameRecord} from './frame.js';
import {journalVersion} from './records.js';
import {lockDataDir, prepareDataDir, statOrUndefined, usable} from './data-dir.js';
import {fileMode, NextFile, syncFolder, type JournalLine} from './next-file.js';
import {readRecord, scanJournal, type ApplyEntry, type BadLine, type Place} from './scan.js';

export type {JournalLine} from './next-file.js';

export type JournalOptions = {
	/** --repair: keep every good record, move the bad ones to a side file. */
	repair?: boolean;
	/** One-line notes for the operator (stderr). */
	notice?: (line: string) => void;
};

/**
 * The append-only, checksummed journal file of a --data-dir. Opening it
 * checks every record: a torn last record is cut off (the file truncated
 * there) before anything is appended; a bad record anywhere else stops the
 * start with the file and line, unless --repair.
 */
export class JournalFile {
	readonly file: string;
	/** Set when the file should be rewritten from the loaded state (after --repair). */
	readonly needsRewrite: boolean = false;
	private fd = -1;
	private size = 0;
	private seq = 0;
	private records = 0;
	private readonly release: () => void;
	/** While a background rewrite runs: what was appended since it began. */
	private carried: string[] | undefined;

	constructor(readonly dir: string, options: JournalOptions, apply: ApplyEntry) {
		this.file = path.join(dir, 'journal.jsonl');
		prepareDataDir(dir);
		const fileStat = usable(() => statOrUndefined(this.file), this.file);
		if (fileStat && !fileStat.isFile()) {
			throw new UserError(`${this.file} is a ${fileStat.isDirectory() ? 'folder' : 'special file'}, not a journal; move it away or pick another --data-dir`);
		}

		this.release = lockDataDir(dir);
		usable(() => {
			// A compaction cut short by a crash: the journal itself is whole (the new file replaces it only when complete).
			rmSync(`${this.file}.next`, {force: true});
			this.fd = openSync(this.file, 'a+', fileMode);
			fchmodSync(this.fd, fileMode);
			this.size = fstatSync(this.fd).size;
		}, this.file);

		const scan = scanJournal(this.fd, Boolean(options.repair), apply);
		// Only a last line with no newline is a write cut short (one write(2) per record ends with its newline; a power
		// cut that leaves zeros leaves no newline either). A complete last line that fails its checksum was acknowledged
		// like any other record: it is damage to report (exit 2, --repair), never something to cut quietly.
		let {torn} = scan;

		if (torn && !scan.hasHeader && !options.repair) {
			scan.bad.push(torn);
			torn = undefined;
		}

		if (scan.bad.length > 0 && !options.repair) {
			closeSync(this.fd);
			this.release();
			const [first] = scan.bad;
			throw new UserError(`${this.file} line ${first.line}: ${first.reason}; the journal is damaged. Start with --repair to keep the good records and move the damaged ones aside`);
		}

		this.seq = scan.lastSeq;
		this.records = scan.kept;
		if (options.repair) {
			const damaged = [...scan.bad, ...(torn ? [torn] : [])];
			if (damaged.length > 0) {
				const side = this.moveAside(damaged);
				this.needsRewrite = true;
				options.notice?.(`sfntop serve: --repair kept ${scan.kept} good record${scan.kept === 1 ? '' : 's'} of ${this.file} and moved ${damaged.length} damaged record${damaged.length === 1 ? '' : 's'} to ${side}`);
			} else {
				options.notice?.(`sfntop serve: --repair found nothing damaged in ${this.file}`);
			}

			return;
		}

		if (torn) {
			ftruncateSync(this.fd, scan.goodEnd);
			fsyncSync(this.fd);
			options.notice?.(`sfntop serve: ${this.file}: cut off a torn last record (line ${torn.line}, ${torn.place.length} bytes) left by an interrupted write`);
		}

		this.size = scan.goodEnd;
		if (this.seq === 0) {
			this.append(JSON.stringify({t: 'journal', version: journalVersion}), true);
			this.records = 0;
		}
	}

	/** Data records in the file (what compaction weighs against the live state). */
	get recordCount(): number {
		return this.records;
	}

	append(json: string, durable = false): Place {
		this.carried?.push(json);
		const line = frameRecord(++this.seq, json);
		const place = {offset: this.size, length: line.length};
		writeSync(this.fd, line);
		this.size += line.length;
		this.records++;
		if (durable) {
			fsyncSync(this.fd);
		}

		return place;
	}

	sync(): void {
		fsyncSync(this.fd);
	}

	/** The JSON of the record at `place`, checked again (the file may have been damaged since it was opened). */
	read(place: Place): string {
		return readRecord(this.fd, place);
	}

	/**
	 * Replaces the file by `lines` (a snapshot of the state): written to a new
	 * file, synced, then renamed over the journal, so a crash leaves the old
	 * or the new one. Returns where each history line landed.
	 */
	rewrite(lines: Iterable<JournalLine>): Map<string, Place> {
		const next = new NextFile(`${this.file}.next`);
		for (const line of lines) {
			next.add(line);
		}

		return this.switchTo(next);
	}

	/**
	 * The same, a megabyte at a time with the event loop free in between (no
	 * request waits behind a compaction). Records appended meanwhile go to the
	 * old file as usual and are carried over to the new one before it takes
	 * its place. Undefined when the journal was closed meanwhile.
	 */
	async rewriteInBackground(lines: Iterable<JournalLine>): Promise<Map<string, Place> | undefined> {
		const next = new NextFile(`${this.file}.next`);
		this.carried = [];
		try {
			for (const line of lines) {
				if (next.add(line)) {
					await setImmediate();
					if (this.fd < 0) {
						next.abandon();
						return undefined;
					}
				}
			}

			for (const json of this.carried) {
				next.add({json});
			}
		} catch (error: unknown) {
			next.abandon();
			throw error;
		} finally {
			this.carried = undefined;
		}

		return this.switchTo(next);
	}

	private switchTo(next: NextFile): Map<string, Place> {
		next.finish();
		renameSync(next.file, this.file);
		syncFolder(this.dir);
		closeSync(this.fd);
		this.fd = next.fd;
		this.size = next.size;
		this.seq = next.seq;
		this.records = next.records;
		(this as {needsRewrite: boolean}).needsRewrite = false;
		return next.places;
	}

	close(): void {
		if (this.fd >= 0) {
			closeSync(this.fd);
			this.fd = -1;
			this.release();
		}
	}

	private moveAside(damaged: BadLine[]): string {
		const side = path.join(this.dir, `journal.damaged-${new Date().toISOString().replaceAll(/[.:]/g, '-')}.jsonl`);
		const fd = openSync(side, 'wx', fileMode);
		try {
			for (const {place} of damaged) {
				const bytes = Buffer.alloc(place.length);
				readSync(this.fd, bytes, 0, place.length, place.offset);
				writeSync(fd, bytes);
				if (bytes.at(-1) !== 0x0A) {
					writeSync(fd, '\n');
				}
			}

			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}

		return side;
	}
}

