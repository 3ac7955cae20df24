import process from 'node:process';
import {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {SFNClient} from '@aws-sdk/client-sfn';
import {UserError} from '../model/user-error.js';
import {describeAwsError} from './errors.js';

export type AwsOptions = {
	profile?: string;
	region?: string;
	/** --endpoint-url; AWS_ENDPOINT_URL(_SFN|_CLOUDWATCH_LOGS) are honoured by the SDK itself. */
	endpointUrl?: string;
	/** SDK-level attempts; followers retry on their own, so they pass 1. */
	maxAttempts?: number;
};

export type AwsClients = {sfn: SFNClient; logs: CloudWatchLogsClient; region: string; endpoint?: string};

/**
 * Clients from the SDK's own credential and region chain (environment,
 * shared config and credentials files, --profile, SSO, web identity,
 * instance and container roles): no credential code of ours. A custom
 * endpoint (sfntop serve, LocalStack) gets `disableHostPrefix`, because the
 * SDK would otherwise prefix the host for StartSyncExecution (`sync-`) and
 * StartLiveTail (`streaming-`).
 */
export async function createAwsClients(options: AwsOptions): Promise<AwsClients> {
	const endpoint = options.endpointUrl ?? process.env.AWS_ENDPOINT_URL_SFN ?? process.env.AWS_ENDPOINT_URL;
	if (options.endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(options.endpointUrl)) {
		throw new UserError(`--endpoint-url must be a URL such as http://127.0.0.1:8083, not "${options.endpointUrl}"`);
	}

	const common = {
		...(options.profile && {profile: options.profile}),
		...(options.region && {region: options.region}),
		...(options.endpointUrl && {endpoint: options.endpointUrl}),
		...(endpoint && {disableHostPrefix: true}),
		maxAttempts: options.maxAttempts ?? 3,
	};
	const sfn = new SFNClient(common);
	const logs = new CloudWatchLogsClient(common);
	let region: string;
	try {
		region = await sfn.config.region();
	} catch (error: unknown) {
		throw describeAwsError(error, {action: 'resolving the AWS region'});
	}

	if (!region) {
		throw new UserError('no AWS region configured; pass --region, set AWS_REGION, or add a region to your profile', 'aws');
	}

	return {sfn, logs, region, ...(endpoint && {endpoint})};
}
