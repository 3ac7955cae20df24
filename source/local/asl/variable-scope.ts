/*
 * Workflow variables (`Assign`, `$name`). A Map iteration or Parallel branch
 * runs in a child scope: it reads the outer variables, cannot assign them
 * (validation rejects such a definition, and apply() refuses it at run time
 * too), and nothing it assigns comes back out — only its output does.
 *
 * Sizes as AWS limits them ("Passing data between states with variables"):
 * one variable and one state's whole Assign at most 256 KiB, all variables of
 * an execution at most 10 MiB, each counted as UTF-8 JSON text. AWS documents
 * the limits but we found no recorded failure text: the error is
 * States.DataLimitExceeded (like every other payload limit) with our wording.
 */
import {Buffer} from 'node:buffer';
import {StatesError} from './states-error.js';

export const variableLimits = {oneVariable: 262_144, oneAssign: 262_144, execution: 10_485_760};

export class VariableScope {
	private readonly own = new Map<string, {value: unknown; bytes: number}>();
	private ownBytes = 0;

	constructor(private readonly parent?: VariableScope) {}

	has(name: string): boolean {
		return this.own.has(name) || (this.parent?.has(name) ?? false);
	}

	/** The value of `$name`, undefined when no scope holds it. */
	read(name: string): unknown {
		const entry = this.own.get(name);
		return entry ? entry.value : this.parent?.read(name);
	}

	child(): VariableScope {
		return new VariableScope(this);
	}

	/** Stores one state's assignments (all evaluated before any is stored, as AWS does). */
	apply(assigned: Record<string, unknown>, stateName = 'state'): void {
		const sized = Object.entries(assigned).map(([name, value]) => ({name, value, bytes: Buffer.byteLength(JSON.stringify(value ?? null))}));
		for (const {name, bytes} of sized) {
			if (!this.own.has(name) && this.parent?.has(name)) {
				throw new StatesError('States.Runtime', `Variable '${name}' belongs to an outer scope and cannot be assigned here.`);
			}

			if (bytes > variableLimits.oneVariable) {
				throw tooLarge(stateName, `the variable '${name}' has ${bytes} bytes; the limit is ${variableLimits.oneVariable}`);
			}
		}

		const assignBytes = sized.reduce((sum, {bytes}) => sum + bytes, 0);
		if (assignBytes > variableLimits.oneAssign) {
			throw tooLarge(stateName, `its Assign has ${assignBytes} bytes; the limit is ${variableLimits.oneAssign}`);
		}

		const replaced = sized.reduce((sum, {name}) => sum + (this.own.get(name)?.bytes ?? 0), 0);
		const total = this.totalBytes() - replaced + assignBytes;
		if (total > variableLimits.execution) {
			throw tooLarge(stateName, `the execution's variables would have ${total} bytes; the limit is ${variableLimits.execution}`);
		}

		for (const {name, value, bytes} of sized) {
			this.ownBytes += bytes - (this.own.get(name)?.bytes ?? 0);
			this.own.set(name, {value, bytes});
		}
	}

	/** Every variable visible here, inner names shadowing outer ones. */
	snapshot(): Record<string, unknown> {
		const outer = this.parent?.snapshot() ?? {};
		return {...outer, ...Object.fromEntries([...this.own].map(([name, {value}]) => [name, value]))};
	}

	private totalBytes(): number {
		return this.ownBytes + (this.parent?.totalBytes() ?? 0);
	}
}

function tooLarge(stateName: string, detail: string): StatesError {
	return new StatesError('States.DataLimitExceeded', `The state '${stateName}' assigned variables with a size exceeding the maximum number of bytes service limit: ${detail}.`);
}
