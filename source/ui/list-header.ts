import {sanitize} from '../model/text/sanitize.js';
import type {StyledLine} from '../model/types.js';
import type {FollowerState, SfnSession} from '../sync/types.js';
import {freshness} from './header.js';

/** The header of the list views: where we are and how fresh the data is. */
export function listHeaderLine(session: SfnSession, crumbs: string[], follower: FollowerState<unknown>): StyledLine {
	return [
		{text: 'sfntop ', role: 'heading'},
		{text: crumbs.map(crumb => sanitize(crumb)).join(' / ')},
		{text: `   ${session.region}${session.endpoint ? ` ${sanitize(session.endpoint)}` : ''}   ${session.callsPerMinute()} calls/min   `, role: 'muted'},
		...freshness(follower),
	];
}
