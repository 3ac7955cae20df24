import {UserError} from '../model/user-error.js';
import type {SfnSession} from '../sync/types.js';

/** `redrive MACHINE` / `stop MACHINE` most likely meant the bulk form: say so. */
const bulkStatusOf = new Map([['redrive', 'FAILED'], ['stop', 'RUNNING']]);

/** The execution ARN a line command was given (ARN, MACHINE/NAME or MACHINE/latest); a machine is refused. */
export async function executionArnOf(session: SfnSession, text: string | undefined, command: string): Promise<string> {
	if (!text) {
		throw new UserError(`sfntop ${command} needs an execution: an ARN, MACHINE/NAME or MACHINE/latest`);
	}

	const target = await session.resolve(text);
	if (target.kind !== 'execution') {
		const bulk = bulkStatusOf.get(command);
		throw new UserError(`${text} is a state machine; give an execution: ${text}/latest, ${text}/NAME or an execution ARN${bulk ? `, or --status ${bulk} to ${command} its ${bulk} executions` : ''}`);
	}

	return target.arn;
}
