import {Buffer} from 'node:buffer';
import {AwsError, validation} from '../aws-error.js';

export function page<T>(items: T[], body: Record<string, unknown>, defaultSize: number, maxSize = 1000): {items: T[]; nextToken?: string} {
	const maxResults = body.maxResults === undefined || body.maxResults === 0 ? defaultSize : Number(body.maxResults);
	if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > maxSize) {
		throw validation(`1 validation error detected: Value '${String(body.maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${maxSize}`);
	}

	let start = 0;
	if (typeof body.nextToken === 'string') {
		const decoded = Number(Buffer.from(body.nextToken, 'base64url').toString('utf8'));
		if (!Number.isInteger(decoded) || decoded < 0) {
			throw new AwsError('InvalidToken', `Invalid Token: '${body.nextToken}'`);
		}

		start = decoded;
	}

	const end = start + maxResults;
	return {items: items.slice(start, end), ...((end < items.length) && {nextToken: Buffer.from(String(end)).toString('base64url')})};
}
