/*
 * The States Language shapes the interpreter reads. A definition reaches the
 * engine only after validateDefinition accepted it, so these types describe a
 * valid definition: every field is optional because which ones a state may
 * carry depends on its Type and QueryLanguage (validation checks that).
 */

export type QueryLanguage = 'JSONPath' | 'JSONata';

export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

/** A JSON value as it flows between states. */
export type JsonValue = null | boolean | number | string | JsonValue[] | {[key: string]: JsonValue};

export type Retrier = {
	ErrorEquals: string[];
	IntervalSeconds?: number;
	MaxAttempts?: number;
	BackoffRate?: number;
	MaxDelaySeconds?: number;
	JitterStrategy?: 'FULL' | 'NONE';
	Comment?: string;
};

export type Catcher = {
	ErrorEquals: string[];
	Next: string;
	/** JSONPath only: where the error output goes in the state input. */
	ResultPath?: string | null;
	/** JSONata only. */
	Output?: unknown;
	Assign?: Record<string, unknown>;
	Comment?: string;
};

/** A Choice rule: JSONata uses Condition; JSONPath uses Variable + one operator, or And/Or/Not. */
export type ChoiceRule = {
	Next?: string;
	Condition?: unknown;
	Variable?: string;
	And?: ChoiceRule[];
	Or?: ChoiceRule[];
	Not?: ChoiceRule;
	Assign?: Record<string, unknown>;
	Output?: unknown;
	Comment?: string;
	/** The comparison operator (StringEquals, NumericLessThanPath, IsPresent, ...) and its operand. */
	[operator: string]: unknown;
};

/** A Parallel branch or a Map's ItemProcessor / Iterator. */
export type AslBranch = {
	StartAt: string;
	States: Record<string, AslState>;
	Comment?: string;
	ProcessorConfig?: {Mode?: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: 'STANDARD' | 'EXPRESS'};
};

export type AslState = {
	Type: StateType;
	Comment?: string;
	QueryLanguage?: QueryLanguage;
	Next?: string;
	End?: boolean;

	// Input and output processing (JSONPath)
	InputPath?: string | null;
	OutputPath?: string | null;
	Parameters?: unknown;
	ResultSelector?: unknown;
	ResultPath?: string | null;
	/** Pass */
	Result?: unknown;

	// Input and output processing (JSONata)
	Arguments?: unknown;
	Output?: unknown;

	// Both
	Assign?: Record<string, unknown>;

	// Task
	Resource?: string;
	TimeoutSeconds?: number | string;
	TimeoutSecondsPath?: string;
	HeartbeatSeconds?: number | string;
	HeartbeatSecondsPath?: string;
	Credentials?: unknown;
	Retry?: Retrier[];
	Catch?: Catcher[];

	// Choice
	Choices?: ChoiceRule[];
	Default?: string;

	// Wait
	Seconds?: number | string;
	SecondsPath?: string;
	Timestamp?: string;
	TimestampPath?: string;

	// Fail
	Error?: string;
	ErrorPath?: string;
	Cause?: string;
	CausePath?: string;

	// Parallel
	Branches?: AslBranch[];

	// Map
	ItemsPath?: string;
	Items?: unknown;
	ItemSelector?: unknown;
	ItemProcessor?: AslBranch;
	/** Deprecated spelling of ItemProcessor (inline Map only). */
	Iterator?: AslBranch;
	ItemReader?: Record<string, unknown>;
	ItemBatcher?: Record<string, unknown>;
	ResultWriter?: Record<string, unknown>;
	MaxConcurrency?: number | string;
	MaxConcurrencyPath?: string;
	ToleratedFailurePercentage?: number | string;
	ToleratedFailurePercentagePath?: string;
	ToleratedFailureCount?: number | string;
	ToleratedFailureCountPath?: string;
	Label?: string;
};

export type AslDefinition = {
	StartAt: string;
	States: Record<string, AslState>;
	Comment?: string;
	Version?: string;
	TimeoutSeconds?: number;
	QueryLanguage?: QueryLanguage;
};

/** `$$` in JSONPath, `$states.context` in JSONata. The engine fills the values. */
export type ContextObject = {
	Execution: {
		Id: string;
		Input: unknown;
		Name: string;
		RoleArn: string;
		StartTime: string;
		RedriveCount: number;
		RedriveTime?: string;
	};
	State: {Name: string; EnteredTime: string; RetryCount: number};
	StateMachine: {Id: string; Name: string};
	Task?: {Token: string};
	Map?: {Item: {Index: number; Value: unknown; Key?: string}};
};

/** A finding of definition validation, as ValidateStateMachineDefinition returns it. */
export type Diagnostic = {
	severity: 'ERROR' | 'WARNING';
	code: string;
	message: string;
	/** Where in the definition, e.g. `/States/Fetch/Next`. */
	location?: string;
};
