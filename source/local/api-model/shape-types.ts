/** A request shape from AWS's service model (see scripts/generate-api-model.mjs). */
export type ModelShape = {
	type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';
	min?: number;
	max?: number;
	enum?: string[];
	pattern?: string;
	/** Structure: member name → shape name. */
	members?: Record<string, string>;
	required?: string[];
	/** List: the member shape. */
	member?: string;
	/** Map: key and value shapes. */
	key?: string;
	value?: string;
};

export type ServiceModel = {
	targetPrefix: string;
	/** Operation → its input shape (null: no input). */
	operations: Record<string, string | null>;
	shapes: Record<string, ModelShape>;
};
