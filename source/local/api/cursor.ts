import {Buffer} from 'node:buffer';
import {createHash, createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {AwsError} from '../aws-error.js';

/*
 * Page tokens are cursors, not offsets: a token names the last item a page
 * returned (an event id, a start date and name, ...) and the next page starts
 * after it, so pages stay right while histories grow and executions start.
 * A token is opaque (base64url of JSON, then an HMAC of it) and bound to the
 * request it came from (which list, which execution, which filter, which
 * direction); any other token — one whose cursor was changed too — is AWS's
 * InvalidToken. The HMAC key is random per process, or kept in the --data-dir
 * (`journal.key`) so that tokens outlive a restart.
 */

export type Cursor = Record<string, string | number>;

/** Code-unit order (not locale order): the same order `<` gives, which cursors compare with. */
export const compareText = (a: string, b: string) => (a < b ? -1 : (a > b ? 1 : 0));

type Sealed = {k: string; s: string; c: Cursor};

let tokenKey: Buffer = randomBytes(32);

/** The key tokens are signed with from now on (the --data-dir's, so tokens stay valid across restarts). */
export function useTokenKey(key: Buffer): void {
	tokenKey = key;
}

const macOf = (body: string) => createHmac('sha256', tokenKey).update(body).digest().subarray(0, 16);

const scopeHash = (scope: string) => createHash('sha256').update(scope).digest('base64url').slice(0, 12);

export function encodeToken(kind: string, scope: string, cursor: Cursor): string {
	const sealed: Sealed = {k: kind, s: scopeHash(scope), c: cursor};
	const body = Buffer.from(JSON.stringify(sealed)).toString('base64url');
	return `${body}.${macOf(body).toString('base64url')}`;
}

/** The cursor in a token from this list and scope; undefined when there is no token. */
export function decodeToken(token: unknown, kind: string, scope: string, invalid: () => AwsError = invalidToken): Cursor | undefined {
	if (token === undefined) {
		return undefined;
	}

	if (typeof token !== 'string') {
		throw invalid();
	}

	const [body, mac, ...rest] = token.split('.');
	const given = Buffer.from(mac ?? '', 'base64url');
	const expected = macOf(body);
	if (rest.length > 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
		throw invalid();
	}

	let sealed: Partial<Sealed> | undefined;
	try {
		sealed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Sealed>;
	} catch {
		throw invalid();
	}

	if (typeof sealed !== 'object' || sealed?.k !== kind || sealed.s !== scopeHash(scope) || typeof sealed.c !== 'object' || sealed.c === null) {
		throw invalid();
	}

	return sealed.c;
}

/** Step Functions' answer to a token it did not issue (recorded: ListStateMachineAliases with a made-up token). */
export const invalidToken = () => new AwsError('InvalidToken', 'Invalid Token: \'Invalid token\'');

export type PageSpec<T> = {
	kind: string;
	/** What the token is bound to: the list's arguments other than the token and page size. */
	scope: string;
	/** The cursor of an item (what the next page starts after). */
	cursorOf: (item: T) => Cursor;
	/** Whether an item comes after the cursor in the list's order. */
	isAfter: (item: T, cursor: Cursor) => boolean;
	/** Page size when maxResults is absent or 0. */
	defaultSize?: number;
	invalid?: () => AwsError;
};

/** One page of `sorted` (already in the list's order) after the request's token. */
export function keysetPage<T>(sorted: readonly T[], body: {nextToken?: unknown; maxResults?: unknown}, spec: PageSpec<T>): {items: T[]; nextToken?: string} {
	const size = typeof body.maxResults === 'number' && body.maxResults > 0 ? body.maxResults : spec.defaultSize ?? 100;
	const cursor = decodeToken(body.nextToken, spec.kind, spec.scope, spec.invalid);
	const start = cursor === undefined ? 0 : firstAfter(sorted, cursor, spec.isAfter);
	const items = sorted.slice(start, start + size);
	const more = start + size < sorted.length;
	return {items, ...(more && items.length > 0 && {nextToken: encodeToken(spec.kind, spec.scope, spec.cursorOf(items.at(-1)!))})};
}

/** The index of the first item after the cursor (binary search: `isAfter` is monotonic over a sorted list). */
function firstAfter<T>(sorted: readonly T[], cursor: Cursor, isAfter: (item: T, cursor: Cursor) => boolean): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (isAfter(sorted[middle], cursor)) {
			high = middle;
		} else {
			low = middle + 1;
		}
	}

	return low;
}
