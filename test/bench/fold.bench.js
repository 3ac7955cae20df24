// Folding a 25,000-event history (the most a history holds) from scratch, and
// one new event onto it, beside the naive baseline measured in the same run:
// re-folding the whole history on every new event.
import {createSnapshot, foldEvents} from '../../dist/model/history/history-fold.js';

/**
 * A running Map over many items, each iteration entering and leaving a Task with a Lambda triple.
 * @param count
 */
export function syntheticHistory(count = 25_000) {
	const events = [];
	let id = 0;
	let t = 1_764_000_000_000;
	const push = (type, previousEventId, details = {}) => {
		id++;
		t += 5;
		events.push({id, previousEventId, timestamp: t, type, details});
		return id;
	};

	const started = push('ExecutionStarted', 0, {input: '{"items": []}'});
	const entered = push('MapStateEntered', started, {name: 'ProcessItems', input: '{}'});
	const mapStarted = push('MapStateStarted', entered, {length: Math.ceil(count / 8)});
	let index = 0;
	// `push` advances `id`.
	// eslint-disable-next-line no-unmodified-loop-condition
	while (id + 8 <= count) {
		const iteration = push('MapIterationStarted', mapStarted, {name: 'ProcessItems', index});
		const task = push('TaskStateEntered', iteration, {name: 'ProcessItem', input: `{"i":${index}}`});
		const scheduled = push('LambdaFunctionScheduled', task, {resource: 'arn:aws:lambda:us-east-1:123456789012:function:process-item'});
		const lambdaStarted = push('LambdaFunctionStarted', scheduled);
		const succeeded = push('LambdaFunctionSucceeded', lambdaStarted, {output: `{"ok":${index}}`});
		const exited = push('TaskStateExited', succeeded, {name: 'ProcessItem', output: `{"ok":${index}}`});
		push('MapIterationSucceeded', exited, {name: 'ProcessItems', index});
		index++;
	}

	return events;
}

function median(samples) {
	const sorted = samples.toSorted((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

export default async function bench() {
	const events = syntheticHistory(25_000);
	const fromScratch = [];
	for (let run = 0; run < 5; run++) {
		const start = performance.now();
		foldEvents(createSnapshot(), events);
		fromScratch.push(performance.now() - start);
	}

	// The follower's case: each new event folds onto the newest snapshot.
	let snapshot = foldEvents(createSnapshot(), events.slice(0, -1));
	const last = events.at(-1);
	const incremental = [];
	const naive = [];
	for (let run = 0; run < 20; run++) {
		const event = {...last, id: last.id + run + 1};
		let start = performance.now();
		snapshot = foldEvents(snapshot, [event]);
		incremental.push(performance.now() - start);
		if (run < 5) {
			start = performance.now();
			foldEvents(createSnapshot(), [...events, event]);
			naive.push(performance.now() - start);
		}
	}

	const scratch = median(fromScratch);
	const oneEvent = median(incremental);
	return [
		{name: 'fold 25,000 events from scratch', value: scratch, unit: 'ms', baseline: null, target: '< 100 ms', met: scratch < 100},
		{name: 'fold 1 new event onto 25,000 (vs re-fold all)', value: oneEvent, unit: 'ms', baseline: median(naive), target: '< 2 ms', met: oneEvent < 2},
	];
}
