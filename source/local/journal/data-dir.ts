import type {Buffer} from 'node:buffer';
import {chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, type Stats} from 'node:fs';
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import process from 'node:process';
import {UserError} from '../../model/user-error.js';

const folderMode = 0o700;

export function statOrUndefined(file: string): Stats | undefined {
	try {
		return lstatSync(file);
	} catch (error: unknown) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}

		throw error;
	}
}

/** Runs a file-system step; a failure becomes one line naming `what` (permission denied, ...). */
export function usable<T>(action: () => T, what: string): T {
	try {
		return action();
	} catch (error: unknown) {
		if (error instanceof UserError) {
			throw error;
		}

		const {code, message} = error as NodeJS.ErrnoException;
		throw new UserError(`cannot use ${what}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : message.split('\n', 1)[0]}`);
	}
}

/** The --data-dir folder, made (0700) if missing; a file there is one clear error. */
export function prepareDataDir(dir: string): void {
	const stat = usable(() => statOrUndefined(dir), `--data-dir ${dir}`);
	if (stat && !stat.isDirectory()) {
		throw new UserError(`--data-dir ${dir} is a file; give a folder (serve creates it if it does not exist)`);
	}

	usable(() => {
		if (!stat) {
			mkdirSync(dir, {recursive: true, mode: folderMode});
		} else if (readdirSync(dir).every(name => name.startsWith('journal.'))) {
			// A folder only serve uses is tightened as if serve had made it; a shared one is left alone.
			chmodSync(dir, folderMode);
		}
	}, `--data-dir ${dir}`);
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error: unknown) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * One serve per --data-dir: two appending to one journal would interleave
 * their records (and the next start would find the journal damaged). The
 * lock file holds the owner's pid; one left by a process that died (kill -9)
 * is taken over. Returns the release.
 */
export function lockDataDir(dir: string): () => void {
	const file = path.join(dir, 'journal.lock');
	const holder = usable(() => (existsSync(file) ? Math.trunc(Number(readFileSync(file, 'utf8').trim())) : undefined), file);
	if (holder !== undefined && holder !== process.pid && Number.isInteger(holder) && holder > 0 && alive(holder)) {
		throw new UserError(`--data-dir ${dir} is in use by another sfntop serve (pid ${holder}); stop it first, or pick another --data-dir`);
	}

	usable(() => {
		writeFileSync(file, `${process.pid}\n`, {mode: 0o600});
	}, file);
	return () => {
		try {
			if (Math.trunc(Number(readFileSync(file, 'utf8').trim())) === process.pid) {
				rmSync(file, {force: true});
			}
		} catch {
			// Already gone: nothing to release.
		}
	};
}

/** The key page tokens are signed with, kept in the folder (0600) so tokens stay valid across a restart; made on first use. */
export function tokenKeyOf(dir: string): Buffer {
	const file = path.join(dir, 'journal.key');
	return usable(() => {
		const kept = existsSync(file) ? readFileSync(file) : undefined;
		if (kept?.length === 32) {
			return kept;
		}

		const key = randomBytes(32);
		writeFileSync(file, key, {mode: 0o600});
		return key;
	}, file);
}
