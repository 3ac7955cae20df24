import process from 'node:process';
import {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {SFNClient} from '@aws-sdk/client-sfn';
import {UserError} from '../model/user-error.js';
import {describeAwsError, errorFacts} from './errors.js';
import {checkProfile} from './profile-check.js';
import {retryPolicy} from './retry-policy.js';

export type AwsOptions = {
	profile?: string;
	region?: string;
	/** --endpoint-url; AWS_ENDPOINT_URL(_SFN|_CLOUDWATCH_LOGS) are honoured by the SDK itself. */
	endpointUrl?: string;
	/** SDK-level attempts; followers retry on their own, so they pass 1. */
	maxAttempts?: number;
	/** The region inside a full ARN given on the command line: the last place a region comes from. */
	arnRegion?: string;
};

export type AwsClients = {sfn: SFNClient; logs: CloudWatchLogsClient; region: string; endpoint?: string};

const ignore = () => undefined;

/**
 * With --profile the SDK uses that profile and not AWS_ACCESS_KEY_ID/…, as the
 * AWS CLI does with --profile; its nine-line "Multiple credential sources"
 * warning (which blames AWS_PROFILE even when the flag chose the profile)
 * would only tell the user what they asked for. It goes to the client's
 * logger when there is one, else to console.warn; the SDK logs nothing else
 * without a logger, so this one drops everything.
 */
const quietLogger = {trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore};

const noRegion = 'no AWS region configured; pass --region, set AWS_DEFAULT_REGION (or AWS_REGION), or add a region to your profile';

/**
 * The region, in the order a user of the AWS CLI expects: --region, else
 * AWS_REGION, else AWS_DEFAULT_REGION (what the AWS CLI reads; the SDK v3
 * reads only AWS_REGION), else the profile's (the SDK's own config-file
 * lookup), else the region inside a full ARN given on the command line.
 */
async function resolveRegion(options: AwsOptions, environment: NodeJS.ProcessEnv): Promise<string | undefined> {
	const given = [options.region, environment.AWS_REGION, environment.AWS_DEFAULT_REGION].find(value => value?.trim());
	if (given) {
		return given.trim();
	}

	const probe = new SFNClient({...(options.profile && {profile: options.profile})});
	try {
		return await probe.config.region() || options.arnRegion;
	} catch (error: unknown) {
		if (options.arnRegion && /region is missing/i.test(errorFacts(error).message ?? '')) {
			return options.arnRegion;
		}

		throw describeAwsError(error, {action: 'resolving the AWS region'});
	} finally {
		probe.destroy();
	}
}

/**
 * Clients from the SDK's own credential chain (environment, shared config
 * and credentials files, --profile, SSO, web identity, instance and container
 * roles): no credential code of ours. A custom endpoint (sfntop serve,
 * LocalStack) gets `disableHostPrefix`, because the SDK would otherwise prefix
 * the host for StartSyncExecution (`sync-`) and StartLiveTail (`streaming-`).
 */
export async function createAwsClients(options: AwsOptions, environment: NodeJS.ProcessEnv = process.env): Promise<AwsClients> {
	const endpoint = options.endpointUrl ?? environment.AWS_ENDPOINT_URL_SFN ?? environment.AWS_ENDPOINT_URL;
	if (options.endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(options.endpointUrl)) {
		throw new UserError(`--endpoint-url must be a URL such as http://127.0.0.1:8083, not "${options.endpointUrl}"`);
	}

	await checkProfile(options.profile, environment);
	const region = await resolveRegion(options, environment);
	if (!region) {
		throw new UserError(noRegion, 'aws');
	}

	const common = {
		...(options.profile && {profile: options.profile}),
		region,
		...(options.endpointUrl && {endpoint: options.endpointUrl}),
		...(endpoint && {disableHostPrefix: true}),
		...(options.profile && {logger: quietLogger}),
		maxAttempts: options.maxAttempts ?? 3,
		requestHandler: {connectionTimeout: retryPolicy.connectTimeoutMs, socketTimeout: retryPolicy.idleTimeoutMs},
	};
	return {sfn: new SFNClient(common), logs: new CloudWatchLogsClient(common), region, ...(endpoint && {endpoint})};
}
