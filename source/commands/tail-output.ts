/**
 * What `sfntop tail` prints, in time order. History events and Lambda log
 * lines come from different APIs at different moments (a function's lines
 * reach CloudWatch Logs after the events of the states that follow it), so
 * lines are collected here and written sorted by time. Timestamps are in
 * milliseconds and a fast state shares its millisecond with its neighbours,
 * so at the same time a log line goes right after the last event of its own
 * state that was not an end (LambdaFunctionSucceeded, TaskStateExited, …):
 * a function's last line stays above the event that says it returned, and
 * above the next state. `hold()` keeps everything back (an execution that has
 * ended is printed all at once, once its logs are read); `flush()` writes.
 */
export class TailOutput {
	private pending: Array<{time: number; tie: number; sequence: number; text: string}> = [];
	private sequence = 0;
	private lastTime = 0;
	private held = false;
	/** Per state, its events so far: time, sequence number, and whether it ends something. */
	private readonly stateEvents = new Map<string, Array<{time: number; sequence: number; ends: boolean}>>();

	constructor(private readonly write: (text: string) => void) {}

	/**
	 * An event (of `state`, when it belongs to one); an unreadable time sorts with
	 * the line before it. `after`: the number addEvent returned for the line this
	 * one belongs under (at the same time). Returns this line's number.
	 */
	addEvent(time: number | undefined, state: string | undefined, type: string, text: string, after?: number): number {
		const at = time ?? this.lastTime;
		this.lastTime = Math.max(this.lastTime, at);
		const sequence = this.sequence++;
		if (state !== undefined) {
			const events = this.stateEvents.get(state) ?? [];
			events.push({time: at, sequence, ends: /(?:Succeeded|Failed|TimedOut|Aborted|Exited)$/.test(type)});
			this.stateEvents.set(state, events);
		}

		this.pending.push({time: at, tie: after === undefined ? sequence : after + 0.5, sequence, text});
		return sequence;
	}

	/** A log line of `state`, placed after the last event of that state at or before its time that ends nothing. */
	addLog(time: number, state: string, text: string): void {
		const events = this.stateEvents.get(state) ?? [];
		const anchor = events.findLast(event => event.time <= time && !event.ends) ?? events[0];
		this.pending.push({time: anchor ? Math.max(time, anchor.time) : time, tie: anchor ? anchor.sequence + 0.5 : Infinity, sequence: this.sequence++, text});
	}

	hold(): void {
		this.held = true;
	}

	/** Writes what was collected, in time order (unless held and not `force`d). */
	flush(force = false): void {
		if (this.held && !force) {
			return;
		}

		this.held = false;
		const lines = this.pending.toSorted((a, b) => a.time - b.time || a.tie - b.tie || a.sequence - b.sequence);
		this.pending = [];
		for (const line of lines) {
			this.write(line.text);
		}
	}
}
