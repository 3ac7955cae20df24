import {createApi} from '../sync/session.js';
import type {AwsApi} from '../aws/sfn.js';

/** The AwsApi for a line command, from the global AWS flags. */
export async function commandApi(flags: Record<string, unknown>): Promise<AwsApi> {
	return createApi({
		...((typeof flags.profile === 'string') && {profile: flags.profile}),
		...((typeof flags.region === 'string') && {region: flags.region}),
		...((typeof flags.endpointUrl === 'string') && {endpointUrl: flags.endpointUrl}),
		readOnly: Boolean(flags.readOnly),
	});
}

/** Runs one API call, turning its error into the user's one line. */
export async function attempt<T>(api: AwsApi, action: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error: unknown) {
		throw api.describe(error, action);
	}
}
