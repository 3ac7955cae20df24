import type {AwsApi} from '../aws/sfn.js';

/** Runs one API call, turning its error into the user's one line. */
export async function attempt<T>(api: AwsApi, action: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error: unknown) {
		throw api.describe(error, action);
	}
}
