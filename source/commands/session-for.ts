import {createSession} from '../sync/session.js';
import type {SfnSession} from '../sync/types.js';
import {UserError} from '../model/user-error.js';

/** A session from the global AWS flags and --interval (seconds). */
export async function sessionFor(flags: Record<string, unknown>): Promise<SfnSession> {
	const interval = flags.interval === undefined ? 1 : Number(flags.interval);
	if (!Number.isFinite(interval) || interval < 0.2) {
		throw new UserError(`--interval takes seconds, at least 0.2, not "${String(flags.interval)}"`);
	}

	return createSession({
		...((typeof flags.profile === 'string') && {profile: flags.profile}),
		...((typeof flags.region === 'string') && {region: flags.region}),
		...((typeof flags.endpointUrl === 'string') && {endpointUrl: flags.endpointUrl}),
		readOnly: Boolean(flags.readOnly),
		interval,
	});
}

export async function executionArnOf(session: SfnSession, text: string | undefined, command: string): Promise<string> {
	if (!text) {
		throw new UserError(`sfntop ${command} needs an execution: an ARN, MACHINE/NAME or MACHINE/latest`);
	}

	const target = await session.resolve(text);
	if (target.kind !== 'execution') {
		throw new UserError(`${text} is a state machine; give an execution: ${text}/latest, ${text}/NAME or an execution ARN`);
	}

	return target.arn;
}
