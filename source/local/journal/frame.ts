import {Buffer} from 'node:buffer';
import {crc32} from 'node:zlib';

/*
 * One journal record is one line: `CRC SEQ JSON\n`, where CRC is the CRC-32
 * (8 hex digits) of the bytes `SEQ JSON`, and SEQ counts records from 1 in
 * this file. The checksum finds a flipped byte or a torn write; the sequence
 * finds a record that went missing or was pasted in from elsewhere.
 */

const hex = (value: number) => value.toString(16).padStart(8, '0');

export function frameRecord(seq: number, json: string): Buffer {
	const body = Buffer.from(`${seq} ${json}`);
	return Buffer.concat([Buffer.from(`${hex(crc32(body))} `), body, Buffer.from('\n')]);
}

export type Unframed = {ok: true; seq: number; body: Buffer} | {ok: false; reason: string};

/** Checks one line (without its newline); `body` is the record's JSON bytes. */
export function unframeRecord(line: Buffer): Unframed {
	if (line.length < 12 || line[8] !== 0x20) {
		return {ok: false, reason: 'not a journal record (no checksum)'};
	}

	const stated = line.toString('latin1', 0, 8);
	if (!/^[\da-f]{8}$/.test(stated)) {
		return {ok: false, reason: 'not a journal record (no checksum)'};
	}

	const checked = line.subarray(9);
	if (hex(crc32(checked)) !== stated) {
		return {ok: false, reason: 'checksum mismatch'};
	}

	const space = checked.indexOf(0x20);
	const seq = space > 0 ? Number(checked.toString('latin1', 0, space)) : NaN;
	return !Number.isSafeInteger(seq) || seq < 1 ? {ok: false, reason: 'no sequence number'} : {ok: true, seq, body: checked.subarray(space + 1)};
}
