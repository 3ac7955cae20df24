import path from 'node:path';
import {getHomeDir, loadSharedConfigFiles} from '@smithy/core/config';
import {UserError} from '../model/user-error.js';

/**
 * A profile named by --profile or AWS_PROFILE must be in the shared config or
 * credentials file. Otherwise the SDK prints its nine-line "Multiple credential
 * sources" warning and then "Could not load credentials from any providers",
 * which sends the user after credentials rather than the name they typed (the
 * AWS CLI says "The config profile (NAME) could not be found"). The files are
 * the SDK's own: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, else
 * ~/.aws/config and ~/.aws/credentials.
 */
export async function checkProfile(flag: string | undefined, environment: NodeJS.ProcessEnv): Promise<void> {
	const fromEnvironment = flag === undefined;
	const profile = flag ?? (environment.AWS_PROFILE || undefined);
	if (profile === undefined) {
		return;
	}

	const home = environment.HOME || getHomeDir();
	const configFile = environment.AWS_CONFIG_FILE || path.join(home, '.aws', 'config');
	const credentialsFile = environment.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials');
	const files = await loadSharedConfigFiles({configFilepath: configFile, filepath: credentialsFile, ignoreCache: true});
	if (Object.hasOwn(files.configFile, profile) || Object.hasOwn(files.credentialsFile, profile)) {
		return;
	}

	const shown = (file: string) => (file.startsWith(home + path.sep) ? `~${file.slice(home.length)}` : file);
	const source = fromEnvironment ? ' (AWS_PROFILE)' : '';
	throw new UserError(`AWS profile ${JSON.stringify(profile)}${source} is not in ${shown(configFile)} or ${shown(credentialsFile)}`);
}
