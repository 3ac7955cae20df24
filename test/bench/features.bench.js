// `sfntop diff` and the timeline on the largest histories AWS keeps (25,000
// events: a Map of ~3,100 iterations), each beside a baseline measured in the
// same run:
// - diff of two such histories (runs by path for both, the comparison with a
//   structural diff of every state's input and output, the report's lines),
//   beside folding the same two histories with the dashboard's fold — the
//   cost of merely reading them;
// - a timeline frame of a running 25,000-event execution (rows with lanes,
//   folding and critical path, then the visible lines) after one new event on
//   the incrementally kept runs, beside rebuilding the runs from all events
//   for every frame.
import {diffLines} from '../../dist/model/diff/diff-lines.js';
import {diffExecutions} from '../../dist/model/diff/execution-diff.js';
import {createSnapshot, foldEvents} from '../../dist/model/history/history-fold.js';
import {StateRunLog} from '../../dist/model/history/state-runs.js';
import {timelineLines} from '../../dist/model/timeline/timeline-lines.js';
import {timelineRows} from '../../dist/model/timeline/timeline-rows.js';
import {syntheticHistory} from './fold.bench.js';
import {time} from './graph.bench.js';

/**
 * B: the same execution with every 50th iteration's output different (the diff has data to show).
 * @param events
 */
function variant(events) {
	return events.map(event => (event.type === 'TaskStateExited' && event.id % 400 < 8 ? {...event, details: {...event.details, output: '{"ok": -1, "changed": true}'}} : event));
}

export default async function bench() {
	const a = syntheticHistory(25_000);
	const b = variant(a);
	const diff = time(() => {
		const report = diffExecutions(new StateRunLog().add(a), new StateRunLog().add(b));
		diffLines(report, {labels: ['a', 'b'], width: 120, ascii: false});
	}, 5);
	const readBoth = time(() => {
		foldEvents(createSnapshot(), a);
		foldEvents(createSnapshot(), b);
	}, 5);

	const kept = new StateRunLog().add(a.slice(0, -1));
	const last = a.at(-1);
	const frame = (runs, now) => timelineLines(timelineRows(runs), runs.execution, {width: 120, ascii: false, now, offset: 0, height: 30, selected: 0});
	let next = 0;
	const incremental = time(() => {
		next++;
		kept.add([{...last, id: last.id + next}]);
		frame(kept, last.timestamp + next);
	}, 20);
	const rebuild = time(() => {
		frame(new StateRunLog().add(a), last.timestamp);
	}, 5);

	return [
		{name: 'diff two 25,000-event histories (vs folding both)', value: diff, unit: 'ms', baseline: readBoth, target: '< 300 ms', met: diff < 300},
		{name: 'timeline frame of a 25,000-event execution after a new event (vs rebuilding the runs)', value: incremental, unit: 'ms', baseline: rebuild, target: '< 50 ms', met: incremental < 50},
	];
}
