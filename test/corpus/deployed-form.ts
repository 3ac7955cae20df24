/*
 * Corpus definitions are templates: SAM/CloudFormation/Terraform fill
 * `${…}` placeholders before the definition reaches Step Functions. Validate
 * them the way they are deployed: a whole-string placeholder in Resource
 * becomes a Lambda ARN, one in a number field a number, `${AWS::Partition}`
 * and its cousins `aws`, and any other placeholder inside a Resource a name.
 */
const numberFields = new Set(['Seconds', 'TimeoutSeconds', 'HeartbeatSeconds', 'MaxConcurrency', 'IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'ToleratedFailureCount', 'ToleratedFailurePercentage']);

const partition = /\$\{[^}]*partition[^}]*\}/gi;
const region = /\$\{[^}]*region[^}]*\}/gi;
const account = /\$\{[^}]*account[^}]*\}/gi;

export function deployedForm(text: string): string {
	return JSON.stringify(JSON.parse(text), (key, value: unknown) => {
		if (typeof value !== 'string' || !value.includes('${')) {
			return value;
		}

		if (numberFields.has(key) && /^\$\{[^}]+\}$/.test(value)) {
			return 60;
		}

		if (key !== 'Resource') {
			return value;
		}

		const whole = /^\$\{([^}]+)\}$/.exec(value);
		return whole ? `arn:aws:lambda:us-east-1:123456789012:function:${whole[1].replaceAll(/\W/g, '')}` : value.replaceAll(partition, 'aws').replaceAll(region, 'us-east-1').replaceAll(account, '123456789012').replaceAll(/\$\{([^}]+)\}/g, (_, name: string) => name.replaceAll(/\W/g, ''));
	});
}
