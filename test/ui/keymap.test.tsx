import {afterEach, describe, expect, test} from 'vitest';
import {activeKeymap, bindingsFor, keymap} from '../../source/ui/keymap.js';
import {executionRoute} from '../../source/ui/routes.js';
import {executionArn, fakeSession} from './fake-session.js';
import {renderApp} from './render-app.js';

let cleanup: Array<() => void> = [];
afterEach(() => {
	for (const done of cleanup) {
		done();
	}

	cleanup = [];
});

function open(readOnly: boolean) {
	const session = fakeSession({readOnly});
	const rendered = renderApp(session, [executionRoute(executionArn)], {columns: 120, rows: 40});
	cleanup.push(() => {
		rendered.app.unmount();
	});
	return {...rendered, session};
}

describe('the key table', () => {
	test('? help is generated from the key table: every binding of the view is listed with its description', async () => {
		const {waitForFrame, press, frame} = open(false);
		await waitForFrame(text => text.includes('Event history'));
		await press('?');
		await waitForFrame(text => text.includes('Keys in the execution view'), 'the help');
		for (const binding of bindingsFor('execution', false)) {
			expect(frame()).toContain(binding.description);
		}

		// Keys of other views are not listed.
		expect(frame()).not.toContain('cycle the status filter');
		await press('z');
		await waitForFrame(text => !text.includes('Keys in the execution view'), 'the help closed');
	});

	test('read-only removes start, stop and redrive from the table, the status line and the help', async () => {
		expect(activeKeymap(true).some(binding => binding.mutating)).toBe(false);
		expect(activeKeymap(false).filter(binding => binding.mutating).map(binding => binding.command)).toEqual(['start', 'stop', 'redrive', 'select']);
		const {waitForFrame, press, frame, session} = open(true);
		await waitForFrame(text => text.includes('Event history'));
		expect(frame()).toContain('READ-ONLY');
		expect(frame()).not.toMatch(/s start|x stop|R redrive/);
		await press('s', 'x', 'R');
		expect(frame()).not.toContain('input JSON');
		expect(frame()).not.toContain('Stop order-7?');
		expect(session.calls).toEqual({start: [], stop: [], redrive: [], bulk: []});
		await press('?');
		await waitForFrame(text => text.includes('Keys in the execution view'));
		for (const binding of keymap) {
			if (binding.mutating) {
				expect(frame()).not.toContain(binding.description);
			}
		}

		expect(frame()).toContain('read-only');
	});

	test('keys typed faster than they are read (one input "x?") still each do their job', async () => {
		const {waitForFrame, press} = open(true);
		await waitForFrame(text => text.includes('Event history'));
		await press('x?');
		await waitForFrame(text => text.includes('Keys in the execution view'), 'the help');
	});

	test('no key is bound twice in the same view', () => {
		for (const view of ['machines', 'executions', 'running', 'execution'] as const) {
			const seen = new Set<string>();
			for (const binding of bindingsFor(view, false)) {
				for (const key of binding.keys) {
					expect(seen.has(key), `${key} in ${view}`).toBe(false);
					seen.add(key);
				}
			}
		}
	});
});
