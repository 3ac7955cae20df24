import type {Buffer} from 'node:buffer';
import {chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, type Stats} from 'node:fs';
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import process from 'node:process';
import {UserError} from '../../model/user-error.js';

const folderMode = 0o700;

/** A path's stat, following links (a --data-dir that is a link to a folder is that folder); undefined when missing. */
export function statOrUndefined(file: string): Stats | undefined {
	try {
		return statSync(file);
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

/**
 * Node's mkdirSync(dir, {recursive: true}) never returns when a parent refuses mkdir
 * with ENOENT (under /proc, Node 24), so serve hung silently: make each
 * missing level ourselves, from the nearest folder that exists.
 */
function makeFolders(dir: string): void {
	const parent = path.dirname(dir);
	if (parent !== dir && !existsSync(parent)) {
		makeFolders(parent);
	}

	mkdirSync(dir, {mode: folderMode});
}

/** The --data-dir folder, made (0700) if missing; a file there is one clear error. */
export function prepareDataDir(dir: string): void {
	const stat = usable(() => statOrUndefined(dir), `--data-dir ${dir}`);
	if (stat && !stat.isDirectory()) {
		throw new UserError(`--data-dir ${dir} is a file; give a folder (serve creates it if it does not exist)`);
	}

	usable(() => {
		if (!stat) {
			makeFolders(dir);
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

const readOr = (file: string, fallback: string) => {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return fallback;
	}
};

/** Linux: a process's state letter and start time (clock ticks after boot), from /proc/PID/stat; undefined elsewhere. */
function procStat(pid: number | 'self'): {state: string; start: string} | undefined {
	const text = readOr(`/proc/${pid}/stat`, '');
	// The name (field 2) is in parentheses and may hold spaces: read after its last ')'.
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	return fields.length > 20 ? {state: fields[0], start: fields[19]} : undefined;
}

/** Who holds a lock: pid, its start time and the boot it started in, so a reused pid (another boot, another process) is not mistaken for it. */
const lockText = () => `${process.pid} ${procStat('self')?.start ?? '-'} ${readOr('/proc/sys/kernel/random/boot_id', '-').trim()}\n`;

/**
 * Whether the process a lock names still runs as the serve that wrote it: alive,
 * not a zombie (a kill -9'd serve its parent has not reaped holds nothing), and the
 * same process — same start time and boot when the lock says so; a lock with only a
 * pid (older serves) counts when that process runs sfntop.
 */
function holds(lock: string): number | undefined {
	const [pidText, start, boot] = lock.trim().split(/\s+/, 3);
	const pid = Math.trunc(Number(pidText));
	if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) {
		return undefined;
	}

	const stat = procStat(pid);
	if (!stat) {
		return existsSync('/proc/self') ? undefined : pid;
	}

	if (stat.state === 'Z' || stat.state === 'X') {
		return undefined;
	}

	if (start !== undefined && start !== '-') {
		const sameBoot = boot === undefined || boot === '-' || boot === readOr('/proc/sys/kernel/random/boot_id', '-').trim();
		return sameBoot && start === stat.start ? pid : undefined;
	}

	return readOr(`/proc/${pid}/cmdline`, '').includes('sfntop') ? pid : undefined;
}

/**
 * One serve per --data-dir: two appending to one journal would interleave
 * their records (and the next start would find the journal damaged). The
 * lock file names the owner (pid, start time, boot); a lock whose owner is
 * gone — exited, killed and not yet reaped, or a pid now used by another
 * process — is taken over. Returns the release.
 */
export function lockDataDir(dir: string): () => void {
	const file = path.join(dir, 'journal.lock');
	const holder = holds(usable(() => (existsSync(file) ? readFileSync(file, 'utf8') : ''), file));
	if (holder !== undefined) {
		throw new UserError(`--data-dir ${dir} is in use by another sfntop serve (pid ${holder}); stop it first, or pick another --data-dir`);
	}

	const mine = lockText();
	usable(() => {
		writeFileSync(file, mine, {mode: 0o600});
	}, file);
	return () => {
		try {
			if (readFileSync(file, 'utf8') === mine) {
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
