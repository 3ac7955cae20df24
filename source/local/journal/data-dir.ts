import {chmodSync, lstatSync, mkdirSync, readdirSync, type Stats} from 'node:fs';
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
