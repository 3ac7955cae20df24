/**
 * What a user of the AWS CLI has set, and so what every test that runs the CLI
 * against an endpoint sets: keys and AWS_DEFAULT_REGION. Never AWS_REGION: that
 * is the SDK's own variable, and tests that set it hid that sfntop ignored
 * AWS_DEFAULT_REGION (issue 11).
 */
export const cliUserEnvironment = {AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_DEFAULT_REGION: 'us-east-1'} as const;
