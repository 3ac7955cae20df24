/*
 * Workflow variables (`Assign`, `$name`). A Map iteration or Parallel branch
 * runs in a child scope: it reads the outer variables, cannot assign them
 * (validation rejects such a definition, and apply() refuses it at run time
 * too), and nothing it assigns comes back out — only its output does.
 */
import {StatesError} from './states-error.js';

export class VariableScope {
	private readonly own = new Map<string, unknown>();

	constructor(private readonly parent?: VariableScope) {}

	has(name: string): boolean {
		return this.own.has(name) || (this.parent?.has(name) ?? false);
	}

	/** The value of `$name`, undefined when no scope holds it. */
	read(name: string): unknown {
		return this.own.has(name) ? this.own.get(name) : this.parent?.read(name);
	}

	child(): VariableScope {
		return new VariableScope(this);
	}

	/** Stores one state's assignments (all evaluated before any is stored, as AWS does). */
	apply(assigned: Record<string, unknown>): void {
		for (const name of Object.keys(assigned)) {
			if (!this.own.has(name) && this.parent?.has(name)) {
				throw new StatesError('States.Runtime', `Variable '${name}' belongs to an outer scope and cannot be assigned here.`);
			}
		}

		for (const [name, value] of Object.entries(assigned)) {
			this.own.set(name, value);
		}
	}

	/** Every variable visible here, inner names shadowing outer ones. */
	snapshot(): Record<string, unknown> {
		const outer = this.parent?.snapshot() ?? {};
		return {...outer, ...Object.fromEntries(this.own)};
	}
}
